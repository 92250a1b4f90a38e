package dev.structscope.model;

/**
 * Bad input of any kind: a malformed header or document, an unknown type, a layout that cannot
 * exist. The message is meant for a person and already says what went wrong; {@link #where()}
 * says where (file:line:col for text, a byte offset for binary data, or a type path).
 *
 * <p>Every part of StructScope reports bad input with this type (or a subclass) so that the CLI
 * can turn it into exit status 2 with one line, and the GUI can show it in place. Anything else
 * that escapes is a defect. Immutable; safe on any thread.
 */
public class InputException extends RuntimeException {
    private final String where;

    public InputException(String where, String message) {
        super(message);
        this.where = where == null ? "" : where;
    }

    public InputException(String where, String message, Throwable cause) {
        super(message, cause);
        this.where = where == null ? "" : where;
    }

    /** Where the problem is, e.g. {@code "ticks.h:12:5"}, or empty when there is no place to name. */
    public String where() {
        return where;
    }

    /** One line for a person: {@code where: message}, or just the message when there is no place. */
    public String oneLine() {
        String msg = getMessage() == null ? getClass().getSimpleName() : getMessage().replace('\n', ' ');
        return where.isEmpty() ? msg : where + ": " + msg;
    }
}
