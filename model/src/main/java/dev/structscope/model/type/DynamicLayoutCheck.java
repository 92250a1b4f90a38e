package dev.structscope.model.type;

import dev.structscope.model.InputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the rules {@link MemberRules} gives for dynamic-layout attributes to every record of a
 * library as it is read: the header importer and the document checker both call it, so that a
 * header and a document are refused for the same reasons, before any data is decoded (a float
 * discriminator used to fail on every record, with a message about the data).
 *
 * <p>Expressions name members as the decoder finds them: the earlier members of the record being
 * decoded (through anonymous members), then those before it in each record around it; a tagged
 * union's alternative sees no other alternative, only the records around the union. So a named
 * record is checked on its own and again where it is used, with the members around it. A name no
 * record around it declares is left unknown while the outermost of those records is used inside
 * another one (that one may supply it at decode time); once the outermost is a record no other
 * record holds, nothing else can, and the name is refused. A dotted name's later parts are the
 * members of the member its first part finds, wherever the record is. A record is walked once per
 * distinct set of members the library's names reach from it, so a type used in many places does
 * not multiply the work. One instance per check; not thread-safe.
 */
public final class DynamicLayoutCheck {
    /** The members an expression of a record's member can name: {@code visible} of them, then outward. */
    private record Scope(RecordType record, int visible, Scope parent) {
    }

    private final TypeLibrary library;
    /** Every first name of a member path in the library's expressions: what a walk's outcome depends on. */
    private final Set<String> names = new TreeSet<>();
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final Set<List<Integer>> walked = new HashSet<>();
    /** The records another record holds (by value, in an array, as a union's alternative, placed). */
    private final Set<RecordType> enclosed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The typedef names of anonymous records, for messages. */
    private final Map<RecordType, String> typedefNames = new IdentityHashMap<>();

    private DynamicLayoutCheck(TypeLibrary library) {
        this.library = library;
    }

    /** The first dynamic-layout attribute of {@code library} that cannot mean anything, in declaration order. */
    public static Optional<MemberRules.DynamicFault> first(TypeLibrary library) {
        DynamicLayoutCheck c = new DynamicLayoutCheck(library);
        List<RecordType> roots = new ArrayList<>();
        for (Decl d : library.decls()) {
            if (d instanceof RecordType r) {
                roots.add(r);
            } else if (d instanceof Typedef t && t.target() instanceof RecordType r) {
                roots.add(r);
                c.typedefNames.putIfAbsent(r, t.name());
            }
        }
        roots.forEach(c::collectNames);
        try {
            for (RecordType r : roots) {
                c.record(r, null, false);
            }
        } catch (Found f) {
            return Optional.of(f.fault);
        }
        return Optional.empty();
    }

    private void collectNames(RecordType r) {
        if (ids.containsKey(r)) {
            return;
        }
        id(r);
        for (Member m : r.members()) {
            for (Expr e : expressions(m)) {
                e.references().forEach(p -> names.add(p.getFirst()));
            }
            if (element(m.type()) instanceof RecordType inner) {
                // A record that holds itself (a linked structure) is still decoded as the outermost.
                if (inner != r) {
                    enclosed.add(inner);
                }
                collectNames(inner);
            }
        }
    }

    /** A member's count, at, size and switch expressions. */
    private static List<Expr> expressions(Member m) {
        List<Expr> out = new ArrayList<>();
        for (CType t = m.type(); t instanceof ArrayType a; t = a.element()) {
            if (a.count() != null) {
                out.add(a.count());
            }
        }
        Dynamic d = m.dynamic();
        for (Expr e : new Expr[] {d.at(), d.size(), d.switchOn()}) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Checks the members of {@code rec} decoded inside {@code outer}; {@code tagged} when it is a
     * union a switch chooses one alternative of.
     */
    private void record(RecordType rec, Scope outer, boolean tagged) {
        List<Integer> key = new ArrayList<>();
        key.add(id(rec));
        key.add(tagged ? 1 : 0);
        key.add(closed(new Scope(rec, 0, outer)) ? 1 : 0);
        for (String n : names) {
            Member m = find(n, outer);
            key.add(m == null ? -1 : id(m));
        }
        if (!walked.add(key)) {
            return;
        }
        List<Member> members = rec.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            Scope here = new Scope(rec, tagged ? 0 : i, outer);
            member(rec, m, here);
            if (element(m.type()) instanceof RecordType inner) {
                record(inner, here, m.dynamic().switchOn() != null && inner.kind() == RecordKind.UNION);
            }
        }
    }

    private void member(RecordType rec, Member m, Scope here) {
        MemberRules.whenOutsideUnion(rec.kind(), m).ifPresent(DynamicLayoutCheck::fail);
        for (CType t = m.type(); t instanceof ArrayType a; t = a.element()) {
            if (a.count() != null) {
                typed(m, MemberRules.Use.COUNT, a.count(), here);
            }
        }
        Dynamic d = m.dynamic();
        if (d.at() != null) {
            typed(m, MemberRules.Use.AT, d.at(), here);
        }
        if (d.size() != null) {
            typed(m, MemberRules.Use.SIZE, d.size(), here);
        }
        if (d.switchOn() != null) {
            MemberRules.Operand key = typed(m, MemberRules.Use.SWITCH, d.switchOn(), here);
            // A switch on a member that is not a union is the layout engine's to refuse.
            if (resolve(m.type()) instanceof RecordType u && u.kind() == RecordKind.UNION) {
                MemberRules.alternatives(d.switchOn(), key, u.members()).ifPresent(DynamicLayoutCheck::fail);
            }
        } else if (element(m.type()) instanceof RecordType u) {
            MemberRules.unswitched(m, u).ifPresent(DynamicLayoutCheck::fail);
        }
    }

