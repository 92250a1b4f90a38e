package dev.structscope.io.columns;

import dev.structscope.model.InputException;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LaidOutRecords;
import dev.structscope.model.layout.PointerLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a record type: the single place where the type mapping of
 * {@code structscope convert} (cli-contract.md) lives, for every columnar writer (Parquet, Arrow,
 * the Spark data source). Fixed and dynamic layouts alike: the schema comes from the layout, not
 * from any one record, so every record of a file fits it.
 *
 * <ul>
 *   <li>a struct or union: a {@link Column.Struct} of its visible members (members of anonymous
 *       structs and unions in place, unnamed bit-fields left out); a union has every member, each
 *       read from the same bytes, as {@code decode} shows it;</li>
 *   <li>a tagged union ({@code switch}): a nullable struct with one nullable field per
 *       alternative; a row has a value in the chosen alternative only, and none at all when no
 *       alternative matched;</li>
 *   <li>an array (fixed, flexible, counted, to the end): a {@link Column.ListOf}, nested for
 *       several dimensions; a {@code char} array: a {@link LeafType#STRING} (up to the first NUL,
 *       bytes as ISO-8859-1, as {@code decode} reads it);</li>
 *   <li>an enum: {@link LeafType#ENUM}, the enumerator's name, or the decimal value when the value
 *       has no name (the same text {@code decode --format csv} prints);</li>
 *   <li>integers: signed or unsigned of their width ({@code uint64_t} stays unsigned 64-bit);
 *       a bit-field: the integer type it is declared with; a pointer: unsigned of its width;
 *       {@code __int128}: decimal text ({@link LeafType#STRING}: neither Parquet nor Arrow has a
 *       128-bit integer and no decimal holds every unsigned one);</li>
 *   <li>{@code _Bool}: boolean; {@code float}, {@code _Float16}, {@code __bf16}: 32-bit float
 *       (exact); {@code double}, {@code long double} (any ABI's), {@code __float128}: double
 *       (x87 and binary128 values rounded to the nearest double).</li>
 * </ul>
 *
 * <p>Stateless; any thread.
 */
public final class ColumnSchema {
    /** The name of a list's element column (Parquet's three-level list calls it so, too). */
    public static final String ELEMENT = "element";

    private final Column.Struct root;
    private final int count;

    private ColumnSchema(Column.Struct root, int count) {
        this.root = root;
        this.count = count;
    }

    /** The root struct: one field per member of the record. */
    public Column.Struct root() {
        return root;
    }

    /** How many columns the tree has, root included: ids run from 0 to {@code count() - 1}. */
    public int count() {
        return count;
    }

    /**
     * The columns of {@code layout}.
     *
     * @throws InputException for a member that has no column form: a record that holds itself
     *                        through a placed member (a file's linked structure has no fixed schema)
     */
    public static ColumnSchema of(RecordLayout layout) {
        Builder b = new Builder(new LaidOutRecords(layout, 4096));
        Column.Struct root = b.struct("", layout, false, layout.name() == null ? "<anonymous>" : layout.name());
        return new ColumnSchema(root, b.next);
    }

    private static final class Builder {
        int next;
        /** Every laid-out record reachable from the root: what a reference stands for. */
        private final LaidOutRecords records;
        /** The records being expanded, innermost last: meeting one again is a cycle. */
        private final List<RecordType> open = new ArrayList<>();

        Builder(LaidOutRecords records) {
            this.records = records;
        }

        Column.Struct struct(String name, RecordLayout r, boolean nullable, String path) {
            if (r.isReference()) {
                RecordLayout full = records.full(r);
                if (full == null || open.contains(r.definition())) {
                    throw new InputException(path, "a record that holds itself through a placed member has no"
                            + " column form (its depth differs from record to record); convert a type without it");
                }
                r = full;
            }
            int id = next++;
            open.add(r.definition());
            List<Column> fields = new ArrayList<>();
            members(r, nullable, path, fields);
            open.removeLast();
            return new Column.Struct(id, name, nullable, fields);
        }

        /** The columns of {@code r}'s visible members, anonymous members in place. */
        private void members(RecordLayout r, boolean nullable, String path, List<Column> out) {
            for (FieldLayout f : r.fields()) {
                if (f.name() == null && f.isBitField() || f.isBitField() && f.bits().width() == 0) {
                    continue;
                }
                boolean tagged = f.member().dynamic().switchOn() != null;
                if (f.isAnonymousRecord() && !tagged && f.layout() instanceof RecordLayout inner) {
                    members(inner, nullable, path, out);
                    continue;
                }
                String name = f.name() == null ? "" : f.name();
                String fpath = path + "." + name;
                if (tagged && f.layout() instanceof RecordLayout union) {
                    out.add(tagged(name, union, fpath));
                } else {
                    out.add(column(name, f.layout(), nullable, fpath));
                }
            }
        }

        /** A tagged union: only the chosen alternative has a value, so every field may be null. */
        private Column.Struct tagged(String name, RecordLayout union, String path) {
            int id = next++;
            List<Column> alternatives = new ArrayList<>();
            for (FieldLayout alt : union.fields()) {
                if (alt.name() == null && alt.isBitField()) {
                    continue;
                }
                String altName = alt.name() == null ? "" : alt.name();
                alternatives.add(column(altName, alt.layout(), true, path + "." + altName));
            }
            return new Column.Struct(id, name, true, alternatives);
        }

        Column column(String name, TypeLayout t, boolean nullable, String path) {
            return switch (t) {
                case RecordLayout r -> struct(name, r, nullable, path);
                case ArrayLayout a when a.element() instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1 ->
                        new Column.Leaf(next++, name, nullable, LeafType.STRING);
                case ArrayLayout a -> {
                    int id = next++;
                    yield new Column.ListOf(id, name, nullable, column(ELEMENT, a.element(), false, path + "[]"));
                }
                case EnumLayout e -> new Column.Leaf(next++, name, nullable, LeafType.ENUM);
                case PointerLayout p -> new Column.Leaf(next++, name, nullable, LeafType.integer(p.size(), false));
                case ScalarLayout s -> new Column.Leaf(next++, name, nullable, leaf(s, path));
            };
        }

        private static LeafType leaf(ScalarLayout s, String path) {
            return switch (s.prim()) {
                case BOOL -> LeafType.BOOLEAN;
                case FLOAT, FLOAT16, BF16 -> LeafType.FLOAT32;
                case DOUBLE, LONG_DOUBLE, FLOAT128 -> LeafType.FLOAT64;
                case VOID -> throw new InputException(path, "member of type void");
                default -> s.size() == 16 ? LeafType.STRING : LeafType.integer(s.size(), s.signed());
            };
        }
    }
}
