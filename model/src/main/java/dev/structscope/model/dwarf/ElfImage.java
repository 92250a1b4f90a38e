package dev.structscope.model.dwarf;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The parts of an ELF file (32 or 64 bit, either byte order) that hold debug information: the
 * header's class, byte order and machine, and the sections by name. A section's bytes come back
 * ready to read: {@code SHF_COMPRESSED} (zlib) and GNU {@code .zdebug_*} sections are inflated
 * (never beyond the size they declare, and never beyond {@code maxSectionBytes}), and in a
 * relocatable object the relocations that DWARF sections carry against each other are applied,
 * since RELA objects keep the string offsets there and leave zeros in the section.
 *
 * <p>Reads the caller's segment and never writes it; no file I/O. One instance per import, one
 * thread.
 */
final class ElfImage {
    static final int EM_386 = 3;
    static final int EM_ARM = 40;
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;
    private static final int EM_PPC = 20;
    private static final int EM_PPC64 = 21;
    private static final int EM_S390 = 22;
    private static final int EM_RISCV = 243;
    private static final int EM_LOONGARCH = 258;
    private static final long SHF_COMPRESSED = 0x800;
    private static final int SHT_RELA = 4;
    private static final int SHT_REL = 9;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_SYMTAB = 2;

    /** One section header. */
    record Section(String name, int type, long flags, long offset, long size, int link, int info, long entsize,
                   int index) {
    }

    final boolean is64;
    final ByteOrder order;
    final int machine;
    final int type;
    private final MemorySegment file;
    private final long maxSectionBytes;
    private final Map<String, Section> byName = new LinkedHashMap<>();
    private final Section[] sections;