    private MemberRules.Operand typed(Member m, MemberRules.Use use, Expr e, Scope here) {
        MemberRules.Typed t = MemberRules.expression(m, use, e, r -> operand(r.path(), here));
        if (t.fault() != null) {
            fail(t.fault());
        }
        return t.operand();
    }

    /**
     * What the member at {@code path} is, seen from {@code here}: missing when no member can
     * answer to it, unknown when a record around {@code here} at decode time may supply it.
     */
    private MemberRules.Operand operand(List<String> path, Scope here) {
        Member m = find(path.getFirst(), here);
        if (m == null) {
            return closed(here) ? MemberRules.noMember(path.getFirst(), looked(here), visible(here))
                    : MemberRules.Operand.UNKNOWN;
        }
        // The decoder looks a dotted name's first part up and then only inside what it found.
        for (int k = 1; k < path.size(); k++) {
            String holder = String.join(".", path.subList(0, k));
            CType t = resolve(m.type());
            if (t == null) {
                return MemberRules.Operand.UNKNOWN;
            }
            if (!(t instanceof RecordType r)) {
                return MemberRules.noMembers(holder, m.type().spelling());
            }
            Member next = inside(path.get(k), r.members(), r.members().size());
            if (next == null) {
                List<String> names = new ArrayList<>();
                names(r.members(), r.members().size(), names);
                return MemberRules.noMemberIn(holder, m.type().spelling(), path.get(k), names);
            }
            m = next;
        }
        return MemberRules.operand(m, this::resolve);
    }

    /** Whether the records around {@code scope} are all there can be: the outermost is held by no record. */
    private boolean closed(Scope scope) {
        Scope s = scope;
        while (s.parent() != null) {
            s = s.parent();
        }
        return !enclosed.contains(s.record());
    }

    /** The records a name was looked for in from {@code scope}, innermost first, as a reader names them. */
    private List<String> looked(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Scope s = scope; s != null; s = s.parent()) {
            RecordType r = s.record();
            String name = r.name() != null ? r.spelling() : typedefNames.get(r);
            if (name != null && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The names an expression could have meant from {@code scope}: innermost and latest first. */
    private List<String> visible(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Scope s = scope; s != null; s = s.parent()) {
            names(s.record().members(), s.visible(), out);
        }
        return out;
    }

    /** The names {@link #inside} can find among the first {@code count} of {@code members}, latest first. */
    private void names(List<Member> members, int count, List<String> out) {
        for (int i = count - 1; i >= 0; i--) {
            Member m = members.get(i);
            if (m.name() != null) {
                out.add(m.name());
            } else if (m.isAnonymousRecord() && m.dynamic().switchOn() == null && resolve(m.type()) instanceof RecordType r) {
                names(r.members(), r.members().size(), out);
            }
        }
    }

    /** The member named {@code name} the decoder would find from {@code scope}: innermost first, latest first. */
    private Member find(String name, Scope scope) {
        for (Scope s = scope; s != null; s = s.parent()) {
            Member m = inside(name, s.record().members(), s.visible());
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The member named {@code name} among the first {@code count} of {@code members}, reaching into anonymous ones. */
    private Member inside(String name, List<Member> members, int count) {
        for (int i = count - 1; i >= 0; i--) {
            Member m = members.get(i);
            if (name.equals(m.name())) {
                return m;
            }
            // A tagged anonymous union keeps its alternatives to itself (the decoder does not lift them).
            if (m.isAnonymousRecord() && m.dynamic().switchOn() == null && resolve(m.type()) instanceof RecordType r) {
                Member inner = inside(name, r.members(), r.members().size());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The record a member of this type holds, through typedefs and arrays; null for anything else. */
    private RecordType element(CType type) {
        CType t = resolve(type);
        while (t instanceof ArrayType a) {
            t = resolve(a.element());
        }
        return t instanceof RecordType r ? r : null;
    }

    /** The type without typedefs and tags; null when the library cannot say (the checks that can, say so). */
    private CType resolve(CType t) {
        try {
            return library.resolve(t);
        } catch (InputException e) {
            return null;
        }
    }

    private int id(Object o) {
        return ids.computeIfAbsent(o, x -> ids.size());
    }

    private static void fail(MemberRules.DynamicFault f) {
        throw new Found(f);
    }

    /** Ends the walk at the first fault. */
    private static final class Found extends RuntimeException {
        final transient MemberRules.DynamicFault fault;

        Found(MemberRules.DynamicFault fault) {
            super(null, null, false, false);
            this.fault = fault;
        }
    }
}
