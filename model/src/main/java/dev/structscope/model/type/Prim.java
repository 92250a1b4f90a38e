package dev.structscope.model.type;

/**
 * The C scalar types that StructScope knows, independent of any ABI. Sizes and alignments come
 * from {@link dev.structscope.model.abi.Abi}; the fixed-width kinds ({@code INT32} ...) have the
 * same size everywhere but their alignment still comes from the ABI.
 *
 * <p>{@code SIZE} stands for the unsigned pointer-sized integers ({@code size_t},
 * {@code uintptr_t}), {@code PTRDIFF} for the signed ones ({@code ptrdiff_t}, {@code intptr_t},
 * {@code ssize_t}).
 *
 * <p>{@code INT128}, {@code UINT128}, {@code FLOAT16}, {@code FLOAT128} and {@code BF16} are extensions that
 * exist only on some ABIs ({@link dev.structscope.model.abi.Abi#has}).
 */
public enum Prim {
    VOID(Category.VOID, "void"),
    CHAR(Category.CHAR, "char"),
    SIGNED_CHAR(Category.SIGNED, "signed char"),
    UNSIGNED_CHAR(Category.UNSIGNED, "unsigned char"),
    SHORT(Category.SIGNED, "short"),
    UNSIGNED_SHORT(Category.UNSIGNED, "unsigned short"),
    INT(Category.SIGNED, "int"),
    UNSIGNED_INT(Category.UNSIGNED, "unsigned int"),
    LONG(Category.SIGNED, "long"),
    UNSIGNED_LONG(Category.UNSIGNED, "unsigned long"),
    LONG_LONG(Category.SIGNED, "long long"),
    UNSIGNED_LONG_LONG(Category.UNSIGNED, "unsigned long long"),
    INT8(Category.SIGNED, "int8_t"),
    UINT8(Category.UNSIGNED, "uint8_t"),
    INT16(Category.SIGNED, "int16_t"),
    UINT16(Category.UNSIGNED, "uint16_t"),
    INT32(Category.SIGNED, "int32_t"),
    UINT32(Category.UNSIGNED, "uint32_t"),
    INT64(Category.SIGNED, "int64_t"),
    UINT64(Category.UNSIGNED, "uint64_t"),
    SIZE(Category.UNSIGNED, "size_t"),
    PTRDIFF(Category.SIGNED, "ptrdiff_t"),
    WCHAR(Category.CHAR, "wchar_t"),
    CHAR16(Category.UNSIGNED, "char16_t"),
    CHAR32(Category.UNSIGNED, "char32_t"),
    BOOL(Category.BOOL, "_Bool"),
    FLOAT(Category.FLOAT, "float"),
    DOUBLE(Category.FLOAT, "double"),
    LONG_DOUBLE(Category.FLOAT, "long double"),
    // Compiler extensions that only some ABIs have (see Abi#has): asking an ABI without them for
    // their size is an error, not a guess.
    INT128(Category.SIGNED, "__int128"),
    UINT128(Category.UNSIGNED, "unsigned __int128"),
    FLOAT16(Category.FLOAT, "_Float16"),
    FLOAT128(Category.FLOAT, "__float128"),
    /** bfloat16: the top half of a binary32. */
    BF16(Category.FLOAT, "__bf16");

    private static final java.util.Map<String, Prim> SPELLINGS = spellingTable();

    private static java.util.Map<String, Prim> spellingTable() {
        java.util.Map<String, Prim> m = new java.util.LinkedHashMap<>();
        for (Prim p : values()) {
            m.put(p.cName, p);
        }
        m.put("unsigned", UNSIGNED_INT);
        m.put("signed", INT);
        m.put("bool", BOOL);
        m.put("long int", LONG);
        m.put("unsigned long int", UNSIGNED_LONG);
        m.put("short int", SHORT);
        m.put("unsigned short int", UNSIGNED_SHORT);
        m.put("long long int", LONG_LONG);
        m.put("unsigned long long int", UNSIGNED_LONG_LONG);
        m.put("uintptr_t", SIZE);
        m.put("intptr_t", PTRDIFF);
        m.put("ssize_t", PTRDIFF);
        m.put("__int128_t", INT128);
        m.put("__uint128_t", UINT128);
        m.put("_Float128", FLOAT128);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Every spelling the designer and the layout document accept for a primitive: the canonical C
     * names ({@code void} included), then {@code unsigned}, {@code signed}, {@code bool}, the
     * {@code ... int} long forms and the pointer-sized typedefs, in that order.
     */
    public static java.util.Map<String, Prim> spellings() {
        return SPELLINGS;
    }

    /** What kind of value a primitive holds; {@code CHAR} is signed or not depending on the ABI. */
    public enum Category { VOID, CHAR, SIGNED, UNSIGNED, BOOL, FLOAT }

    private final Category category;
    private final String cName;

    Prim(Category category, String cName) {
        this.category = category;
        this.cName = cName;
    }

    public Category category() {
        return category;
    }

    /** The canonical C spelling, e.g. {@code "unsigned long long"} or {@code "int32_t"}. */
    public String cName() {
        return cName;
    }

    public boolean isInteger() {
        return category == Category.CHAR || category == Category.SIGNED
                || category == Category.UNSIGNED || category == Category.BOOL;
    }

    public boolean isFloating() {
        return category == Category.FLOAT;
    }
}
