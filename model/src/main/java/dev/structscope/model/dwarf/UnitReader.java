package dev.structscope.model.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the units of {@code .debug_info} (DWARF 2 to 5): first only their headers, then, one
 * unit at a time, the entries that describe types, keyed by their absolute offset. Entries of
 * functions, variables and scopes are skipped (by {@code DW_AT_sibling} where the producer gave
 * one), so a large binary costs a pass over its bytes and memory for its types only.
 *
 * <p>Nesting is bounded, and every read is bounds-checked by {@link Cursor}: malformed input is an
 * InputException naming the section and offset. One import, one thread.
 */
final class UnitReader {
    private static final int MAX_NESTING = 512;

    /** One unit's header. */
    record Unit(long offset, long end, int version, int unitType, boolean dwarf64, int addressSize,
                long abbrevOffset, long dieStart, long typeSignature, long typeOffset) {
        boolean contains(long dieOffset) {
            return dieOffset >= dieStart && dieOffset < end;
        }
    }

    private final ByteBuffer info;
    private final ByteOrder order;
    private final Strings strings;
    private final Abbrevs abbrevs;
    final List<Unit> units = new ArrayList<>();
    /** Type units by signature (DWARF 5 {@code DW_UT_type}): the absolute offset of the type entry. */
    final Map<Long, Long> typeUnits = new HashMap<>();

    UnitReader(ByteBuffer info, ByteBuffer abbrev, Strings strings, ByteOrder order) {
        this.info = info;
        this.order = order;
        this.strings = strings;
        this.abbrevs = new Abbrevs(abbrev, order);
        scanHeaders();
    }

    private void scanHeaders() {
        Cursor c = new Cursor(".debug_info", info, order);
        while (!c.atEnd()) {
            long start = c.position();
            long length = c.u32();
            boolean dwarf64 = false;
            if (length == 0xffffffffL) {
                dwarf64 = true;
                length = c.u64();
            } else if (length >= 0xfffffff0L) {
                throw c.error(start, "reserved unit length 0x" + Long.toHexString(length));
            }
            long bodyStart = c.position();
            if (length < 0 || length > c.limit() - bodyStart) {
                throw c.error(start, "unit length " + Long.toUnsignedString(length) + " runs past the end of the section");
            }
            long end = bodyStart + length;
            int version = c.u16();
            int unitType = 1;
            int addressSize;
            long abbrevOffset;
            long signature = 0;
            long typeOffset = 0;
            if (version >= 2 && version <= 4) {
                abbrevOffset = c.offset(dwarf64);
                addressSize = c.u8();
            } else if (version == 5) {
                unitType = c.u8();
                addressSize = c.u8();
                abbrevOffset = c.offset(dwarf64);
                if (unitType == 4 || unitType == 5) {
                    c.u64(); // dwo id
                } else if (unitType == 2 || unitType == 6) {
                    signature = c.u64();
                    typeOffset = c.offset(dwarf64);
                }
            } else {
                throw c.error(start + (dwarf64 ? 12 : 4), "DWARF version " + version + " (StructScope reads 2 to 5)");
            }
            if (addressSize != 2 && addressSize != 4 && addressSize != 8) {
                throw c.error("address size " + addressSize + " (2, 4 or 8 expected)");
            }
            if (c.position() > end) {
                throw c.error(start, "unit header is longer than the unit");
            }
            Unit u = new Unit(start, end, version, unitType, dwarf64, addressSize, abbrevOffset, c.position(),
                    signature, typeOffset);
            units.add(u);
            if (unitType == 2) {
                typeUnits.put(signature, start + typeOffset);
            }
            c.at(end);
        }
    }

    /** The unit that holds the entry at {@code dieOffset}, or null. */
    Unit unitOf(long dieOffset) {
        int lo = 0;
        int hi = units.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Unit u = units.get(mid);
            if (dieOffset < u.offset()) {
                hi = mid - 1;
            } else if (dieOffset >= u.end()) {
                lo = mid + 1;
            } else {
                return u;
            }
        }
        return null;
    }

    /** The type entries of one unit by absolute offset; the unit's root entry under key {@code -1}. */
    Map<Long, Die> read(Unit u) {
        Map<Long, Die> out = new HashMap<>();
        Cursor c = new Cursor(".debug_info", info, order).at(u.dieStart());
        Abbrevs.Table table = abbrevs.table(u.abbrevOffset());
        UnitContext ctx = new UnitContext(u, strings);
        Die[] stack = new Die[MAX_NESTING + 1];
        boolean[] keep = new boolean[MAX_NESTING + 1];
        int depth = 0;
        boolean first = true;
        while (c.position() < u.end()) {
            long at = c.position();
            long code = c.uleb();
            if (code == 0) {
                if (depth == 0) {
                    if (first) {
                        throw c.error(at, "unit has no entries");
                    }
                    continue; // padding after the root's children
                }
                depth--;
                continue;
            }
            Abbrevs.Abbrev ab = table.get(code, c, at);
            boolean parentKept = depth == 0 || keep[depth - 1];
            boolean root = first;
            first = false;
            boolean want = root || (parentKept && Die.wanted(ab.tag()));
            Die die = want ? new Die(at, ab.tag()) : null;
            long sibling = Die.NONE;
            for (int i = 0; i < ab.names().length; i++) {
                sibling = Forms.read(c, ab.names()[i], ab.forms()[i], ab.implicit()[i], die, ctx, sibling);
            }
            if (root) {
                ctx.rootDone();
                out.put(-1L, die);
            } else if (die != null) {
                out.put(at, die);
                if (depth > 0 && stack[depth - 1] != null) {
                    stack[depth - 1].children.add(die);
                }
            }
            if (ab.hasChildren()) {
                if (!want && sibling != Die.NONE && sibling > c.position() && sibling <= u.end()) {
                    c.at(sibling); // skip the subtree of a function or scope without reading it
                    continue;
                }
                if (depth >= MAX_NESTING) {
                    throw c.error(at, "entries nested more than " + MAX_NESTING + " deep");
                }
                stack[depth] = die;
                keep[depth] = want;
                depth++;
            }
        }
        if (c.position() != u.end()) {
            throw c.error("entry runs past the end of its unit (at 0x" + Long.toHexString(u.end()) + ")");
        }
        return out;
    }
}
