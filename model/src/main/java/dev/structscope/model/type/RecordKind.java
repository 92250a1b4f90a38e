package dev.structscope.model.type;

/** Whether a record lays its members out one after another or all at offset 0. */
public enum RecordKind {
    STRUCT("struct"),
    UNION("union");

    private final String keyword;

    RecordKind(String keyword) {
        this.keyword = keyword;
    }

    /** The C keyword, {@code "struct"} or {@code "union"}. */
    public String keyword() {
        return keyword;
    }
}
