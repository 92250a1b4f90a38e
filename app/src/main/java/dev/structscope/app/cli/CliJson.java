package dev.structscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON the commands write and read themselves: the one object {@code layout --json} and
 * {@code compare --json} print, field by field, and the {@code --values} objects {@code patch} and
 * {@code send} take. Apart from the command classes on purpose: a command that prints no JSON
 * should not load Jackson for it. Static only; any thread.
 */
final class CliJson {
    private CliJson() {
    }

    /** The fields of a JSON object, written with Jackson's streaming generator. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object on {@code out}, as one line. */
    static void print(PrintWriter out, Fields fields) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** Writes what one item of an array contributes (the fields of its object). */
    interface Item<T> {
        void write(T item) throws IOException;
    }

    /** An array field holding one object per item, whose fields {@code fields} writes. */
    static <T> void objects(JsonGenerator g, String field, Iterable<? extends T> items, Item<T> fields) throws IOException {
        g.writeArrayFieldStart(field);
        for (T item : items) {
            g.writeStartObject();
            fields.write(item);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** An array field of strings; left out when there are none (the contract's optional lists). */
    static void strings(JsonGenerator g, String field, java.util.List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A number field, or {@code null} where the value is not known (an offset or size the data decides). */
    static void numberOrNull(JsonGenerator g, String field, boolean known, long value) throws IOException {
        if (known) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }

    /** The text of a {@code --values} option (member values shaped like decode's output), parsed. */
    static JsonNode values(String json) {
        try {
            // A key given twice would silently keep the last value: refused instead.
            return JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build().readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message without its pointer into its own source description.
            String message = e.getOriginalMessage();
            int cut = message.indexOf(" (start marker at");
            message = (cut > 0 ? message.substring(0, cut) : message).replace('\n', ' ');
            var at = e.getLocation();
            throw new InputException("--values", "not valid JSON" + (at != null && at.getColumnNr() > 0
                    ? " at column " + at.getColumnNr() : "") + ": " + message);
        }
    }
}
