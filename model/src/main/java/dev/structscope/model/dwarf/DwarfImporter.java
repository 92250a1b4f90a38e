package dev.structscope.model.dwarf;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.SystemIncludes;
import dev.structscope.model.type.TypeLibrary;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structs, unions, enums and typedefs of an ELF file's DWARF debug information (an
 * object, shared library, executable or separate {@code .debug} file; ELF 32/64, either byte
 * order; DWARF 2 to 5, compressed sections included) into a {@link TypeLibrary}, the same kind
 * of library the C header importer makes, fitted so that the layout engine gives the offsets and
 * sizes the compiler recorded. Types that several compilation units repeat are declared once.
 * Those a system header declared (by the file each unit's line table names) are marked with the
 * include that brings them ({@link dev.structscope.model.type.SystemIncludes}), so that a C
 * export takes them from the system as the program did.
 *
 * <p>Pure: the caller hands in the file's bytes (mapped or in memory); nothing here opens files.
 * Malformed input is an {@link InputException} whose {@code where} names the file, section and
 * byte offset; reading is bounded in nesting, section sizes and rounds, so no input hangs or
 * allocates without bound. Stateless and thread-safe: each call reads on its own.
 */
public final class DwarfImporter {
    /** Units whose entries are kept at once (the current one and those it refers into). */
    private static final int UNIT_CACHE = 4;

    private DwarfImporter() {
    }

    /**
     * @param abi             the ABI to lay records out for (usually {@link #defaultAbi})
     * @param warnings        receives one line per record left out or not reproduced exactly
     * @param limits          nesting and member bounds
     * @param maxSectionBytes largest section read after decompression
     * @param systemHeader    the {@code #include} by which a C export takes a type from the system
     *                        header (the full path a unit's line table names) that declared it, or
     *                        empty for a file of the program's own; {@link #systemInclude} by default
     */
    public record Options(Abi abi, Consumer<String> warnings, Limits limits, long maxSectionBytes,
                          Function<String, Optional<String>> systemHeader) {
        public Options {
            Objects.requireNonNull(abi, "abi");
            Objects.requireNonNull(warnings, "warnings");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(systemHeader, "systemHeader");
        }

        public Options(Abi abi, Consumer<String> warnings, Limits limits, long maxSectionBytes) {
            this(abi, warnings, limits, maxSectionBytes, DwarfImporter::systemInclude);
        }

        public Options(Abi abi, Consumer<String> warnings) {
            this(abi, warnings, Limits.DEFAULT, 1L << 30);
        }
    }

    /** A system include directory (the C library's, the kernel's, the compiler's own) and the name below it. */
    private static final Pattern SYSTEM_DIR = Pattern.compile("^(?:/usr/lib/gcc(?:-cross)?/[^/]+/[^/]+/include(?:-fixed)?"
            + "|/usr/lib/llvm-[^/]+/lib/clang/[^/]+/include|/usr/lib/clang/[^/]+/include|/usr/local/include"
            + "|/usr/include/[^/]+-linux-gnu[^/]*|/usr/include)/(.+\\.h)$");

    /**
     * The {@code #include} that names the header at {@code path} when it lies in a system include
     * directory ({@code /usr/include/x86_64-linux-gnu/bits/types.h} → {@code <bits/types.h>}),
     * else empty. By the path alone: whether that header may be included by itself is for a
     * caller that can read it to say (glibc's {@code <bits/stat.h>} asks for {@code <sys/stat.h>}).
     */
    public static Optional<String> systemInclude(String path) {
        Matcher m = SYSTEM_DIR.matcher(path);
        return m.matches() ? Optional.of("<" + m.group(1) + ">") : Optional.empty();
    }

    /** Whether the bytes start with the ELF magic ({@code \x7fELF}), whatever the file's name. */
    public static boolean isElf(MemorySegment file) {
        return ElfImage.isElf(file);
    }

    /**
     * The ABI the ELF file's machine and class are laid out with (x86-64 → x86_64-linux, i386 →
     * i386-linux, AArch64 → aarch64-linux, ARM → arm-linux); for another machine, x86_64-linux
     * or i386-linux by class, with a warning.
     */
    public static Abi defaultAbi(MemorySegment file, String fileName, Consumer<String> warnings) {
        ElfImage elf = image(file, fileName, 1L << 30);
        Optional<Abi> abi = elf.abi();
        if (abi.isPresent()) {
            return abi.get();
        }
        Abi guess = elf.is64 ? Abis.X86_64_LINUX : Abis.I386_LINUX;
        warnings.accept(fileName + ": ELF machine " + elf.machine + " has no ABI of its own in StructScope; laid out as "
                + guess.name() + " (choose another with --abi)");
        return guess;
    }

    /** Reads every type of the file's debug information. */
    public static TypeLibrary read(MemorySegment file, String fileName, Options options) {
        // Warnings that name a section offset name the file too, as errors do.
        Consumer<String> warnings = w -> options.warnings().accept(w.startsWith(".") ? fileName + ":" + w : w);
        Options named = new Options(options.abi(), warnings, options.limits(), options.maxSectionBytes(),
                options.systemHeader());
        try {
            return readUnchecked(file, fileName, named);
        } catch (InputException e) {
            throw new InputException(e.where().isEmpty() ? fileName : fileName + ":" + e.where(), e.getMessage(), e);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // A model record refused a value the DWARF held (a bit width past its type, ...).
            throw new InputException(fileName, "debug information describes an impossible type: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InputException(fileName, "types nested too deeply to read");
        }
    }

    private static ElfImage image(MemorySegment file, String fileName, long maxSection) {
        try {
            return new ElfImage(file, maxSection);
        } catch (InputException e) {
            throw new InputException(fileName + ":" + e.where(), e.getMessage(), e);
        }
    }

    private static TypeLibrary readUnchecked(MemorySegment file, String fileName, Options options) {
        ElfImage elf = new ElfImage(file, options.maxSectionBytes());
        Optional<ByteBuffer> info = elf.section(".debug_info");
        if (info.isEmpty()) {
            throw new InputException("", "has no DWARF debug information (no .debug_info section; was it built with -g,"
                    + " or stripped?)");
        }
        ByteBuffer abbrev = elf.section(".debug_abbrev").orElseThrow(
                () -> new InputException("", "has .debug_info but no .debug_abbrev section"));
        Strings strings = new Strings(elf.section(".debug_str").orElse(null), elf.section(".debug_line_str").orElse(null),
                elf.section(".debug_str_offsets").orElse(null), elf.order);
        UnitReader reader = new UnitReader(info.get(), abbrev, strings, elf.order);
        Map<UnitReader.Unit, Map<Long, Die>> cache = new LinkedHashMap<>(8, 0.75f, true);
        UnitReader.Unit[] current = new UnitReader.Unit[1];
        TypeBuilder builder = new TypeBuilder(options.abi(), options.limits(), options.warnings(), offset -> {
            UnitReader.Unit u = current[0] != null && current[0].contains(offset) ? current[0] : reader.unitOf(offset);
            if (u == null) {
                return null;
            }
            Map<Long, Die> dies = cache.get(u);
            if (dies == null) {
                dies = reader.read(u);
                cache.put(u, dies);
                if (cache.size() > UNIT_CACHE) {
                    var it = cache.keySet().iterator();
                    UnitReader.Unit eldest = it.next();
                    if (eldest != current[0]) {
                        it.remove();
                    }
                }
            }
            Die d = dies.get(offset);
            return d != null ? d : new Die(offset, Die.NOT_READ);
        }, reader.typeUnits, elf.order == java.nio.ByteOrder.BIG_ENDIAN);
        if (elf.has(".debug_types")) {
            options.warnings().accept(fileName + ": types in .debug_types (DWARF 4 type units) are not read");
        }
        Optional<ByteBuffer> line = elf.section(".debug_line");
        for (UnitReader.Unit u : reader.units) {
            if (u.unitType() != 1 && u.unitType() != 3 && u.unitType() != 2) {
                continue; // skeleton and split units describe no types here
            }
            current[0] = u;
            Map<Long, Die> dies = cache.get(u);
            if (dies == null) {
                dies = reader.read(u);
                cache.put(u, dies);
            }
            List<String> files = files(line, elf.order, dies.get(-1L), strings, options.warnings());
            int first = u.version() == 5 ? 0 : 1; // before DWARF 5, file 0 is "none"
            builder.newUnit(d -> u.contains(d.offset) && d.declFile >= first && d.declFile < files.size()
                    ? files.get((int) d.declFile) : null);
            for (Die d : topLevel(dies.get(-1L))) {
                builder.declare(d);
            }
            cache.keySet().removeIf(k -> k != u);
        }
        Map<Decl, String> system = new LinkedHashMap<>();
        Map<String, Optional<String>> byFile = new java.util.HashMap<>(); // one answer a file (it may read it)
        builder.decls.forEach((key, decl) -> {
            String declaredIn = builder.origins.get(key);
            if (declaredIn != null) {
                byFile.computeIfAbsent(declaredIn, options.systemHeader()).ifPresent(h -> system.put(decl, h));
            }
        });
        return new TypeLibrary(List.copyOf(builder.decls.values()), Map.of(),
                system.isEmpty() ? SystemIncludes.NONE
                        : new SystemIncludes(Map.of(), system, SystemIncludes.Origin.DECLARING_FILES));
    }

    /**
     * The files a unit's line table names, by {@code DW_AT_decl_file} index; none when it has no
     * table. An unreadable table costs only the knowledge of which types are the system's.
     */
    private static List<String> files(Optional<ByteBuffer> line, java.nio.ByteOrder order, Die root, Strings strings,
                                      Consumer<String> warnings) {
        if (root == null || root.stmtList == Die.NONE || line.isEmpty()) {
            return List.of();
        }
        try {
            return LineFiles.read(line.get(), root.stmtList, order, strings, root.compDir);
        } catch (InputException e) {
            warnings.accept(e.where() + ": the line table of unit " + (root.name == null ? "" : root.name + " ")
                    + "cannot be read (" + e.getMessage() + "); a C export writes its system types itself");
            return List.of();
        }
    }

    /** The named types a unit declares at its outer level (and in namespaces), in source order. */
    private static List<Die> topLevel(Die root) {
        List<Die> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        List<Die> scope = new ArrayList<>(root.children);
        for (int i = 0; i < scope.size() && i < 10_000_000; i++) {
            Die d = scope.get(i);
            if (d.tag == Die.TAG_NAMESPACE) {
                scope.addAll(d.children);
            } else if (d.name != null && (d.isRecord() || d.tag == Die.TAG_ENUMERATION || d.tag == Die.TAG_TYPEDEF)) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparingLong((Die d) -> d.declFile).thenComparingLong(d -> d.declLine)
                .thenComparingLong(d -> d.declColumn));
        return out;
    }
}
