package dev.structscope.model.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The abbreviation tables of {@code .debug_abbrev}, each read once (units usually share one) and
 * kept by its offset. One import, one thread.
 */
final class Abbrevs {
    /** One abbreviation: the tag, whether entries have children, and the attribute specs. */
    record Abbrev(int tag, boolean hasChildren, int[] names, int[] forms, long[] implicit) {
    }

    /** One table: abbreviations by code. */
    static final class Table {
        private final Map<Long, Abbrev> byCode = new HashMap<>();

        Abbrev get(long code, Cursor info, long at) {
            Abbrev a = byCode.get(code);
            if (a == null) {
                throw info.error(at, "abbreviation code " + code + " is not in the unit's abbreviation table");
            }
            return a;
        }
    }

    private final ByteBuffer section;
    private final ByteOrder order;
    private final Map<Long, Table> tables = new HashMap<>();

    Abbrevs(ByteBuffer section, ByteOrder order) {
        this.section = section;
        this.order = order;
    }

    Table table(long offset) {
        Table t = tables.get(offset);
        if (t == null) {
            t = parse(offset);
            tables.put(offset, t);
        }
        return t;
    }

    private Table parse(long offset) {
        Cursor c = new Cursor(".debug_abbrev", section, order).at(offset);
        Table t = new Table();
        while (true) {
            long at = c.position();
            long code = c.uleb();
            if (code == 0) {
                return t;
            }
            long tag = c.uleb();
            int children = c.u8();
            if (tag > 0xffff) {
                throw c.error(at, "tag 0x" + Long.toHexString(tag) + " is out of range");
            }
            int[] names = new int[4];
            int[] forms = new int[4];
            long[] implicit = new long[4];
            int n = 0;
            while (true) {
                long name = c.uleb();
                long form = c.uleb();
                if (name == 0 && form == 0) {
                    break;
                }
                if (name > 0xffff || form > 0xffff) {
                    throw c.error("attribute 0x" + Long.toHexString(name) + " or form 0x" + Long.toHexString(form)
                            + " is out of range");
                }
                if (n == names.length) {
                    if (n >= 4096) {
                        throw c.error(at, "abbreviation " + code + " has more than 4096 attributes");
                    }
                    names = java.util.Arrays.copyOf(names, n * 2);
                    forms = java.util.Arrays.copyOf(forms, n * 2);
                    implicit = java.util.Arrays.copyOf(implicit, n * 2);
                }
                names[n] = (int) name;
                forms[n] = (int) form;
                implicit[n] = form == Forms.IMPLICIT_CONST ? c.sleb() : 0;
                n++;
            }
            if (t.byCode.putIfAbsent(code, new Abbrev((int) tag, children != 0, java.util.Arrays.copyOf(names, n),
                    java.util.Arrays.copyOf(forms, n), java.util.Arrays.copyOf(implicit, n))) != null) {
                throw c.error(at, "abbreviation code " + code + " is defined twice");
            }
        }
    }
}
