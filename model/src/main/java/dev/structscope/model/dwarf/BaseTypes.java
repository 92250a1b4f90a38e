package dev.structscope.model.dwarf;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;

import java.util.Map;

/**
 * {@code DW_TAG_base_type} to a {@link Prim}: by the name gcc or clang gave it
 * ({@code "long unsigned int"} is {@code unsigned long}), else by encoding and size. The result
 * is spelled as C programmers write it, so a layout read from a binary prints the same types as
 * the header it came from. When the ABI's size for the named scalar is not the size the compiler
 * recorded (a binary read with another {@code --abi}), the fixed-width scalar of the recorded size
 * stands in, keeping the name: the compiler's sizes win. Stateless.
 */
final class BaseTypes {
    private static final int ATE_BOOLEAN = 0x02;
    private static final int ATE_COMPLEX_FLOAT = 0x03;
    private static final int ATE_FLOAT = 0x04;
    private static final int ATE_SIGNED = 0x05;
    private static final int ATE_SIGNED_CHAR = 0x06;
    private static final int ATE_UNSIGNED = 0x07;
    private static final int ATE_UNSIGNED_CHAR = 0x08;
    private static final int ATE_UTF = 0x10;

    private static final Map<String, Prim> NAMES = Map.ofEntries(
            Map.entry("char", Prim.CHAR), Map.entry("signed char", Prim.SIGNED_CHAR),
            Map.entry("unsigned char", Prim.UNSIGNED_CHAR),
            Map.entry("short int", Prim.SHORT), Map.entry("short", Prim.SHORT),
            Map.entry("short unsigned int", Prim.UNSIGNED_SHORT), Map.entry("unsigned short", Prim.UNSIGNED_SHORT),
            Map.entry("int", Prim.INT), Map.entry("unsigned int", Prim.UNSIGNED_INT),
            Map.entry("long int", Prim.LONG), Map.entry("long", Prim.LONG),
            Map.entry("long unsigned int", Prim.UNSIGNED_LONG), Map.entry("unsigned long", Prim.UNSIGNED_LONG),
            Map.entry("long long int", Prim.LONG_LONG), Map.entry("long long", Prim.LONG_LONG),
            Map.entry("long long unsigned int", Prim.UNSIGNED_LONG_LONG),
            Map.entry("unsigned long long", Prim.UNSIGNED_LONG_LONG),
            Map.entry("_Bool", Prim.BOOL), Map.entry("bool", Prim.BOOL),
            Map.entry("float", Prim.FLOAT), Map.entry("double", Prim.DOUBLE), Map.entry("long double", Prim.LONG_DOUBLE),
            Map.entry("__int128", Prim.INT128), Map.entry("__int128 unsigned", Prim.UINT128),
            Map.entry("unsigned __int128", Prim.UINT128),
            Map.entry("_Float16", Prim.FLOAT16), Map.entry("__fp16", Prim.FLOAT16),
            Map.entry("_Float128", Prim.FLOAT128), Map.entry("__float128", Prim.FLOAT128),
            Map.entry("__bf16", Prim.BF16), Map.entry("wchar_t", Prim.WCHAR),
            Map.entry("char16_t", Prim.CHAR16), Map.entry("char32_t", Prim.CHAR32));

    private BaseTypes() {
    }

    static CType primitive(Die die, Abi abi) {
        long size = die.byteSize;
        if (size <= 0) {
            throw new TypeBuilder.Unsupported("base type " + die.name + " has no size");
        }
        if (die.encoding == ATE_COMPLEX_FLOAT) {
            Prim part = floatOfSize(size / 2, abi);
            if (part == null) {
                throw new TypeBuilder.Unsupported("complex type " + die.name + " of " + size + " bytes");
            }
            return new ArrayType(PrimitiveType.of(part), 2); // _Complex T lays out as T[2]
        }
        Prim named = die.name == null ? null : NAMES.get(die.name);
        if (named != null && abi.has(named) && abi.scalar(named).size() == size) {
            return PrimitiveType.of(named);
        }
        Prim bySize = switch (die.encoding) {
            case ATE_FLOAT -> floatOfSize(size, abi);
            case ATE_BOOLEAN -> size == abi.scalar(Prim.BOOL).size() ? Prim.BOOL : integerOfSize(size, false);
            case ATE_SIGNED, ATE_SIGNED_CHAR -> integerOfSize(size, true);
            case ATE_UNSIGNED, ATE_UNSIGNED_CHAR, ATE_UTF -> integerOfSize(size, false);
            default -> null;
        };
        if (bySize == null || !abi.has(bySize)) {
            throw new TypeBuilder.Unsupported("base type " + die.name + " (encoding " + die.encoding + ", " + size
                    + " bytes) has no counterpart in " + abi.name());
        }
        return new PrimitiveType(bySize, named != null ? named.cName() : die.name);
    }

    static boolean isUnsigned(Die base) {
        return base.encoding == ATE_UNSIGNED || base.encoding == ATE_UNSIGNED_CHAR || base.encoding == ATE_BOOLEAN
                || base.encoding == ATE_UTF;
    }

    /** The fixed-width integer of {@code size} bytes, or null. */
    static Prim integerOfSize(long size, boolean signed) {
        return switch ((int) Math.min(size, 64)) {
            case 1 -> signed ? Prim.INT8 : Prim.UINT8;
            case 2 -> signed ? Prim.INT16 : Prim.UINT16;
            case 4 -> signed ? Prim.INT32 : Prim.UINT32;
            case 8 -> signed ? Prim.INT64 : Prim.UINT64;
            case 16 -> signed ? Prim.INT128 : Prim.UINT128;
            default -> null;
        };
    }

    private static Prim floatOfSize(long size, Abi abi) {
        for (Prim p : new Prim[] {Prim.FLOAT, Prim.DOUBLE, Prim.LONG_DOUBLE, Prim.FLOAT16, Prim.FLOAT128}) {
            if (abi.has(p) && abi.scalar(p).size() == size) {
                return p;
            }
        }
        return null;
    }
}
