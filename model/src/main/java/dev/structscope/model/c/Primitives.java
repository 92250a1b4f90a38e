package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;

import java.util.List;

/**
 * Turns a combination of C type keywords ({@code unsigned long int}, {@code long double} ...)
 * into a {@link PrimitiveType} spelled canonically. Stateless.
 */
final class Primitives {
    private Primitives() {
    }

    static PrimitiveType of(List<String> words, Token at) {
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
                default -> throw new InputException(at.where(), "type '" + w + "' is not supported");
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
