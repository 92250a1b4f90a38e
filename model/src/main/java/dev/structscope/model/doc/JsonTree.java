package dev.structscope.model.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it was written, so that a semantic error found after parsing
 * ("unknown type name", "pack must be a power of two") can still name {@code file:line:col}.
 * Jackson's own {@link JsonNode} forgets token locations, hence this small tree.
 *
 * <p>Parsing is bounded: nesting deeper than {@link #MAX_DEPTH} and over-long strings or numbers
 * are {@link InputException}s, so a hostile document can neither overflow the stack nor exhaust
 * memory beyond a small multiple of its own size. Package-private; values are immutable.
 */
sealed interface JsonTree {
    /** Deepest nesting of arrays and objects a document may use. */
    int MAX_DEPTH = 256;

    Where where();

    /** A place in a source: file name, 1-based line and column. */
    record Where(String source, int line, int column) {
        static Where of(String source, JsonLocation loc) {
            return new Where(source, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        }

        @Override
        public String toString() {
            return line <= 0 ? source : source + ":" + line + ":" + column;
        }

        InputException error(String message) {
            return new InputException(toString(), message);
        }
    }

    record JObject(Map<String, Field> fields, Where where) implements JsonTree {
        /** One property: the location of its key (for "unknown property") and its value. */
        record Field(Where keyWhere, JsonTree value) {
        }
    }

    record JArray(List<JsonTree> items, Where where) implements JsonTree {
    }

    record JString(String value, Where where) implements JsonTree {
    }

    /** An integer or floating-point number, kept exactly as Jackson read it. */
    record JNumber(Number value, boolean integral, Where where) implements JsonTree {
    }

    record JBool(boolean value, Where where) implements JsonTree {
    }

    record JNull(Where where) implements JsonTree {
    }

    /** What a person calls this kind of JSON value in an error message. */
    static String describe(JsonTree t) {
        return switch (t) {
            case JObject o -> "an object";
            case JArray a -> "an array";
            case JString s -> "a string";
            case JNumber n -> "a number";
            case JBool b -> "a boolean";
            case JNull n -> "null";
        };
    }

    /** Converts to a Jackson tree (locations dropped), used to keep unknown properties verbatim. */
    static JsonNode toJackson(JsonTree t) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (t) {
            case JObject o -> {
                ObjectNode n = f.objectNode();
                o.fields().forEach((k, v) -> n.set(k, toJackson(v.value())));
                yield n;
            }
            case JArray a -> {
                ArrayNode n = f.arrayNode();
                a.items().forEach(i -> n.add(toJackson(i)));
                yield n;
            }
            case JString s -> f.textNode(s.value());
            case JNumber num -> switch (num.value()) {
                case BigInteger b -> f.numberNode(b);
                case Long l -> f.numberNode(l);
                case Integer i -> f.numberNode(i);
                case java.math.BigDecimal d -> f.numberNode(d);
                default -> f.numberNode(num.value().doubleValue());
            };
            case JBool b -> f.booleanNode(b.value());
            case JNull n -> f.nullNode();
        };
    }

    /** Holder of the one parser factory (thread-safe once built), with the limits of a document. */
    final class Factory {
        static final JsonFactory INSTANCE = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(64)
                        .maxStringLength(LayoutDocuments.MAX_BYTES)
                        .build())
                .build();

        private Factory() {
        }
    }

    /** Parses one JSON document; trailing content after it is an error. */
    static JsonTree parse(String json, String source) {
        try (JsonParser p = Factory.INSTANCE.createParser(json)) {
            try {
                return readDocument(p, source);
            } catch (StreamConstraintsException e) {
                // Jackson's own limit fired; its exception may carry no location, the parser does.
                throw new InputException(whereOf(source, e.getLocation() != null ? e.getLocation() : p.currentLocation()),
                        "document too large or too deeply nested: " + firstLine(e.getOriginalMessage()));
            }
        } catch (JsonParseException e) {
            throw new InputException(whereOf(source, e.getLocation()), "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(source, "cannot read JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static JsonTree readDocument(JsonParser p, String source) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new InputException(source + ":1:1", "empty document: expected a JSON object");
        }
        JsonTree root = read(p, source, 0);
        JsonToken extra = p.nextToken();
        if (extra != null) {
            throw Where.of(source, p.currentTokenLocation()).error("unexpected content after the end of the document");
        }
        return root;
    }

    private static String whereOf(String source, JsonLocation loc) {
        return Where.of(source, loc).toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static JNumber number(JsonParser p, boolean integral, Where where) throws IOException {
        try {
            return new JNumber(integral ? p.getNumberValue() : p.getDecimalValue(), integral, where);
        } catch (NumberFormatException e) {
            // e.g. 1e9223372036854775: valid JSON syntax, but no number Java can hold.
            throw where.error("number out of range: " + p.getText());
        }
    }

    /** Reads the value at the current token. Recursion depth is bounded by {@link #MAX_DEPTH}. */
    private static JsonTree read(JsonParser p, String source, int depth) throws IOException {
        Where where = Where.of(source, p.currentTokenLocation());
        JsonToken tok = p.currentToken();
        if (depth > MAX_DEPTH) {
            throw where.error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        return switch (tok) {
            case START_OBJECT -> {
                Map<String, JObject.Field> fields = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Where keyWhere = Where.of(source, p.currentTokenLocation());
                    p.nextToken();
                    JsonTree value = read(p, source, depth + 1);
                    if (fields.putIfAbsent(key, new JObject.Field(keyWhere, value)) != null) {
                        throw keyWhere.error("duplicate property \"" + key + "\"");
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw Where.of(source, p.currentLocation()).error("unexpected end of the document inside an object");
                }
                yield new JObject(fields, where);
            }
            case START_ARRAY -> {
                List<JsonTree> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw Where.of(source, p.currentLocation()).error("unexpected end of the document inside an array");
                    }
                    items.add(read(p, source, depth + 1));
                }
                yield new JArray(items, where);
            }
            case VALUE_STRING -> new JString(p.getText(), where);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, tok == JsonToken.VALUE_NUMBER_INT, where);
            case VALUE_TRUE -> new JBool(true, where);
            case VALUE_FALSE -> new JBool(false, where);
            case VALUE_NULL -> new JNull(where);
            default -> throw where.error("unexpected JSON token " + tok);
        };
    }
}
