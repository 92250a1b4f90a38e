package dev.structscope.model.type;

import dev.structscope.model.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every declaration of one header or layout document, in input order, plus its object-like
 * {@code #define} constants. It is the namespace that {@link NamedType}s resolve in.
 *
 * <p>Immutable: edits return a new library. Cheap to share between threads.
 *
 * @param decls     tagged records, tagged enums and typedefs, in the order they were completed
 * @param constants object-like {@code #define} constants with integer values, in input order
 * @param system    what a header read with the system preprocessor ({@code --cpp}) took from the
 *                  system's headers, for the C export to include them again; {@link SystemIncludes#NONE}
 *                  for every other library
 */
public record TypeLibrary(List<Decl> decls, Map<String, Long> constants, SystemIncludes system) {

    public static final TypeLibrary EMPTY = new TypeLibrary(List.of(), Map.of());

    public TypeLibrary {
        decls = List.copyOf(decls);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        java.util.Objects.requireNonNull(system, "system");
    }

    /** A library whose declarations are all its own (none from a system header). */
    public TypeLibrary(List<Decl> decls, Map<String, Long> constants) {
        this(decls, constants, SystemIncludes.NONE);
    }

    /** The {@code #include} by which a system header declared {@code decl}, or empty for the library's own. */
    public Optional<String> systemHeader(Decl decl) {
        return Optional.ofNullable(system.headers().get(decl));
    }

    public static TypeLibrary of(Decl... decls) {
        return new TypeLibrary(List.of(decls), Map.of());
    }

    /**
     * The enum constants of the library's enums (tagged, or named by a typedef), by name: what an
     * expression read from a document or typed in the designer may name ({@code when(MSG_HELLO)}).
     */
    public Map<String, Long> enumerators() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Decl d : decls) {
            if ((d instanceof Typedef td ? td.target() : d) instanceof EnumType e) {
                e.enumerators().forEach(en -> out.putIfAbsent(en.name(), en.value()));
            }
        }
        return out;
    }

    /**
     * A named struct or union of the library: its name, its definition, its other typedef names,
     * and the alignment its name gives it ({@code align}: a typedef's aligned attribute, which
     * sets the alignment and leaves the size; 0 where the record's own holds). glibc's
     * {@code typedef struct {...} __pthread_unwind_buf_t __attribute__((__aligned__))} is such a
     * name: 16-aligned on x86-64 where its struct is 8.
     */
    public record NamedRecord(String name, RecordType record, List<String> aliases, long align) {
        public NamedRecord {
            aliases = List.copyOf(aliases);
        }

        /** A record under its own alignment. */
        public NamedRecord(String name, RecordType record, List<String> aliases) {
            this(name, record, aliases, 0);
        }
    }

    /** A tagged struct or union by tag (complete definitions only). */
    public Optional<RecordType> recordByTag(String tag) {
        for (Decl d : decls) {
            if (d instanceof RecordType r && tag.equals(r.tag())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<EnumType> enumByTag(String tag) {
        for (Decl d : decls) {
            if (d instanceof EnumType e && tag.equals(e.tag())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<Typedef> typedef(String name) {
        for (Decl d : decls) {
            if (d instanceof Typedef t && name.equals(t.name())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The typedef named {@code name}.
     *
     * @throws InputException "unknown type name" when there is none
     */
    public Typedef requireTypedef(String name) {
        return typedef(name).orElseThrow(() -> new InputException(name, "unknown type name '" + name + "'"));
    }

    /**
     * Strips names: a {@link NamedType} becomes the definition it names, following typedef chains.
     * Other types are returned as they are.
     *
     * @throws InputException when a name is not defined (or only forward-declared)
     */
    public CType resolve(CType type) {
        CType t = type;
        for (int depth = 0; t instanceof NamedType n; depth++) {
            if (depth > 1000) {
                throw new InputException(n.spelling(), "typedef chain too deep (a cycle?)");
            }
            t = switch (n.kind()) {
                case STRUCT, UNION -> recordByTag(n.name())
                        .filter(r -> r.kind() == (n.kind() == NamedType.Kind.STRUCT ? RecordKind.STRUCT : RecordKind.UNION))
                        .orElseThrow(() -> new InputException(n.spelling(), "incomplete type '" + n.spelling()
                                + "': it is declared but never defined, or not declared at all"));
                case ENUM -> enumByTag(n.name())
                        .orElseThrow(() -> new InputException(n.spelling(), "unknown type '" + n.spelling() + "'"));
                case TYPEDEF -> requireTypedef(n.name()).target();
            };
        }
        return t;
    }

    /**
     * Every struct and union that has a name, in input order: tagged records by tag, untagged ones
     * by their (first) typedef name, with that typedef's alignment. Typedef names of a tagged
     * record are its aliases, but for one with an alignment of its own: it names another layout
     * ({@link #findRecord} finds it).
     */
    public List<NamedRecord> namedRecords() {
        Map<String, NamedRecord> byName = new LinkedHashMap<>();
        List<NamedRecord> out = new ArrayList<>();
        for (Decl d : decls) {
            if (d instanceof RecordType r && r.tag() != null) {
                NamedRecord nr = new NamedRecord(r.tag(), r, List.of());
                byName.put(r.tag(), nr);
                out.add(nr);
            } else if (d instanceof Typedef t) {
                if (t.target() instanceof RecordType r && r.tag() == null) {
                    NamedRecord nr = new NamedRecord(t.name(), r, List.of(), t.alignedAttr());
                    out.add(nr);
                    byName.put(t.name(), nr);
                } else if (t.alignedAttr() == 0 && t.target() instanceof NamedType n
                        && (n.kind() == NamedType.Kind.STRUCT || n.kind() == NamedType.Kind.UNION)
                        && byName.containsKey(n.name())) {
                    NamedRecord old = byName.get(n.name());
                    List<String> aliases = new ArrayList<>(old.aliases());
                    aliases.add(t.name());
                    NamedRecord nr = new NamedRecord(old.name(), old.record(), aliases);
                    out.set(out.indexOf(old), nr);
                    byName.put(n.name(), nr);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Finds a struct or union the way {@code --type} names it: {@code "struct Foo"},
     * {@code "union U"}, a tag, or a typedef name.
     */
    public Optional<NamedRecord> findRecord(String name) {
        String n = name.strip();
        String bare = n;
        if (n.startsWith("struct ") || n.startsWith("union ")) {
            bare = n.substring(n.indexOf(' ') + 1).strip();
        }
        for (NamedRecord nr : namedRecords()) {
            if (nr.name().equals(bare) || nr.aliases().contains(bare)) {
                return Optional.of(nr);
            }
        }
        // A typedef to a record through further typedefs, or with an alignment of its own, which
        // the nearest typedef that has one sets (and the layout is then the typedef's, by its name).
        Optional<Typedef> td = typedef(bare);
        if (td.isPresent()) {
            try {
                long align = 0;
                Typedef at = td.get();
                for (int hops = 0; hops <= decls.size(); hops++) {
                    align = align != 0 ? align : at.alignedAttr();
                    Optional<Typedef> next = at.target() instanceof NamedType tn && tn.kind() == NamedType.Kind.TYPEDEF
                            ? typedef(tn.name()) : Optional.empty();
                    if (next.isEmpty()) {
                        break;
                    }
                    at = next.get();
                }
                if (resolve(at.target()) instanceof RecordType r) {
                    return Optional.of(new NamedRecord(r.tag() != null && align == 0 ? r.tag() : bare, r, List.of(), align));
                }
            } catch (InputException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A library with {@code decl} appended, or replacing the declaration of the same name and kind. */
    public TypeLibrary with(Decl decl) {
        List<Decl> copy = new ArrayList<>(decls);
        for (int i = 0; i < copy.size(); i++) {
            Decl d = copy.get(i);
            if (d.getClass() == decl.getClass() && d.name() != null && d.name().equals(decl.name())) {
                copy.set(i, decl);
                return new TypeLibrary(copy, constants, system);
            }
        }
        copy.add(decl);
        return new TypeLibrary(copy, constants, system);
    }

    /**
     * This library with {@code incoming}, declarations of {@code from}, added or replacing those
     * of the same name and kind (an import into a document), and those of them a system header
     * declared still the system's. Where the two libraries' includes are of different origins, the
     * export takes them as declaring files: after the standard headers, records by size.
     */
    public TypeLibrary withAll(TypeLibrary from, List<Decl> incoming) {
        TypeLibrary out = this;
        for (Decl d : incoming) {
            out = out.with(d);
        }
        if (incoming.stream().noneMatch(d -> from.systemHeader(d).isPresent())) {
            return out;
        }
        Map<Decl, String> headers = new LinkedHashMap<>(system.headers());
        for (Decl d : incoming) {
            from.systemHeader(d).ifPresent(h -> headers.put(d, h));
        }
        Map<String, String> defines = new LinkedHashMap<>(system.defines());
        defines.putAll(from.system().defines());
        SystemIncludes.Origin origin = system.headers().isEmpty() || system.origin() == from.system().origin()
                ? from.system().origin() : SystemIncludes.Origin.DECLARING_FILES;
        return new TypeLibrary(out.decls, out.constants, new SystemIncludes(defines, headers, origin));
    }

    /** A library with the declaration at {@code index} replaced. */
    public TypeLibrary withDecl(int index, Decl decl) {
        List<Decl> copy = new ArrayList<>(decls);
        copy.set(index, decl);
        return new TypeLibrary(copy, constants, system);
    }

    public TypeLibrary without(int index) {
        List<Decl> copy = new ArrayList<>(decls);
        copy.remove(index);
        return new TypeLibrary(copy, constants, system);
    }

    public TypeLibrary withConstants(Map<String, Long> newConstants) {
        return new TypeLibrary(decls, newConstants, system);
    }
}
