package dev.structscope.tests.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test helper: seeded random pairs of C headers, the second an edited copy of the first (members
 * inserted, removed, retyped, reordered, arrays grown, packing toggled, records added and
 * removed), written with a name prefix so the oracle can put many versions in one C file.
 */
final class HeaderPairs {
    /** Typedef names, so that "as written" type changes such as {@code u32} -> {@code unsigned int} occur. */
    static final String TYPEDEFS = "typedef unsigned int u32;\ntypedef long long i64;\ntypedef unsigned char u8;\n";

    private static final String[] TYPES = {"char", "short", "int", "long", "long long", "float", "double",
            "void *", "u32", "i64", "u8", "unsigned short", "unsigned int"};

    /** A member: its type without the array part, and the array length (0: not an array). */
    record Mem(String name, String type, int length) {
        String decl() {
            return type + " " + name + (length > 0 ? "[" + length + "]" : "");
        }

        /** The type as written, which decides "retyped". */
        String written() {
            return type + (length > 0 ? "[" + length + "]" : "");
        }
    }

    /** A struct; {@code pack} 0 for none, else the {@code #pragma pack} value. */
    record Rec(String name, int pack, List<Mem> members) {
        Rec {
            members = List.copyOf(members);
        }

        String text(String prefix) {
            StringBuilder s = new StringBuilder();
            if (pack > 0) {
                s.append("#pragma pack(push, ").append(pack).append(")\n");
            }
            s.append("struct ").append(prefix).append(name).append(" {\n");
            for (Mem m : members) {
                s.append("    ").append(m.decl()).append(";\n");
            }
            s.append("};\n");
            if (pack > 0) {
                s.append("#pragma pack(pop)\n");
            }
            return s.toString();
        }
    }

    /** One header version: its records in order. */
    record Version(List<Rec> records) {
        Version {
            records = List.copyOf(records);
        }

        String text(String prefix) {
            StringBuilder s = new StringBuilder();
            for (Rec r : records) {
                s.append(r.text(prefix));
            }
            return s.toString();
        }
    }

    record Pair(Version old, Version now) {
    }

    private final Random random;
    private int names;

    HeaderPairs(long seed) {
        random = new Random(seed);
    }

    Pair next() {
        List<Rec> old = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            old.add(record("R" + i));
        }
        List<Rec> now = new ArrayList<>();
        boolean unchanged = random.nextInt(6) == 0;
        for (Rec r : old) {
            if (unchanged) {
                now.add(r);
            } else if (old.size() > 1 && random.nextInt(8) == 0) {
                continue; // record removed
            } else {
                now.add(edit(r));
            }
        }
        if (!unchanged && random.nextInt(5) == 0) {
            now.add(record("R" + (n + random.nextInt(3))));
        }
        return new Pair(new Version(old), new Version(now));
    }

    private Rec record(String name) {
        List<Mem> ms = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            ms.add(member());
        }
        return new Rec(name, random.nextInt(4) == 0 ? pack() : 0, ms);
    }

    private Mem member() {
        String type = TYPES[random.nextInt(TYPES.length)];
        int length = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 0;
        return new Mem("m" + names++, type, length);
    }

    private int pack() {
        return new int[] {1, 2, 4}[random.nextInt(3)];
    }

    private Rec edit(Rec r) {
        List<Mem> ms = new ArrayList<>(r.members());
        int pack = r.pack();
        int edits = random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(6)) {
                case 0 -> ms.add(random.nextInt(ms.size() + 1), member());
                case 1 -> {
                    if (ms.size() > 1) {
                        ms.remove(random.nextInt(ms.size()));
                    }
                }
                case 2 -> {
                    int i = random.nextInt(ms.size());
                    Mem m = ms.get(i);
                    ms.set(i, new Mem(m.name(), TYPES[random.nextInt(TYPES.length)], m.length()));
                }
                case 3 -> {
                    int i = random.nextInt(ms.size());
                    int j = random.nextInt(ms.size());
                    Mem t = ms.get(i);
                    ms.set(i, ms.get(j));
                    ms.set(j, t);
                }
                case 4 -> {
                    int i = random.nextInt(ms.size());
                    Mem m = ms.get(i);
                    ms.set(i, new Mem(m.name(), m.type(), m.length() + 1 + random.nextInt(4)));
                }
                default -> pack = pack == 0 ? pack() : 0;
            }
        }
        return new Rec(r.name(), pack, ms);
    }
}
