package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.structscope.app.live.compose.ValueParser.Parsed;
import dev.structscope.io.decode.ScalarKind;

import java.util.HexFormat;

/**
 * A counted array of one-byte integers ({@code uint8_t data[len]}: a payload) edited as hex
 * text, {@code de ad be ef} or {@code deadbeef}; its count follows the number of bytes, so a
 * packet body is typed or pasted in one field instead of one row per byte. Its value is the JSON
 * array of the bytes (signed for a signed element type). FX thread.
 */
public final class BytesEntry extends TextEntry {
    private final String typeName;
    private final boolean signed;

    BytesEntry(String label, String path, int depth, String typeName, ScalarKind element) {
        super(label, path, depth);
        this.typeName = typeName;
        this.signed = element == ScalarKind.SIGNED;
        start("");
    }

    @Override
    Parsed parse(String text) {
        return parse(text, signed);
    }

    /** Hex digits in pairs; spaces, commas, colons and {@code 0x} prefixes between bytes are ignored. */
    static Parsed parse(String text, boolean signed) {
        String t = (text == null ? "" : text).replaceAll("0[xX]", "").replaceAll("[\\s,:]", "");
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                return Parsed.bad("'" + t.charAt(i) + "' is not a hex digit");
            }
        }
        if (t.length() % 2 != 0) {
            return Parsed.bad("an odd number of hex digits (" + t.length() + "): each byte is two");
        }
        if (t.length() / 2 > StringEntry.GROWABLE_MAX) {
            return Parsed.bad(t.length() / 2 + " bytes is more than the form takes (" + StringEntry.GROWABLE_MAX + ")");
        }
        byte[] bytes = HexFormat.of().parseHex(t);
        ArrayNode a = JsonNodeFactory.instance.arrayNode(bytes.length);
        for (byte b : bytes) {
            a.add(signed ? b : b & 0xFF);
        }
        return Parsed.ok(a);
    }

    @Override
    public String hint() {
        return typeName + ": bytes in hex (de ad be ef); their number sets the count";
    }

    @Override
    public String typeName() {
        return typeName;
    }
}
