package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * (A copy of io-engine's test helper of the same name: test classes do not cross modules.)
 * Compares decoded JSON with what a writer program printed, as parsed JSON. Integers compare
 * exactly, other numbers as the doubles they denote, except at paths named as {@code float} (compared after rounding both to float, since
 * a C writer prints them with {@code %.9g}) and {@code long double} (compared after rounding
 * both to 21 significant digits, the precision that identifies an x87 value).
 */
final class JsonCompare {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private JsonCompare() {
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }

    /** Every difference, as "path: expected X, got Y" lines (empty when equal). */
    public static List<String> diff(JsonNode expected, JsonNode actual, Set<String> floatKeys, Set<String> longDoubleKeys) {
        List<String> out = new ArrayList<>();
        diff("", "", expected, actual, floatKeys, longDoubleKeys, out);
        return out;
    }

    private static void diff(String path, String key, JsonNode e, JsonNode a, Set<String> fk, Set<String> ldk, List<String> out) {
        if (out.size() > 20) {
            return;
        }
        if (e.isObject()) {
            if (!a.isObject()) {
                out.add(path + ": expected object, got " + a);
                return;
            }
            List<String> en = new ArrayList<>();
            e.fieldNames().forEachRemaining(en::add);
            List<String> an = new ArrayList<>();
            a.fieldNames().forEachRemaining(an::add);
            if (!en.equals(an)) {
                out.add(path + ": expected members " + en + ", got " + an);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                diff(path + "." + m.getKey(), m.getKey(), m.getValue(), a.get(m.getKey()), fk, ldk, out);
            }
        } else if (e.isArray()) {
            if (!a.isArray() || a.size() != e.size()) {
                out.add(path + ": expected " + e + ", got " + a);
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                diff(path + "[" + i + "]", key, e.get(i), a.get(i), fk, ldk, out);
            }
        } else if (e.isNumber() && a.isNumber()) {
            BigDecimal x = e.decimalValue();
            BigDecimal y = a.decimalValue();
            boolean same;
            if (fk.contains(key)) {
                same = x.floatValue() == y.floatValue();
            } else if (ldk.contains(key)) {
                MathContext mc = new MathContext(21, java.math.RoundingMode.HALF_EVEN);
                // A writer's %.21Lg against our exact-double text or 21-digit text.
                BigDecimal yy = y.precision() <= 17 && Double.isFinite(y.doubleValue()) ? new BigDecimal(y.doubleValue()) : y;
                same = x.round(mc).compareTo(yy.round(mc)) == 0;
            } else if (x.scale() <= 0 && y.scale() <= 0 && !e.isFloatingPointNumber() && !a.isFloatingPointNumber()) {
                same = x.compareTo(y) == 0; // integers: exact
            } else {
                same = Double.compare(x.doubleValue(), y.doubleValue()) == 0; // a double by any text
            }
            if (!same) {
                out.add(path + ": expected " + e + ", got " + a);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + e + ", got " + a);
        }
    }
}
