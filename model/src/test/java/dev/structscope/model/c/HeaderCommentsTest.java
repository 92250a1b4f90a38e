package dev.structscope.model.c;

import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comments in imported headers reach the members, records, enums and typedefs they describe. */
class HeaderCommentsTest {
    private static final String HEADER = """
            /* Copyright notice, not about Tick (a blank line follows). */

            /** One trade, as the feed writes it. */
            struct Tick {
                long long ts;     // nanoseconds since the epoch
                /* The instrument. */
                int id;
                float price;      ///< in the instrument's currency
                int a, b;         // two together: the comment is b's
                // Several lines
                // of comment above.
                double qty;
                unsigned flags : 3; /**< bit-field note */
                int none;

                int after_blank;
            };

            // The side of the book.
            enum Side {
                BUY = 1,   // bid
                SELL = 2   /* ask */
            };

            /* A typedef'd anonymous struct: the comment is the typedef's. */
            typedef struct {
                int x; // first
            } Pair;

            #define NOTE /* comments in macros vanish */ 4
            struct InMacro { char buf[NOTE]; // sized by a macro
            };
            """;

    @Test
    void commentsLandWhereAReaderWouldPutThem() {
        TypeLibrary lib = HeaderImporter.importText(HEADER, "ticks.h", HeaderImporter.Options.defaults());
        RecordType tick = lib.findRecord("Tick").orElseThrow().record();
        assertEquals("One trade, as the feed writes it.", tick.comment());
        Map<String, String> c = comments(tick);
        assertEquals("nanoseconds since the epoch", c.get("ts"));
        assertEquals("The instrument.", c.get("id"));
        assertEquals("in the instrument's currency", c.get("price"));
        assertNull(c.get("a"));
        assertEquals("two together: the comment is b's", c.get("b"));
        assertEquals("Several lines\nof comment above.", c.get("qty"));
        assertEquals("bit-field note", c.get("flags"));
        assertNull(c.get("none"));
        assertNull(c.get("after_blank"));

        EnumType side = lib.enumByTag("Side").orElseThrow();
        assertEquals("The side of the book.", side.comment());
        Map<String, String> e = side.enumerators().stream()
                .collect(Collectors.toMap(Enumerator::name, x -> String.valueOf(x.comment())));
        assertEquals(Map.of("BUY", "bid", "SELL", "ask"), e);

        assertEquals("A typedef'd anonymous struct: the comment is the typedef's.",
                lib.typedef("Pair").orElseThrow().comment());
        RecordType pair = lib.findRecord("Pair").orElseThrow().record();
        assertNull(pair.comment());
        assertEquals("first", comments(pair).get("x"));
        assertEquals("sized by a macro", comments(lib.findRecord("InMacro").orElseThrow().record()).get("buf"));
    }

    @Test
    void longCommentsAreCutAndCommentsNeverChangeTheLayoutTypes() {
        String big = "x".repeat(50_000);
        TypeLibrary with = HeaderImporter.importText("struct S { int a; /* " + big + " */ };", "s.h",
                HeaderImporter.Options.defaults());
        String got = with.findRecord("S").orElseThrow().record().members().getFirst().comment();
        assertEquals(Comments.MAX_CHARS, got.length());
        assertTrue(got.endsWith("…"));
        TypeLibrary without = HeaderImporter.importText("struct S { int a; };", "s.h", HeaderImporter.Options.defaults());
        assertEquals(without.findRecord("S").orElseThrow().record().members().getFirst().type(),
                with.findRecord("S").orElseThrow().record().members().getFirst().type());
    }

    private static Map<String, String> comments(RecordType r) {
        return r.members().stream().filter(m -> m.name() != null && m.comment() != null)
                .collect(Collectors.toMap(Member::name, Member::comment));
    }
}
