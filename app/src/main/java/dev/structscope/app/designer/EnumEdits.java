package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Library-level edits of enums for the enum editor: replacing and renaming an enum (references
 * follow), reading an enumerator value as C writes it, and the checks C makes (identifiers,
 * enumerator names unique across the library, values that fit a fixed underlying type). Pure
 * functions over immutable values; any thread.
 */
public final class EnumEdits {
    private EnumEdits() {
    }

    /** The enum with tag {@code tag}, or null. */
    public static EnumType find(TypeLibrary lib, String tag) {
        return tag == null ? null : lib.enumByTag(tag).orElse(null);
    }

    /** The library with the enum tagged {@code tag} replaced by {@code next} (a rename renames its uses too). */
    public static TypeLibrary replace(TypeLibrary lib, String tag, EnumType next) {
        List<Decl> decls = lib.decls();
        for (int i = 0; i < decls.size(); i++) {
            if (decls.get(i) instanceof EnumType e && tag.equals(e.tag())) {
                TypeLibrary out = lib.withDecl(i, next);
                return next.tag() == null || next.tag().equals(tag) ? out : LibraryEdits.renameUses(out, NamedType.enumeration(tag), next.tag());
            }
        }
        return lib.with(next);
    }

    /**
     * Reads a value the way C spells it: decimal, {@code 0x} hex, {@code 0b} binary, octal with a
     * leading 0, a sign, integer suffixes ({@code u}, {@code l}); the range is int64.
     */
    public static long parseValue(String text) {
        String s = text == null ? "" : text.strip().replace("_", "").replace("'", "");
        if (s.isEmpty()) {
            throw new InputException("value", "empty: type a number, e.g. 1, -2 or 0x10");
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        s = s.replaceFirst("(?i)(u|ul|ull|lu|llu|l|ll)$", "");
        BigInteger v;
        try {
            v = dev.structscope.model.c.Literals.unsigned(s);
        } catch (NumberFormatException e) {
            throw new InputException("value", "'" + text.strip() + "' is not a C integer (e.g. 7, -1, 0x1F, 0b101, 017)");
        }
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            throw new InputException("value", "'" + text.strip() + "' is outside the signed 64-bit range enumerators have here");
        }
        return v.longValue();
    }

    /** Checks that {@code value} fits the fixed underlying type {@code p} (none: anything goes) on {@code abi}. */
    public static void checkFits(long value, Prim p, Abi abi) {
        if (p == null) {
            return;
        }
        int bits = (int) abi.scalar(p).size() * 8;
        boolean fits = abi.isSigned(p)
                ? bits == 64 || (value >= -(1L << (bits - 1)) && value < (1L << (bits - 1)))
                : value >= 0 && (bits == 64 || value < (1L << bits));
        if (!fits) {
            throw new InputException("value", value + " does not fit the underlying type " + p.cName()
                    + " (" + bits + "-bit " + (abi.isSigned(p) ? "signed" : "unsigned") + " on " + abi.name() + ")");
        }
    }

    /** Checks a new enumerator name: a C identifier, used by no other enumerator or typedef. */
    public static void checkEnumeratorName(TypeLibrary lib, EnumType self, int index, String name) {
        CellText.checkIdentifier(name, "name");
        for (Decl d : lib.decls()) {
            if (d instanceof Typedef t && t.name().equals(name)) {
                throw new InputException("name", "'" + name + "' is already a typedef");
            }
            if (d instanceof EnumType e) {
                for (int i = 0; i < e.enumerators().size(); i++) {
                    boolean me = e.tag() != null && e.tag().equals(self.tag()) && i == index;
                    if (!me && e.enumerators().get(i).name().equals(name)) {
                        throw new InputException("name", "'" + name + "' is already an enumerator of " + e.spelling());
                    }
                }
            }
        }
    }

    /** A name for a new enumerator: {@code PREFIX_NEW}, {@code PREFIX_NEW2}, ... unused in the library. */
    public static String freshEnumerator(TypeLibrary lib, EnumType e) {
        String prefix = e.tag() == null ? "VALUE" : e.tag().toUpperCase(Locale.ROOT);
        for (int n = 1; ; n++) {
            String name = prefix + "_NEW" + (n == 1 ? "" : String.valueOf(n));
            try {
                checkEnumeratorName(lib, e, -1, name);
                return name;
            } catch (InputException taken) {
                // try the next number
            }
        }
    }

    /** The list with {@code e} at {@code index} replaced. */
    public static List<Enumerator> with(List<Enumerator> list, int index, Enumerator e) {
        List<Enumerator> out = new ArrayList<>(list);
        out.set(index, e);
        return out;
    }
}
