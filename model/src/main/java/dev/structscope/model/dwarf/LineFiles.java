package dev.structscope.model.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The file table of one unit's line program header in {@code .debug_line} (DWARF 2 to 5): the
 * names a {@code DW_AT_decl_file} index stands for, as full paths, so that the importer can tell
 * the types a system header declared from the program's own. Only the header is read; the line
 * program is not run. Bounded in entries; malformed input is an {@code InputException} that
 * names the offset. Stateless.
 */
final class LineFiles {
    /** More files than any unit names; a count past it is corrupt. */
    private static final long MAX_ENTRIES = 1 << 20;
    private static final int LNCT_PATH = 1;
    private static final int LNCT_DIRECTORY_INDEX = 2;

    private LineFiles() {
    }

    /**
     * The paths by file index: index 0 is the unit's primary file in DWARF 5 and unused (null)
     * before it. A relative directory is taken from {@code compDir}; an entry whose name cannot be
     * read (a form of a string section the file does not have) is null.
     */
    static List<String> read(ByteBuffer line, long offset, ByteOrder order, Strings strings, String compDir) {
        Cursor c = new Cursor(".debug_line", line, order).at(offset);
        long length = c.u32();
        boolean dwarf64 = length == 0xffff_ffffL;
        if (dwarf64) {
            length = c.u64();
        }
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw c.error(offset, "line table version " + version + " (StructScope reads 2 to 5)");
        }
        if (version == 5) {
            c.skip(2); // address size, segment selector size
        }
        c.offset(dwarf64); // header length
        c.skip(version >= 4 ? 2 : 1); // minimum instruction length (and maximum operations per instruction)
        c.skip(3); // default_is_stmt, line_base, line_range
        int opcodeBase = c.u8();
        c.skip(Math.max(0, opcodeBase - 1));
        return version == 5 ? v5(c, strings, compDir, dwarf64) : older(c, compDir);
    }

    private static List<String> older(Cursor c, String compDir) {
        List<String> dirs = new ArrayList<>();
        dirs.add(compDir);
        for (String d = c.cstring(); !d.isEmpty(); d = c.cstring()) {
            bound(c, dirs.size());
            dirs.add(d);
        }
        List<String> files = new ArrayList<>();
        files.add(null);
        for (String name = c.cstring(); !name.isEmpty(); name = c.cstring()) {
            bound(c, files.size());
            long dir = c.uleb();
            c.uleb(); // modification time
            c.uleb(); // length
            files.add(join(dir < dirs.size() ? dirs.get((int) dir) : null, name, compDir));
        }
        return files;
    }

    private static List<String> v5(Cursor c, Strings strings, String compDir, boolean dwarf64) {
        List<String[]> dirs = entries(c, strings, dwarf64);
        List<String> dirPaths = new ArrayList<>();
        for (String[] d : dirs) {
            dirPaths.add(join(null, d[0], compDir));
        }
        List<String> files = new ArrayList<>();
        for (String[] f : entries(c, strings, dwarf64)) {
            String dir = null;
            if (f[1] != null) {
                long i = Long.parseLong(f[1]);
                dir = i >= 0 && i < dirPaths.size() ? dirPaths.get((int) i) : null;
            }
            files.add(f[0] == null ? null : join(dir, f[0], compDir));
        }
        return files;
    }

    /** One DWARF 5 entry list (directories or file names): each entry's path and directory index. */
    private static List<String[]> entries(Cursor c, Strings strings, boolean dwarf64) {
        int formats = c.u8();
        long[] kinds = new long[formats];
        int[] forms = new int[formats];
        for (int i = 0; i < formats; i++) {
            kinds[i] = c.uleb();
            forms[i] = (int) c.uleb();
        }
        long count = c.uleb();
        bound(c, count);
        List<String[]> out = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            String[] entry = new String[2];
            for (int i = 0; i < formats; i++) {
                String v = value(c, forms[i], strings, dwarf64);
                if (kinds[i] == LNCT_PATH) {
                    entry[0] = v;
                } else if (kinds[i] == LNCT_DIRECTORY_INDEX) {
                    entry[1] = v;
                }
            }
            out.add(entry);
        }
        return out;
    }

    /** A field of an entry as text (a number as its decimal digits), or null for one not kept. */
    private static String value(Cursor c, int form, Strings strings, boolean dwarf64) {
        int at = c.position();
        return switch (form) {
            case 0x08 -> c.cstring(); // string
            case 0x0e -> strings.str(c.offset(dwarf64), c, at); // strp
            case 0x1f -> strings.lineStr(c.offset(dwarf64), c, at); // line_strp
            case 0x0b -> Long.toString(c.u8()); // data1
            case 0x05 -> Long.toString(c.u16()); // data2
            case 0x06 -> Long.toString(c.u32()); // data4
            case 0x07 -> Long.toString(c.u64()); // data8
            case 0x0f -> Long.toString(c.uleb()); // udata
            case 0x1e -> { c.skip(16); yield null; } // data16 (an MD5)
            case 0x09 -> { c.skip(c.uleb()); yield null; } // block
            case 0x1a -> { c.uleb(); yield null; } // strx: needs the unit's base; not kept
            case 0x25 -> { c.u8(); yield null; } // strx1
            case 0x26 -> { c.u16(); yield null; } // strx2
            case 0x27 -> { c.unsigned(3); yield null; } // strx3
            case 0x28 -> { c.u32(); yield null; } // strx4
            default -> throw c.error(at, "unknown form 0x" + Integer.toHexString(form) + " in a line table entry");
        };
    }

    private static void bound(Cursor c, long n) {
        if (n < 0 || n > MAX_ENTRIES) {
            throw c.error("a line table with more than " + MAX_ENTRIES + " directories or files");
        }
    }

    /** {@code name} in {@code dir} (itself in {@code compDir} when relative), with "." and ".." taken out. */
    private static String join(String dir, String name, String compDir) {
        String path = name;
        if (!name.startsWith("/")) {
            String base = dir == null ? compDir : dir.startsWith("/") || compDir == null ? dir : compDir + "/" + dir;
            path = base == null ? name : base + "/" + name;
        }
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..") && !parts.isEmpty() && !parts.getLast().equals("..")) {
                parts.removeLast();
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return (path.startsWith("/") ? "/" : "") + String.join("/", parts);
    }
}
