package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Lays out one struct or union: checks each member (flexible arrays last, bit-field widths and
 * types, unnamed members) and hands it to the ABI's {@link LayoutRules} ({@link SysvRules} for
 * GCC/clang on System V and AAPCS, {@link MsvcRules} for Microsoft), then computes the padding.
 * One instance per record; confined to its thread.
 */
final class RecordLayouter {
    private final LayoutContext ctx;
    private final CType type;
    private final RecordType rec;
    private final String name;
    private final boolean union;
    private final LayoutRules rules;
    private List<FieldLayout> fields = List.of();

    RecordLayouter(LayoutContext ctx, CType type, RecordType rec, String name) {
        this.ctx = ctx;
        this.type = type;
        this.rec = rec;
        this.name = name;
        this.union = rec.kind() == RecordKind.UNION;
        this.rules = ctx.abi.bitfields() == Abi.BitfieldRules.MSVC ? new MsvcRules(ctx, rec) : new SysvRules(ctx.abi, rec);
    }

    RecordLayout layout() {
        List<Member> members = rec.members();
        // Placed members (at) take no part in the sequential layout: they are laid out on their
        // own and put back in declaration order, after the rules have placed the others.
        List<FieldLayout> placed = new ArrayList<>();
        List<Integer> placedAt = new ArrayList<>();
        int lastSequential = MemberRules.lastSequential(members);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            TypeLayout tl = m.dynamic().at() != null ? ctx.placed(m.type()) : ctx.type(m.type());
            checkDynamic(m, tl);
            if (m.dynamic().at() != null) {
                placedAt.add(rules.fields().size() + placed.size());
                placed.add(new FieldLayout(m.name(), m, tl, 0, tl.align(), null, true));
                continue;
            }
            if (tl instanceof ArrayLayout a && a.flexible()) {
                MemberRules.flexibleArray(rec.kind(), members, i).ifPresent(f -> {
                    throw new InputException(where(m), f.message(m.name(), MemberRules.Wording.LAYOUT));
                });
            }
            if (tl instanceof RecordLayout r && r.dynamic() && !union && i != lastSequential) {
                // GNU C lets a struct hold one that ends in a flexible array before other members
                // (glibc's struct cmessage holds a struct cmsghdr): there its array has no elements.
                RecordLayout held = withoutElements(r);
                if (held != null) {
                    tl = held;
                } else if (hasFlexibleTail(r)) {
                    throw new InputException(where(m), "member '" + display(m) + "' ends in a flexible array and must be last");
                }
            }
            if (m.isBitField()) {
                bitField(m, tl);
            } else {
                if (m.name() == null && !(tl instanceof RecordLayout)) {
                    throw new InputException(where(m), "a member without a name must be a struct or union");
                }
                if (m.dynamic().size() != null || m.dynamic().switchOn() != null && tl instanceof RecordLayout) {
                    // A sized member can be as small as 0 bytes, a tagged union as its smallest
                    // alternative (it occupies the chosen one's bytes, not C's union size): the
                    // smallest record has them so. The alignment stays; the field keeps the real
                    // type's layout for the decoder.
                    rules.plain(m, new ArrayLayout(tl.type(), tl, 0, false, smallestSize(m, tl), tl.align()));
                    List<FieldLayout> placedSoFar = rules.fields();
                    FieldLayout f = placedSoFar.getLast();
                    placedSoFar.set(placedSoFar.size() - 1, f.withLayout(tl));
                } else {
                    rules.plain(m, tl);
                }
            }
        }
        long[] sizeAlign;
        try {
            sizeAlign = rules.finish();
        } catch (ArithmeticException e) {
            throw new InputException(where(null), "record too large");
        }
        long size = sizeAlign[0];
        if (size > LayoutContext.MAX_SIZE) {
            throw new InputException(where(null), "record too large: " + size + " bytes");
        }
        fields = new ArrayList<>(rules.fields());
        for (int k = 0; k < placed.size(); k++) {
            fields.add(placedAt.get(k), placed.get(k));
        }
        boolean sizeVaries = markDynamic();
        boolean dynamic = sizeVaries || !placed.isEmpty() || fields.stream().anyMatch(f -> isDynamic(f.layout()));
        return new RecordLayout(type, name, rec, size, sizeAlign[1], fields, padding(size, sizeVaries), dynamic,
                sizeVaries);
    }

    /** The dynamic attributes a member's type and kind allow. */
    private void checkDynamic(Member m, TypeLayout tl) {
        if (m.dynamic().isNone()) {
            return;
        }
        if (m.isBitField()) {
            throw new InputException(where(m), "a bit-field cannot be placed, switched or sized");
        }
        if (m.dynamic().switchOn() != null
                && !(tl instanceof RecordLayout r && r.definition().kind() == RecordKind.UNION)) {
            throw new InputException(where(m), "switch needs a member of union type; '" + display(m) + "' is "
                    + m.type().spelling());
        }
    }

    /**
     * Marks the fields whose offset depends on data (everything after the first member whose size
     * data decides; placed members are so already) and tells whether data decides the record's size.
     * A nested record that is dynamic only through placed members has a fixed size: what follows
     * it keeps a fixed offset.
     */
    private boolean markDynamic() {
        boolean after = false;
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            if (after && !union) {
                fields.set(i, f.asDynamic());
            }
            if (f.member().dynamic().at() == null && sizeVaries(f)) {
                after = true;
            }
        }
        return after;
    }

    /**
     * A flexible array member with nothing after it: C's own "struct hack", whose record keeps the
     * padding and tail C gives it (the array adds whole elements past {@code sizeof} at most).
     */
    private boolean cTail(FieldLayout f) {
        return f.layout() instanceof ArrayLayout a && a.flexible() && !isDynamic(a.element())
                && f.member().dynamic().isNone() && fields.getLast() == f;
    }

    /**
     * The fewest bytes member {@code m} of type {@code tl} occupies ({@link FieldLayout#smallestSize}):
     * 0 for a sized member; for a tagged union its smallest alternative that can be chosen (one
     * with {@code when}, or the default; an unnamed bit-field is never chosen; a placed one takes
     * no room where the union is); else its size.
     */
    static long smallestSize(Member m, TypeLayout tl) {
        if (m.dynamic().size() != null) {
            return 0;
        }
        if (m.dynamic().switchOn() == null || !(tl instanceof RecordLayout union)) {
            return tl.size();
        }
        long smallest = union.size();
        for (FieldLayout alt : union.fields()) {
            if (!(alt.name() == null && alt.isBitField())) {
                smallest = Math.min(smallest, alt.member().dynamic().at() != null ? 0 : alt.size());
            }
        }
        return smallest;
    }

    /** Whether data decides how many bytes this member occupies. */
    static boolean sizeFromData(FieldLayout f) {
        Member m = f.member();
        if (m.dynamic().switchOn() != null || m.dynamic().size() != null) {
            return true;
        }
        return isDynamic(f.layout());
    }

    /** Whether data decides the size of a value of this type. */
    static boolean isDynamic(TypeLayout t) {
        return switch (t) {
            case ArrayLayout a -> a.dynamicLength() || isDynamic(a.element());
            case RecordLayout r -> r.dynamic();
            default -> false;
        };
    }

    /**
     * Whether data decides how many bytes member {@code f} occupies where it stands: as
     * {@link #sizeFromData}, except that a record dynamic only through placed members (which lie
     * elsewhere) has its fixed size.
     */
    private static boolean sizeVaries(FieldLayout f) {
        Member m = f.member();
        return m.dynamic().switchOn() != null || m.dynamic().size() != null || sizeVaries(f.layout());
    }

    private static boolean sizeVaries(TypeLayout t) {
        return switch (t) {
            case ArrayLayout a -> a.dynamicLength() || sizeVaries(a.element());
            case RecordLayout r -> r.sizeVaries();
            default -> false;
        };
    }

    /**
     * A struct that C lays out with a flexible array at its end (C's "struct hack", directly or
     * in its last member), as it is where other members follow it: the array without elements,
     * so nothing about it depends on data. Null for a record that is dynamic in any other way.
     */
    private static RecordLayout withoutElements(RecordLayout r) {
        List<FieldLayout> fields = r.fields();
        if (fields.isEmpty() || r.definition() == null || r.definition().kind() != RecordKind.STRUCT) {
            return null;
        }
        for (FieldLayout f : fields) {
            if (!f.member().dynamic().isNone() || (f != fields.getLast() && isDynamic(f.layout()))) {
                return null;
            }
        }
        FieldLayout last = fields.getLast();
        TypeLayout tail;
        if (last.layout() instanceof ArrayLayout a && a.flexible() && a.count() == null && !isDynamic(a.element())) {
            tail = new ArrayLayout(a.type(), a.element(), 0, false, 0, a.align());
        } else if (last.layout() instanceof RecordLayout inner && inner.dynamic()) {
            tail = withoutElements(inner);
            if (tail == null) {
                return null;
            }
        } else {
            return null;
        }
        List<FieldLayout> held = new ArrayList<>(fields);
        held.set(held.size() - 1, last.withLayout(tail));
        return new RecordLayout(r.type(), r.name(), r.definition(), r.size(), r.align(), held, r.padding(), false, false);
    }

    static boolean hasFlexibleTail(RecordLayout r) {
        if (r.fields().isEmpty()) {
            return false;
        }
        FieldLayout last = r.fields().getLast();
        return last.layout() instanceof ArrayLayout a && a.flexible();
    }

    private void bitField(Member m, TypeLayout tl) {
        OptionalLong bits = switch (tl) {
            case ScalarLayout s when s.prim().isInteger() -> OptionalLong.of(MemberRules.bitFieldBits(s.prim(), s.size()));
            case EnumLayout e -> OptionalLong.of(e.size() * 8);
            default -> OptionalLong.empty();
        };
        MemberRules.bitField(m.name(), BigInteger.valueOf(m.bitWidth()), bits, m.type().spelling()).ifPresent(f -> {
            throw new InputException(where(m), f.message(MemberRules.Wording.LAYOUT));
        });
        rules.bitField(m, tl, m.bitWidth());
    }

    /**
     * Byte ranges that no member's bytes (or bits) touch, the members of anonymous struct/union
     * members included. In a dynamic record only the holes of the static prefix are known: up to
     * the first member whose size data decides, without tail.
     */
    private List<Padding> padding(long size, boolean sizeVaries) {
        List<long[]> used = new ArrayList<>();
        for (FieldLayout f : fields) {
            if (f.dynamic() || f.member().dynamic().at() != null) {
                continue;
            }
            if (sizeVaries && sizeVaries(f) && !cTail(f)) {
                used.add(new long[] {f.offset(), f.offset()});
                size = f.offset();
                break;
            }
            if (f.isBitField()) {
                if (f.bits().width() > 0) {
                    used.add(new long[] {f.bits().firstByte(), f.bits().endByte()});
                }
            } else if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                // Its members are this record's members (listed in its place), so the bytes none
                // of them covers are this record's padding: the inner record's own padding, found
                // by this same rule (in a union, a byte is used when any alternative covers it).
                long from = f.offset();
                for (Padding p : inner.padding()) {
                    if (f.offset() + p.offset() > from) {
                        used.add(new long[] {from, f.offset() + p.offset()});
                    }
                    from = f.offset() + p.offset() + p.size();
                }
                if (f.offset() + f.size() > from) {
                    used.add(new long[] {from, f.offset() + f.size()});
                }
            } else if (f.size() > 0) {
                used.add(new long[] {f.offset(), f.offset() + f.size()});
            }
        }
        used.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Padding> out = new ArrayList<>();
        long cursor = 0;
        for (long[] u : used) {
            if (u[0] > cursor) {
                out.add(new Padding(cursor, u[0] - cursor, false));
            }
            cursor = Math.max(cursor, u[1]);
        }
        if (size > cursor) {
            out.add(new Padding(cursor, size - cursor, true));
        }
        return out;
    }

    private String where(Member m) {
        String r = rec.kind().keyword() + " " + (name == null ? "<anonymous>" : name);
        return m == null || m.name() == null ? r : r + "." + m.name();
    }

    private static String display(Member m) {
        return m.name() == null ? "<unnamed>" : m.name();
    }

    static long roundUp(long v, long a) {
        if (a <= 1) {
            return v;
        }
        long r = v % a;
        return r == 0 ? v : Math.addExact(v, a - r);
    }
}
