package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a combination of C type keywords ({@code unsigned long int}, {@code long double} ...)
 * into a {@link PrimitiveType} spelled canonically. Compiler extensions: {@code __int128} and
 * {@code _Float16}/{@code __float128} where the ABI has them ({@link Abi#has}), the
 * {@code _FloatN}/{@code _FloatNx} names of the standard types ({@code _Float64x} is
 * {@code long double} where that is wider than {@code double}), {@code __fp16} on ARM as
 * {@code _Float16}, and {@code _Complex T} as {@code T[2]}, which is exactly its layout (size and
 * alignment of two {@code T}s on every ABI, checked against clang-16 by ExtensionTypesTest).
 * Stateless.
 */
final class Primitives {
    private Primitives() {
    }

    static CType of(List<String> allWords, Token at, Abi abi) {
        List<String> words = new ArrayList<>(allWords);
        boolean complex = words.removeIf(w -> w.equals("_Complex") || w.equals("__complex__"));
        if (words.isEmpty() && complex) {
            words.add("double"); // GCC: a bare _Complex means _Complex double
        }
        PrimitiveType p = words.size() == 1 ? extension(words.getFirst(), at, abi) : null;
        if (p == null) {
            p = standard(words, at);
        }
        if (p.prim() != Prim.VOID && !abi.has(p.prim())) {
            throw new InputException(at.where(), abi.notSupported(p.prim()));
        }
        if (complex) {
            if (p.prim() == Prim.VOID || p.prim() == Prim.BOOL) {
                throw new InputException(at.where(), "'_Complex " + p.spelling() + "' is invalid");
            }
            return new ArrayType(p, 2);
        }
        return p;
    }

    /** A one-word extension type, or null when the word is a standard keyword. */
    private static PrimitiveType extension(String w, Token at, Abi abi) {
        boolean arm = abi.clangTarget().startsWith("arm") || abi.clangTarget().startsWith("aarch64");
        return switch (w) {
            case "__int128" -> new PrimitiveType(Prim.INT128, "__int128");
            case "_Float16" -> new PrimitiveType(Prim.FLOAT16, "_Float16");
            case "__fp16" -> {
                if (!arm) {
                    throw new InputException(at.where(), "not supported on " + abi.name() + ": '__fp16'");
                }
                yield new PrimitiveType(Prim.FLOAT16, "__fp16");
            }
            case "_Float32" -> new PrimitiveType(Prim.FLOAT, w);
            case "_Float64", "_Float32x" -> new PrimitiveType(Prim.DOUBLE, w);
            case "_Float64x" -> {
                if (abi.longDouble() == Abi.LongDoubleFormat.BINARY64) {
                    throw new InputException(at.where(), "not supported on " + abi.name() + ": '_Float64x'");
                }
                yield new PrimitiveType(Prim.LONG_DOUBLE, w);
            }
            // On AArch64 long double is binary128 and is what GCC's _Float128 is.
            case "_Float128", "__float128" -> new PrimitiveType(
                    abi.longDouble() == Abi.LongDoubleFormat.BINARY128 ? Prim.LONG_DOUBLE : Prim.FLOAT128, w);
            case "__bf16" -> new PrimitiveType(Prim.BF16, w);
            // GCC's name for the x87 type on x86 (clang does not have it).
            case "__float80" -> {
                if (abi.longDouble() != Abi.LongDoubleFormat.X87_EXTENDED) {
                    throw new InputException(at.where(), "not supported on " + abi.name() + ": '__float80'");
                }
                yield new PrimitiveType(Prim.LONG_DOUBLE, w);
            }
            case "_Float128x", "_Decimal32", "_Decimal64", "_Decimal128", "__ibm128" ->
                    throw new InputException(at.where(), "not supported: type '" + w + "'");
            default -> null;
        };
    }

    private static PrimitiveType standard(List<String> words, Token at) {
        int signed = 0;
        int unsigned = 0;
        int shorts = 0;
        int longs = 0;
        int ints = 0;
        String base = null;
        for (String w : words) {
            switch (w) {
                case "signed", "__signed", "__signed__" -> signed++;
                case "unsigned" -> unsigned++;
                case "short" -> shorts++;
                case "long" -> longs++;
                case "int" -> ints++;
                case "char", "void", "float", "double", "_Bool" -> {
                    if (base != null) {
                        throw combine(w, base, at);
                    }
                    base = w;
                }
                case "__int64" -> {
                    longs += 2;
                    if (base != null) {
                        throw combine(w, base, at);
                    }
                }
                case "__int32" -> ints++;
                case "__int16" -> shorts++;
                case "__int8" -> base = "char";
                case "__int128" -> {
                    if (base != null) {
                        throw combine(w, base, at);
                    }
                    base = w;
                }
                default -> throw new InputException(at.where(), "not supported: type '" + w + "'"
                        + (words.size() > 1 ? " in '" + String.join(" ", words) + "'" : ""));
            }
        }
        if (signed + unsigned > 1 || ints > 1 || shorts > 1 || longs > 2 || (shorts > 0 && longs > 0)) {
            throw new InputException(at.where(), "invalid combination of type specifiers '" + String.join(" ", words) + "'");
        }
        boolean u = unsigned > 0;
        boolean sg = signed > 0;
        if (base == null) {
            Prim p;
            if (shorts > 0) {
                p = u ? Prim.UNSIGNED_SHORT : Prim.SHORT;
            } else if (longs == 2) {
                p = u ? Prim.UNSIGNED_LONG_LONG : Prim.LONG_LONG;
            } else if (longs == 1) {
                p = u ? Prim.UNSIGNED_LONG : Prim.LONG;
            } else {
                p = u ? Prim.UNSIGNED_INT : Prim.INT;
            }
            return PrimitiveType.of(p);
        }
        boolean modified = sg || u || shorts > 0 || longs > 0 || ints > 0;
        switch (base) {
            case "char" -> {
                if (shorts > 0 || longs > 0 || ints > 0) {
                    throw invalid(words, at);
                }
                return PrimitiveType.of(sg ? Prim.SIGNED_CHAR : u ? Prim.UNSIGNED_CHAR : Prim.CHAR);
            }
            case "__int128" -> {
                if (shorts > 0 || longs > 0 || ints > 0) {
                    throw invalid(words, at);
                }
                return u ? PrimitiveType.of(Prim.UINT128) : PrimitiveType.of(Prim.INT128);
            }
            case "double" -> {
                if (sg || u || shorts > 0 || ints > 0 || longs > 1) {
                    throw invalid(words, at);
                }
                return PrimitiveType.of(longs == 1 ? Prim.LONG_DOUBLE : Prim.DOUBLE);
            }
            default -> {
                if (modified) {
                    throw invalid(words, at);
                }
                return PrimitiveType.of(switch (base) {
                    case "void" -> Prim.VOID;
                    case "float" -> Prim.FLOAT;
                    default -> Prim.BOOL;
                });
            }
        }
    }

    private static InputException combine(String w, String base, Token at) {
        return new InputException(at.where(), "cannot combine '" + w + "' with previous '" + base + "'");
    }

    private static InputException invalid(List<String> words, Token at) {
        return new InputException(at.where(), "invalid combination of type specifiers '" + String.join(" ", words) + "'");
    }
}