    /** Whether {@code file} starts with the ELF magic bytes. */
    static boolean isElf(MemorySegment file) {
        return file.byteSize() >= 4 && file.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) == 0x7f
                && file.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 1) == 'E'
                && file.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2) == 'L'
                && file.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 3) == 'F';
    }

    ElfImage(MemorySegment file, long maxSectionBytes) {
        this.file = file;
        this.maxSectionBytes = maxSectionBytes;
        if (!isElf(file)) {
            throw new InputException("ELF header+0x0", "not an ELF file (no \\x7fELF magic)");
        }
        Cursor id = new Cursor("ELF header", view(0, Math.min(file.byteSize(), 64), "ELF header"),
                ByteOrder.LITTLE_ENDIAN);
        id.at(4);
        int cls = id.u8();
        int data = id.u8();
        if (cls != 1 && cls != 2) {
            throw id.error(4, "unknown ELF class " + cls + " (1 = 32-bit, 2 = 64-bit)");
        }
        if (data != 1 && data != 2) {
            throw id.error(5, "unknown ELF data encoding " + data + " (1 = little-endian, 2 = big-endian)");
        }
        is64 = cls == 2;
        order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        Cursor h = new Cursor("ELF header", view(0, Math.min(file.byteSize(), 64), "ELF header"), order);
        h.at(16);
        type = h.u16();
        machine = h.u16();
        h.u32();
        h.skip(is64 ? 16 : 8); // entry, program header offset
        long shoff = is64 ? h.u64() : h.u32();
        h.u32();
        h.u16(); // ehsize
        h.u16();
        h.u16(); // phentsize, phnum
        int shentsize = h.u16();
        long shnum = h.u16();
        int shstrndx = h.u16();
        if (shoff == 0) {
            sections = new Section[0];
            return;
        }
        if (shentsize < (is64 ? 64 : 40)) {
            throw h.error(is64 ? 58 : 46, "section header size " + shentsize + " is too small");
        }
        Cursor first = new Cursor("section headers", view(shoff, shentsize, "section headers"), order);
        Section zero = readSection(first, 0);
        if (shnum == 0) {
            shnum = zero.size(); // more than 0xff00 sections: the count lives in section 0
        }
        if (shstrndx == 0xffff) {
            shstrndx = zero.link();
        }
        if (shnum > 1_000_000) {
            throw h.error(is64 ? 60 : 48, shnum + " sections is more than any real file has");
        }
        Cursor all = new Cursor("section headers", view(shoff, shnum * shentsize, "section headers"), order);
        sections = new Section[(int) shnum];
        for (int i = 0; i < shnum; i++) {
            sections[i] = readSection(all.at((long) i * shentsize), i);
        }
        if (shstrndx >= shnum) {
            throw h.error(is64 ? 62 : 50, "section name table index " + shstrndx + " is out of range");
        }
        Section names = sections[shstrndx];
        Cursor strs = new Cursor("section names", view(names.offset(), names.size(), "section names"), order);
        for (int i = 0; i < shnum; i++) {
            Section s = sections[i];
            Section named = new Section(strs.cstringAt(nameOffsets[i]), s.type(), s.flags(), s.offset(), s.size(),
                    s.link(), s.info(), s.entsize(), i);
            sections[i] = named;
            byName.putIfAbsent(named.name(), named);
        }
    }

    private long[] nameOffsets = new long[0];

    private Section readSection(Cursor c, int index) {
        long name = c.u32();
        int stype = (int) c.u32();
        long flags = is64 ? c.u64() : c.u32();
        if (is64) {
            c.u64();
        } else {
            c.u32(); // addr
        }
        long offset = is64 ? c.u64() : c.u32();
        long size = is64 ? c.u64() : c.u32();
        int link = (int) c.u32();
        int info = (int) c.u32();
        if (is64) {
            c.u64();
        } else {
            c.u32(); // addralign
        }
        long entsize = is64 ? c.u64() : c.u32();
        if (index >= nameOffsets.length) {
            nameOffsets = java.util.Arrays.copyOf(nameOffsets, Math.max(index + 1, nameOffsets.length * 2));
        }
        nameOffsets[index] = name;
        return new Section(null, stype, flags, offset, size, link, info, entsize, index);
    }

    /** The ABI a binary for this machine and class is laid out with, when StructScope has it. */
    Optional<Abi> abi() {
        return Optional.ofNullable(switch (machine) {
            case EM_X86_64 -> is64 ? Abis.X86_64_LINUX : null;
            case EM_386 -> Abis.I386_LINUX;
            case EM_AARCH64 -> Abis.AARCH64_LINUX;
            case EM_ARM -> Abis.ARM_LINUX;
            default -> null;
        });
    }

    boolean has(String name) {
        return byName.containsKey(name) || byName.containsKey(".z" + name.substring(1));
    }

    /**
     * The contents of section {@code name} (e.g. {@code .debug_info}), inflated and relocated, or
     * empty when the file has no such section.
     */
    Optional<ByteBuffer> section(String name) {
        Section s = byName.get(name);
        boolean gnuZ = false;
        if (s == null) {
            s = byName.get(".z" + name.substring(1));
            gnuZ = s != null;
        }
        if (s == null || s.type() == SHT_NOBITS) {
            return Optional.empty();
        }
        ByteBuffer raw = view(s.offset(), s.size(), name);
        ByteBuffer bytes;
        if ((s.flags() & SHF_COMPRESSED) != 0) {
            bytes = inflateElf(name, raw);
        } else if (gnuZ) {
            bytes = inflateGnu(name, raw);
        } else {
            bytes = raw;
        }
        return Optional.of(relocate(s, name, bytes));
    }

    private ByteBuffer inflateElf(String name, ByteBuffer raw) {
        Cursor c = new Cursor(name, raw, order);
        long chType = c.u32();
        if (is64) {
            c.u32(); // reserved
        }
        long size = is64 ? c.u64() : c.u32();
        if (is64) {
            c.u64();
        } else {
            c.u32(); // alignment
        }
        if (chType != 1) {
            throw c.error(0, "compressed with type " + chType + "; only zlib (1) is supported");
        }
        return inflate(name, raw, c.position(), size);
    }

    private ByteBuffer inflateGnu(String name, ByteBuffer raw) {
        Cursor c = new Cursor(name, raw, ByteOrder.BIG_ENDIAN);
        if (c.u8() != 'Z' || c.u8() != 'L' || c.u8() != 'I' || c.u8() != 'B') {
            throw c.error(0, "a .zdebug section that does not start with ZLIB");
        }
        return inflate(name, raw, 12, c.u64());
    }

    private ByteBuffer inflate(String name, ByteBuffer raw, int from, long size) {
        if (size < 0 || size > maxSectionBytes || size > Integer.MAX_VALUE - 8) {
            throw new InputException(name + "+0x0", "declares " + Long.toUnsignedString(size)
                    + " bytes uncompressed, more than the limit of " + maxSectionBytes);
        }
        byte[] out = new byte[(int) size];
        Inflater inf = new Inflater();
        try {
            inf.setInput(raw.slice(from, raw.capacity() - from));
            int n = 0;
            while (n < out.length) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != out.length) {
                throw new InputException(name + "+0x" + Integer.toHexString(from), "compressed data ends after " + n
                        + " of the " + size + " bytes it declares");
            }
        } catch (DataFormatException e) {
            throw new InputException(name + "+0x" + Integer.toHexString(from), "bad zlib data: " + e.getMessage());
        } finally {
            inf.end();
        }
        return ByteBuffer.wrap(out).order(order);
    }

    /** Applies the REL/RELA section that targets {@code target}, if any (relocatable objects only). */
    private ByteBuffer relocate(Section target, String name, ByteBuffer bytes) {
        if (type != 1) {
            return bytes; // only ET_REL objects leave relocations in their debug sections
        }
        for (Section r : sections) {
            if ((r.type() == SHT_RELA || r.type() == SHT_REL) && r.info() == target.index()) {
                return applyRelocations(r, name, bytes);
            }
        }
        return bytes;
    }

    private ByteBuffer applyRelocations(Section rel, String name, ByteBuffer bytes) {
        boolean rela = rel.type() == SHT_RELA;
        int entSize = is64 ? (rela ? 24 : 16) : (rela ? 12 : 8);
        if (rel.link() <= 0 || rel.link() >= sections.length) {
            throw new InputException(rel.name() + "+0x0", "symbol table index " + rel.link() + " is out of range");
        }
        Section symtab = sections[rel.link()];
        Cursor syms = new Cursor(symtab.name(), view(symtab.offset(), symtab.size(), symtab.name()), order);
        int symSize = is64 ? 24 : 16;
        ByteBuffer copy = ByteBuffer.allocate(bytes.capacity()).order(order);
        copy.put(0, bytes.duplicate().clear(), 0, bytes.capacity());
        Cursor c = new Cursor(rel.name(), view(rel.offset(), rel.size(), rel.name()), order);
        for (long i = 0; i + entSize <= rel.size(); i += entSize) {
            c.at(i);
            long offset = is64 ? c.u64() : c.u32();
            long info = is64 ? c.u64() : c.u32();
            int sym = (int) (is64 ? info >>> 32 : info >>> 8);
            int rtype = (int) (is64 ? info & 0xffffffffL : info & 0xff);
            long addend = rela ? (is64 ? c.u64() : c.u32()) : 0;
            int width = relocationWidth(rtype, c, i);
            if (width == 0) {
                continue;
            }
            if (offset < 0 || offset > copy.capacity() - width) {
                throw c.error(i, "relocation at " + offset + " lies outside " + name);
            }
            if ((long) sym * symSize + symSize > symtab.size()) {
                throw c.error(i, "relocation names symbol " + sym + ", past the symbol table");
            }
            syms.at((long) sym * symSize + (is64 ? 8 : 4));
            long symValue = is64 ? syms.u64() : syms.u32();
            int o = (int) offset;
            long base = rela ? addend : (width == 8 ? copy.getLong(o) : copy.getInt(o) & 0xffffffffL);
            long value = symValue + base;
            if (width == 8) {
                copy.putLong(o, value);
            } else {
                copy.putInt(o, (int) value);
            }
        }
        return copy;
    }

    /** The width of an absolute data relocation of this machine, or 0 for one DWARF has no use for. */
    private int relocationWidth(int rtype, Cursor at, long entry) {
        return switch (machine) {
            case EM_X86_64 -> rtype == 1 ? 8 : rtype == 10 || rtype == 11 ? 4 : 0;
            case EM_AARCH64 -> rtype == 257 ? 8 : rtype == 258 ? 4 : 0;
            case EM_386 -> rtype == 1 ? 4 : 0;
            case EM_ARM -> rtype == 2 ? 4 : 0;
            case EM_PPC -> rtype == 1 ? 4 : 0;
            case EM_PPC64 -> rtype == 38 ? 8 : rtype == 1 ? 4 : 0;
            case EM_S390 -> rtype == 22 ? 8 : rtype == 4 ? 4 : 0;
            case EM_RISCV, EM_LOONGARCH -> rtype == 2 ? 8 : rtype == 1 ? 4 : 0;
            // Unapplied, the string offsets would all read as 0: every name would be the same wrong one.
            default -> throw at.error(entry, "a relocatable object for ELF machine " + machine + ", whose relocations"
                    + " StructScope cannot apply; read the linked program, library or its .debug file instead");
        };
    }

    private ByteBuffer view(long offset, long size, String what) {
        if (offset < 0 || size < 0 || offset > file.byteSize() || size > file.byteSize() - offset) {
            throw new InputException(what + "+0x0", "lies at " + offset + ".." + (offset + size)
                    + ", past the end of the file (" + file.byteSize() + " bytes)");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new InputException(what + "+0x0", size + " bytes is more than one section can be read as");
        }
        return file.asSlice(offset, size).asByteBuffer().asReadOnlyBuffer().order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
    }
}
