package dev.structscope.model.export;

import dev.structscope.model.abi.Endian;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.PointerLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Identifiers;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a Wireshark dissector in Lua for one struct or union ({@code --type}), which Wireshark
 * and tshark load with {@code -X lua_script:FILE}. The protocol's filter name is the type's name
 * in lower case; every member is a field {@code <proto>.<member>} (nested records
 * {@code <proto>.<outer>.<inner>}, array elements repeating their member's field), with the
 * ProtoField type of its C type, enumerator names as value strings, bit-fields as masks over the
 * bytes that hold them, and the export's byte order. Nested records and unions are subtrees.
 *
 * <p>The layout goes into the script as a table of nodes (offsets, sizes, alignments, and the
 * dynamic attributes as Lua functions), which a small interpreter ({@link WiresharkRuntime})
 * walks the way StructScope's dynamic decoder does: counted arrays read their count, tagged unions
 * their discriminator, placed and sized members their expressions, from the values decoded before
 * them. {@code --port} registers it on that UDP or TCP port; without one it is offered in
 * Decode As. Stateless and thread-safe: each export builds its own text.
 */
public final class WiresharkExporter implements Exporter {
    /** The most fields one dissector declares: a record of records of arrays is expanded per path. */
    private static final int MAX_FIELDS = 50_000;
    /** The {@code display} of a field shown in hexadecimal (pointers); other values are a bool mask's width in bits. */
    private static final int HEX = -16;

    /** How the dissector is registered. */
    public enum Transport { UDP, TCP }

    private final Integer port;
    private final Transport transport;

    /** Offered in Decode As on UDP, on no fixed port. */
    public WiresharkExporter() {
        this(null, Transport.UDP);
    }

    /**
     * @param port      the port to register on (1-65535), or null for Decode As only
     * @param transport UDP (one datagram, one record) or TCP (records back to back in the stream)
     */
    public WiresharkExporter(Integer port, Transport transport) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new InputException("--port", "must be between 1 and 65535, was " + port);
        }
        this.port = port;
        this.transport = transport == null ? Transport.UDP : transport;
    }

    @Override
    public ExportResult export(TypeLibrary library, ExportOptions options) {
        if (options.type() == null) {
            throw new InputException("--type", "a Wireshark dissector decodes one struct or union: name it with --type");
        }
        RecordLayout root = LayoutEngine.layout(options.type(), library, options.abi());
        String name = root.name() != null ? root.name() : options.type().strip();
        String proto = Identifiers.ascii(name).toLowerCase(Locale.ROOT);
        if (!proto.matches("[a-z][a-z0-9_.-]+")) {
            throw new InputException("--type", "'" + name + "' cannot name a Wireshark protocol (at least two characters:"
                    + " a letter, then letters, digits, _ . -)");
        }
        Writer w = new Writer(proto, options.bigEndian());
        String tree = w.record(root, proto, true, 1);
        StringBuilder lua = new StringBuilder();
        lua.append("-- Wireshark dissector for ").append(root.definition().kind().keyword()).append(' ').append(name)
                .append(", written by structscope export --to wireshark (").append(options.abi().name()).append(", ")
                .append(Endian.word(options.byteOrder())).append("-endian data).\n");
        lua.append("-- Load it with: tshark -X lua_script:THIS_FILE (or copy it into Wireshark's plugins folder).\n\n");
        lua.append("local proto = Proto(").append(lit(proto)).append(", ")
                .append(lit(root.definition().kind().keyword() + " " + name + " (StructScope)")).append(")\n");
        lua.append("local BIG_ENDIAN = ").append(options.bigEndian()).append("\n\n");
        lua.append("local F = {}\n");
        lua.append(w.fields);
        String extra = proto + "._extra";
        for (int i = 1; w.declared.containsKey(extra); i++) {
            extra = proto + "._extra" + i; // a member may be called _extra
        }
        lua.append("F[\"_extra\"] = ProtoField.bytes(").append(lit(extra))
                .append(", \"bytes after the record\")\n");
        lua.append("proto.fields = F\n\n");
        lua.append(WiresharkRuntime.LUA);
        lua.append("\nlocal ROOT = ").append(tree).append("\n\n");
        lua.append(WiresharkRuntime.dissector(transport == Transport.TCP, name));
        if (port != null) {
            lua.append("DissectorTable.get(").append(lit(transport == Transport.TCP ? "tcp.port" : "udp.port"))
                    .append("):add(").append(port).append(", proto)\n");
        } else {
            lua.append("DissectorTable.get(").append(lit(transport == Transport.TCP ? "tcp.port" : "udp.port"))
                    .append("):add_for_decode_as(proto)\n");
        }
        return new ExportResult(List.of(new ExportResult.File(proto + ".lua", lua.toString())), w.warnings);
    }

    /** Builds the field declarations and the node table of one export. */
    private static final class Writer {
        final String proto;
        final boolean bigEndian;
        final StringBuilder fields = new StringBuilder();
        final Map<String, String> declared = new LinkedHashMap<>();
        /** The C name of each member's path, for its label where the path spells it in ASCII. */
        private final Map<String, String> labels = new java.util.HashMap<>();
        final List<String> warnings = new ArrayList<>();

        Writer(String proto, boolean bigEndian) {
            this.proto = proto;
            this.bigEndian = bigEndian;
        }

        /** The node of a record; its members' fields under {@code path}. */
        String record(RecordLayout r, String path, boolean anonymous, int depth) {
            StringBuilder sb = new StringBuilder("{k=\"r\"");
            if (!anonymous) {
                sb.append(", f=").append(field(path, "none", leafName(path), null, 0, null, 0));
            }
            sb.append(", anon=").append(anonymous);
            sb.append(", union=").append(r.definition().kind() == RecordKind.UNION);
            sb.append(", size=").append(r.size()).append(", ral=").append(r.align());
            sb.append(", m={\n");
            for (FieldLayout f : r.fields()) {
                if (f.isBitField() && (f.name() == null || f.bits().width() == 0)) {
                    continue; // unnamed bit-fields are padding, as in decode
                }
                sb.append(indent(depth)).append(member(f, path, depth)).append(",\n");
            }
            sb.append(indent(depth - 1)).append("}}");
            return sb.toString();
        }

        private String member(FieldLayout f, String path, int depth) {
            boolean anon = f.name() == null;
            // Field names are ASCII in Wireshark ("Invalid byte" otherwise); the label keeps the C name.
            String own = anon ? path : path + "." + Identifiers.ascii(f.name());
            if (!anon) {
                labels.put(own, f.name());
            }
            String node;
            if (f.isBitField()) {
                node = bitField(f, own);
            } else if (f.member().dynamic().switchOn() != null && f.layout() instanceof RecordLayout u) {
                node = tagged(f, u, own, depth);
            } else if (anon && f.layout() instanceof RecordLayout inner) {
                node = record(inner, own, true, depth + 1);
            } else {
                node = value(f.layout(), own, depth);
            }
            StringBuilder sb = new StringBuilder(node.substring(0, node.length() - 1));
            if (f.name() != null) {
                sb.append(", name=").append(lit(f.name()));
            }
            sb.append(", o=").append(f.offset()).append(", al=").append(Math.max(1, f.align()));
            sb.append(", dyn=").append(f.dynamic());
            Dynamic d = f.member().dynamic();
            if (d.at() != null) {
                sb.append(", at=").append(fn(d.at()));
            }
            if (d.size() != null) {
                sb.append(", win=").append(fn(d.size()));
            }
            if (!d.when().isEmpty()) {
                sb.append(", when={");
                for (Expr e : d.when()) {
                    Object v = e.evaluate(p -> {
                        throw new InputException(f.name(), "a when value reads a member: " + e.text());
                    });
                    sb.append(v instanceof String s ? lit(s) : v.toString()).append(", ");
                }
                sb.append('}');
            }
            return sb.append('}').toString();
        }

        /** A tagged union: the node of the union with its discriminator. */
        private String tagged(FieldLayout f, RecordLayout u, String path, int depth) {
            String node = record(u, path, false, depth + 1);
            return node.substring(0, node.length() - 1) + ", sw=" + fn(f.member().dynamic().switchOn()) + "}";
        }

        String value(TypeLayout t, String path, int depth) {
            return switch (t) {
                case RecordLayout r -> record(r, path, false, depth + 1);
                case ArrayLayout a -> array(a, path, depth);
                case ScalarLayout s -> scalar(s, path);
                case EnumLayout e -> "{k=\"s\", f=" + field(path, intType(e.size(), e.signed()), leafName(path),
                        valueString(e.definition()), 0, null, 0) + ", n=" + e.size() + ", sg=" + e.signed() + "}";
                case PointerLayout p -> "{k=\"s\", f=" + field(path, intType(p.size(), false), leafName(path), null, 0,
                        null, HEX) + ", n=" + p.size() + ", sg=false}";
            };
        }

        private String array(ArrayLayout a, String path, int depth) {
            StringBuilder sb = new StringBuilder();
            String count = a.count() != null ? ", cnt=" + fn(a.count()) : "";
            String flex = ", flex=" + a.flexible();
            if (a.element() instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1) {
                sb.append("{k=\"z\", f=").append(field(path, "string", leafName(path), null, 0, null, 0))
                        .append(", n=").append(a.length()).append(count).append(flex).append('}');
                return sb.toString();
            }
            sb.append("{k=\"a\", n=").append(a.length()).append(count).append(flex)
                    .append(", stride=").append(a.element().size())
                    .append(", eldyn=").append(a.element().sizeFromData())
                    .append(", el=").append(value(a.element(), path, depth)).append('}');
            return sb.toString();
        }

        private String scalar(ScalarLayout s, String path) {
            String type = switch (s.prim()) {
                case BOOL -> "bool";
                case FLOAT -> "float";
                case DOUBLE -> "double";
                case LONG_DOUBLE, FLOAT16, BF16, FLOAT128, INT128, UINT128 -> "bytes";
                case VOID -> throw new InputException(path, "a member of type void");
                default -> s.size() > 8 ? "bytes" : intType(s.size(), s.signed());
            };
            if (type.equals("bytes") && s.prim() != Prim.INT128 && s.prim() != Prim.UINT128) {
                note(path + ": " + s.type().spelling() + " has no Wireshark number type; shown as bytes");
            }
            return "{k=\"s\", f=" + field(path, type, leafName(path), null, 0, null, 0) + ", n=" + s.size()
                    + ", sg=" + s.signed() + ", t=" + lit(type) + "}";
        }

        private String bitField(FieldLayout f, String path) {
            int shift = (int) (f.bits().offset() % 8);
            int width = f.bits().width();
            int span = (shift + width + 7) / 8;
            TypeLayout t = f.layout();
            boolean signed = switch (t) {
                case ScalarLayout s -> s.signed() && s.prim() != Prim.BOOL;
                case EnumLayout e -> e.signed();
                default -> false;
            };
            String vs = t instanceof EnumLayout e ? valueString(e.definition()) : null;
            // The mask selects the bits within the span's bytes read in the data's byte order:
            // from the least significant bit for little-endian data, from the most for big-endian.
            int low = bigEndian ? span * 8 - shift - width : shift;
            String f2;
            if (span <= 4) {
                String type = t instanceof ScalarLayout s && s.prim() == Prim.BOOL ? "bool"
                        : (signed ? "int" : "uint") + (span <= 3 ? span * 8 : 32);
                f2 = field(path, type, leafName(path), vs, width, mask(low, width), span * 8);
            } else {
                // Wider than 32 bits: Wireshark 4.0 keeps only 32 bits of a masked 64-bit field, so the
                // runtime computes the value (also for nine bytes, a 64-bit field inside a byte).
                f2 = field(path, signed ? "int64" : "uint64", leafName(path), vs, 0, null, 0);
            }
            return "{k=\"b\", f=" + f2 + ", span=" + span + ", sh=" + shift + ", w=" + width + ", sg=" + signed
                    + ", boff=" + f.bits().offset() + "}";
        }

        private static String mask(int low, int width) {
            java.math.BigInteger m = java.math.BigInteger.ONE.shiftLeft(width).subtract(java.math.BigInteger.ONE).shiftLeft(low);
            if (m.bitLength() <= 52) {
                return "0x" + m.toString(16);
            }
            long bits = m.longValue();
            return "UInt64(" + (bits & 0xffffffffL) + ", " + (bits >>> 32) + ")";
        }

        private static String intType(long size, boolean signed) {
            int bits = size <= 1 ? 8 : size <= 2 ? 16 : size <= 3 ? 24 : size <= 4 ? 32 : 64;
            return (signed ? "int" : "uint") + bits;
        }

        /**
         * Declares the field of {@code path} once (a path met again, as in a union's members of
         * the same name, reuses it) and returns the Lua expression of it.
         */
        String field(String path, String type, String label, String valueString, int width, String mask, int display) {
            String key = path;
            if (declared.containsKey(key)) {
                return declared.get(key);
            }
            if (declared.size() >= MAX_FIELDS) {
                throw new InputException(path, "the dissector would declare more than " + MAX_FIELDS + " fields");
            }
            String ref = "F[" + lit(path) + "]";
            declared.put(key, ref);
            StringBuilder sb = new StringBuilder(ref).append(" = ProtoField.");
            String abbr = lit(path);
            String name = lit(label);
            switch (type) {
                case "none" -> sb.append("none(").append(abbr).append(", ").append(name).append(")");
                case "string" -> sb.append("string(").append(abbr).append(", ").append(name).append(")");
                case "bytes" -> sb.append("bytes(").append(abbr).append(", ").append(name).append(")");
                case "float", "double" -> sb.append(type).append("(").append(abbr).append(", ").append(name).append(")");
                case "bool" -> sb.append("bool(").append(abbr).append(", ").append(name).append(", ")
                        .append(mask == null ? "base.NONE" : String.valueOf(display)).append(", nil")
                        .append(mask == null ? "" : ", " + mask).append(")");
                default -> sb.append(type).append("(").append(abbr).append(", ").append(name).append(", ")
                        .append(display == HEX ? "base.HEX" : "base.DEC").append(", ")
                        .append(valueString == null ? "nil" : valueString)
                        .append(mask == null ? "" : ", " + mask).append(")");
            }
            fields.append(sb).append('\n');
            return ref;
        }

        private String leafName(String path) {
            String label = labels.get(path);
            if (label != null) {
                return label;
            }
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        private static String valueString(EnumType e) {
            StringBuilder sb = new StringBuilder("{");
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Enumerator en : e.enumerators()) {
                if (seen.add(en.value())) { // the first name of a value, as decode shows it
                    sb.append('[').append(en.value()).append("]=").append(lit(en.name())).append(", ");
                }
            }
            return sb.append('}').toString();
        }

        private void note(String warning) {
            if (warnings.size() < 16 && !warnings.contains(warning)) {
                warnings.add(warning);
            }
        }

        private static String indent(int depth) {
            return "  ".repeat(Math.max(0, Math.min(depth, 32)));
        }
    }

    /** An expression as a Lua function of the scope ({@code function(S) return ... end}). */
    static String fn(Expr e) {
        return "function(S) return " + lua(e) + " end";
    }

    private static String lua(Expr e) {
        return switch (e) {
            case Expr.Const c -> Long.toString(c.value());
            case Expr.Str s -> lit(s.value());
            case Expr.Ref r -> {
                StringBuilder sb = new StringBuilder("ref(S, {");
                for (String p : r.path()) {
                    sb.append(lit(p)).append(", ");
                }
                yield sb.append("})").toString();
            }
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> "(-num(" + lua(u.operand()) + "))";
                case PLUS -> "num(" + lua(u.operand()) + ")";
                case NOT -> "(num(" + lua(u.operand()) + ") == 0 and 1 or 0)";
                case COMPL -> "(-num(" + lua(u.operand()) + ") - 1)";
            };
            case Expr.Binary b -> {
                String l = lua(b.left());
                String r = lua(b.right());
                yield switch (b.op()) {
                    case LAND -> "((num(" + l + ") ~= 0 and num(" + r + ") ~= 0) and 1 or 0)";
                    case LOR -> "((num(" + l + ") ~= 0 or num(" + r + ") ~= 0) and 1 or 0)";
                    case EQ -> "(same(" + l + ", " + r + ") and 1 or 0)";
                    case NE -> "(same(" + l + ", " + r + ") and 0 or 1)";
                    default -> "op(" + lit(b.op().symbol) + ", num(" + l + "), num(" + r + "))";
                };
            }
            case Expr.Cond c -> "(num(" + lua(c.test()) + ") ~= 0 and {" + lua(c.then()) + "} or {"
                    + lua(c.otherwise()) + "})[1]";
        };
    }

    /** A Lua string literal (bytes above 0x7e and controls escaped as decimal). */
    static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append('\\').append(String.format("%03d", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }
}
