package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What parsing one import has learnt and where it stands: the token cursor, the symbols declared
 * so far, the {@code #pragma pack} stack, the user's comments, the member names seen (for
 * dynamic-layout expressions) and how deep in record bodies the cursor is. The one mutable
 * object of a parse, handed explicitly to {@link DeclParser}, {@link RecordParser},
 * {@link ParserHooks}, {@link Attributes} and {@link MemberExpr}. One per import; not thread-safe.
 */
final class ParseState {
    private final Symbols sym;
    private final PackState pack;
    private final Comments comments;
    private final Set<String> memberNames = new HashSet<>();
    private final boolean anyNameIsMember;
    private final Consumer<String> warnings;
    private TokenCursor in;
    private int recordDepth;

    /**
     * @param comments        the user's comments, to give declarations theirs
     * @param anyNameIsMember every identifier names a member (a document's expression)
     * @param warnings        receives one line per warning
     */
    ParseState(Symbols sym, PackState pack, Comments comments, boolean anyNameIsMember, Consumer<String> warnings) {
        this.sym = sym;
        this.pack = pack;
        this.comments = comments;
        this.anyNameIsMember = anyNameIsMember;
        this.warnings = warnings;
    }

    /** The state of parsing a header's declarations; {@code warnings} receives one line per warning. */
    ParseState(Symbols sym, PackState pack, Comments comments, Consumer<String> warnings) {
        this(sym, pack, comments, false, warnings);
    }

    /** Says {@code message} about the input at {@code at}, and goes on. */
    void warn(Token at, String message) {
        warnings.accept(at.where() + ": " + message);
    }

    /** The cursor over the tokens being parsed. */
    TokenCursor in() {
        return in;
    }

    /** Parses {@code tokens} from here on (the declarations, then each macro body for the constants). */
    void read(TokenCursor tokens) {
        this.in = tokens;
    }

    Symbols sym() {
        return sym;
    }

    Abi abi() {
        return sym.abi;
    }

    PackState pack() {
        return pack;
    }

    Comments comments() {
        return comments;
    }

    /** The cursor enters a record body: member expressions are allowed there only. */
    void enterRecord() {
        recordDepth++;
    }

    void exitRecord() {
        recordDepth--;
    }

    /** Whether the cursor is inside a record body (or parsing a document's expression). */
    boolean inRecord() {
        return recordDepth > 0 || anyNameIsMember;
    }

    /** A member named {@code name} has been declared: later expressions may name it. */
    void memberDeclared(String name) {
        memberNames.add(name);
    }

    /** Whether {@code name} may name a member in a dynamic-layout expression. */
    boolean knowsMember(String name) {
        return anyNameIsMember || memberNames.contains(name);
    }

    /** " (did you mean 'x'?)" for the member name nearest to {@code name}, in name order; "" when none is near. */
    String nearestMember(String name) {
        // A member of that very name is no other spelling: it is out of scope there (typeof(n + 1)).
        java.util.TreeSet<String> others = new java.util.TreeSet<>(memberNames);
        others.remove(name);
        return dev.structscope.model.type.MemberRules.meant(name, others);
    }
}
