package dev.structscope.io.decode;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding dynamic records: each expression evaluated against the values read before it, the
 * instance plan read in place, and every kind of hostile data ending in one message that names
 * the member path and the byte offset, with no allocation in proportion to a claimed count.
 */
@Timeout(30)
class DynamicDecoderTest {
    static final String HEADER = """
            #include <stdint.h>
            struct __attribute__((packed)) Rec { uint16_t len; uint8_t body[len - 2]; };
            struct __attribute__((packed)) File { uint32_t count; struct Rec recs[count]; uint8_t tail[]; };
            struct __attribute__((packed)) Msg {
              uint16_t type; uint16_t len;
              [[structscope::switch(type), structscope::size(len - 4)]] union {
                [[structscope::when(1)]] struct { uint32_t a; } one;
                [[structscope::when(2)]] struct { uint8_t n; char s[n]; } text;
              } body;
            };
            struct __attribute__((packed)) Strict { uint8_t type;
              [[structscope::switch(type)]] union { [[structscope::when(1)]] uint32_t a; } body; };
            struct __attribute__((packed)) Placed { uint32_t off; uint32_t n; [[structscope::at(off)]] uint16_t v[n]; };
            struct __attribute__((packed)) Big { uint64_t n; uint8_t data[n]; };
            struct __attribute__((packed)) Neg { int32_t n; uint8_t data[n]; };
            struct Empty { };
            struct __attribute__((packed)) Zeros { uint8_t n; struct Empty e[]; };
            struct __attribute__((packed)) Window { uint8_t n; [[structscope::size(n)]] struct { uint32_t x; } w; };
            struct Aligned { uint8_t n; char s[n]; uint32_t after; };
            struct __attribute__((packed)) Chunk { char id[4]; uint32_t size;
              [[structscope::switch(id), structscope::size(size)]] union {
                [[structscope::when("fmt ")]] struct { uint16_t tag; uint16_t ch; } fmt; } body; };
            struct __attribute__((packed)) ToEnd { uint8_t n; uint8_t head[n]; uint16_t rest[]; };
            struct __attribute__((packed)) RecsToEnd { uint8_t n; struct Rec recs[]; };
            struct __attribute__((packed)) Small { uint8_t count; struct Rec recs[count]; uint8_t tail[]; };
            struct Padded { uint32_t a; uint8_t n; uint8_t s[n]; };
            struct __attribute__((packed)) PlacedSmall { uint8_t off; uint8_t n; [[structscope::at(off)]] uint16_t v[n]; };
            struct __attribute__((packed)) PlacedAlt { uint8_t type;
              [[structscope::switch(type)]] union { [[structscope::when(1)]] uint8_t one;
                [[structscope::when(2), structscope::at(4)]] uint32_t far; } body;
              uint8_t after; };
            union PlacedInUnion { uint8_t one; [[structscope::at(4)]] uint32_t far; };
            struct __attribute__((packed)) HoldsUnion { union PlacedInUnion u; uint8_t after; };
            struct Wide { uint8_t n; unsigned __int128 x : 100; uint8_t data[n]; };
            struct WideFixed { uint8_t n; unsigned __int128 x : 100; };
            """;

    static DynamicDecoder decoder(String type) {
        return decoder(type, Limits.DEFAULT, ByteOrder.LITTLE_ENDIAN);
    }

    static DynamicDecoder decoder(String type, Limits limits, ByteOrder order) {
        TypeLibrary lib = HeaderImporter.importText(HEADER, "t.h", HeaderImporter.Options.defaults());
        return new DynamicDecoder(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX, order, limits);
    }

    static MemorySegment bytes(int... b) {
        byte[] a = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = (byte) b[i];
        }
        return MemorySegment.ofArray(a);
    }

    static String json(RecordReader.Decoded d) {
        StringBuilder sb = new StringBuilder();
        JsonText.append(sb, d.value(), true);
        return sb.toString();
    }

    static RecordReader.Decoded decode(String type, MemorySegment s) {
        return decoder(type).read(s, 0, s.byteSize());
    }

    @Nested
    class WellFormedData {
        @Test
        void countedArraysOfDynamicRecordsFollowOneAnother() {
            MemorySegment s = bytes(2, 0, 0, 0, 4, 0, 0xAB, 0xCD, 2, 0, 0x7F);
            RecordReader.Decoded d = decode("File", s);
            assertEquals("{\"count\": 2, \"recs\": [{\"len\": 4, \"body\": \"abcd\"}, {\"len\": 2, \"body\": \"\"}],"
                    + " \"tail\": \"7f\"}", json(d));
            assertEquals(11, d.size());
            ArrayValue recs = (ArrayValue) d.value().get("recs");
            assertEquals(8, recs.offsetOf(1), "the second record starts where the first one ended");
        }

        @Test
        void aTaggedUnionDecodesOnlyTheChosenAlternative() {
            MemorySegment s = bytes(2, 0, 8, 0, 3, 'a', 'b', 'c');
            assertEquals("{\"type\": 2, \"len\": 8, \"body\": {\"text\": {\"n\": 3, \"s\": \"abc\"}}}",
                    json(decode("Msg", s)));
        }

        @Test
        void anUnknownAlternativeIsNullAndSkippedByItsSize() {
            MemorySegment s = bytes(9, 0, 6, 0, 1, 2);
            RecordReader.Decoded d = decode("Msg", s);
            assertEquals("{\"type\": 9, \"len\": 6, \"body\": null}", json(d));
            assertEquals(6, d.size());
        }

        @Test
        void aCharArrayDiscriminatorMatchesAStringWhen() {
            MemorySegment s = bytes('f', 'm', 't', ' ', 6, 0, 0, 0, 1, 0, 2, 0, 0, 0);
            RecordReader.Decoded d = decode("Chunk", s);
            assertEquals("{\"id\": \"fmt \", \"size\": 6, \"body\": {\"fmt\": {\"tag\": 1, \"ch\": 2}}}", json(d));
            assertEquals(14, d.size(), "the window skips what the alternative does not read");
        }

        @Test
        void aPlacedMemberIsReadWhereItsExpressionSays() {
            MemorySegment s = bytes(10, 0, 0, 0, 2, 0, 0, 0, 0, 0, 5, 0, 6, 0);
            RecordReader.Decoded d = decode("Placed", s);
            assertEquals("{\"off\": 10, \"n\": 2, \"v\": [5, 6]}", json(d));
            assertEquals(8, d.size(), "a placed member does not count in the record's size");
        }

        /**
         * A placed alternative of a tagged union is read where its at says, and takes no room where
         * the union is: it used to be read in the union's place, and the members after it moved.
         */
        @Test
        void aPlacedAlternativeIsReadWhereItsExpressionSays() {
            RecordReader.Decoded far = decode("PlacedAlt", bytes(2, 7, 7, 7, 0xAA, 0xBB, 0xCC, 0xDD));
            assertEquals("{\"type\": 2, \"body\": {\"far\": 3721182122}, \"after\": 7}", json(far));
            assertEquals(2, far.size(), "a placed alternative does not count in the record's size");
            RecordReader.Decoded one = decode("PlacedAlt", bytes(1, 9, 8, 0));
            assertEquals("{\"type\": 1, \"body\": {\"one\": 9}, \"after\": 8}", json(one));
            assertEquals(3, one.size());
            InputException e = assertThrows(InputException.class, () -> decode("PlacedAlt", bytes(2, 7, 7, 7, 0xAA)));
            assertEquals("byte offset 4", e.where());
            assertTrue(e.getMessage().startsWith("PlacedAlt.body.far: uint32_t of 4 bytes at byte offset 4 runs past"),
                    e.getMessage());
        }

        @Test
        void aPlacedMemberOfAUnionIsReadWhereItsExpressionSays() {
            RecordReader.Decoded d = decode("HoldsUnion", bytes(1, 2, 0, 0, 0xAA, 0xBB, 0xCC, 0xDD));
            assertEquals("{\"u\": {\"one\": 1, \"far\": 3721182122}, \"after\": 2}", json(d));
            assertEquals(2, d.size(), "a placed member does not count in the union's size");
        }

        /**
         * A record dynamic only through placed members keeps its size: what follows it has a fixed
         * offset in the layout (it was "offset": null, as if data decided the size), and the
         * decoder reads it there.
         */
        @Test
        void aMemberAfterARecordWithOnlyPlacedMembersHasAFixedOffset() {
            TypeLibrary lib = HeaderImporter.importText(HEADER, "t.h", HeaderImporter.Options.defaults());
            var holds = LayoutEngine.layout("HoldsUnion", lib, Abis.X86_64_LINUX);
            assertTrue(holds.dynamic(), "its union's placed member is read by the dynamic decoder");
            assertFalse(holds.sizeVaries());
            var after = holds.fields().get(1);
            assertFalse(after.dynamic(), "after has a fixed offset");
            assertEquals(1, after.offset());
            var tagged = LayoutEngine.layout("PlacedAlt", lib, Abis.X86_64_LINUX);
            assertTrue(tagged.sizeVaries() && tagged.fields().get(2).dynamic(), "a switch still decides the size");
        }

        @Test
        void aMemberAfterADynamicOneIsAlignedFromTheRecordsStart() {
            MemorySegment s = bytes(1, 'x', 0, 0, 7, 0, 0, 0);
            RecordReader.Decoded d = decode("Aligned", s);
            assertEquals("{\"n\": 1, \"s\": \"x\", \"after\": 7}", json(d));
            assertEquals(8, d.size());
        }

        @Test
        void bigEndianDataIsReadInItsOrder() {
            MemorySegment s = bytes(0, 0, 0, 1, 0, 3, 0x11);
            RecordReader.Decoded d = decoder("File", Limits.DEFAULT, ByteOrder.BIG_ENDIAN).read(s, 0, s.byteSize());
            assertEquals("{\"count\": 1, \"recs\": [{\"len\": 3, \"body\": \"11\"}], \"tail\": \"\"}", json(d));
        }

        @Test
        void aRecordThatEndsPastTheDataSaysHowFarItNeeds() {
            MemorySegment s = bytes(1, 0, 0, 0, 9, 0, 1);
            var e = assertThrows(DynamicDecoder.DataEndsException.class, () -> decode("File", s));
            assertEquals(13, e.needed());
        }
    }

    @Nested
    class HostileData {
        InputException refused(String type, MemorySegment s) {
            return assertThrows(InputException.class, () -> decode(type, s));
        }

        /** The exception that decoding {@code s} as {@code type}, little-endian, with --max-elements 1000 must end in. */
        InputException refusedOverAThousandElements(String type, MemorySegment s) {
            return assertThrows(InputException.class, () -> decoder(type,
                    new Limits(1 << 20, 256, 1000, 1000), ByteOrder.LITTLE_ENDIAN).read(s, 0, s.byteSize()));
        }

        /** A bit-field wider than 64 bits is refused as the fixed plan refuses it, not read as 64 of its bits. */
        @Test
        void aBitFieldWiderThanSixtyFourBitsIsRefusedNotCut() {
            MemorySegment s = bytes(new int[48]);
            InputException e = refused("Wide", s);
            assertEquals("not supported: decoding bit-fields wider than 64 bits", e.getMessage());
            assertEquals("x", e.where());
            InputException fixed = assertThrows(InputException.class, () -> DecoderPlan.compile(LayoutEngine.layout("WideFixed",
                    HeaderImporter.importText(HEADER, "t.h", HeaderImporter.Options.defaults()), Abis.X86_64_LINUX),
                    Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN));
            assertEquals(fixed.oneLine(), e.oneLine(), "the same message as the fixed plan's");
        }

        @Test
        void aCountOfTwoToTheSixtyTwoEndsWithPathAndOffset() {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62);
            InputException e = refused("Big", MemorySegment.ofArray(b.array()));
            assertEquals("byte offset 8", e.where());
            assertTrue(e.getMessage().startsWith("Big.data: "), e.getMessage());
            assertTrue(e.getMessage().contains("4611686018427387904"), e.getMessage());
        }

        @Test
        void aNegativeCountIsRefused() {
            InputException e = refused("Neg", bytes(0xFF, 0xFF, 0xFF, 0xFF));
            assertEquals("byte offset 4", e.where());
            assertTrue(e.getMessage().contains("Neg.data: count n = -1 is negative"), e.getMessage());
        }

        @Test
        void aSizeTooSmallForItsContentIsRefused() {
            InputException e = refused("Window", bytes(2, 1, 2, 3, 4));
            assertTrue(e.getMessage().startsWith("Window.w"), e.getMessage());
            assertTrue(e.getMessage().contains("size window"), e.getMessage());
        }

        @Test
        void aSizeBelowTheHeaderIsRefused() {
            InputException e = refused("Msg", bytes(1, 0, 2, 0));
            assertTrue(e.getMessage().contains("size len - 4 = -2 is negative"), e.getMessage());
        }

        @Test
        void aPlacementPastTheEndIsRefused() {
            InputException e = refused("Placed", bytes(0xFF, 0, 0, 0, 1, 0, 0, 0));
            assertEquals("byte offset 255", e.where());
            assertTrue(e.getMessage().startsWith("Placed.v: placed at byte offset 255"), e.getMessage());
        }

        @Test
        void zeroSizeElementsToTheEndAreRefused() {
            InputException e = refused("Zeros", bytes(0, 1, 2));
            assertTrue(e.getMessage().contains("0 bytes cannot fill the data"), e.getMessage());
        }

        @Test
        void aSwitchWithNoMatchAndNoSizeIsRefused() {
            InputException e = refused("Strict", bytes(7, 0, 0, 0, 0));
            assertEquals("byte offset 1", e.where());
            assertTrue(e.getMessage().contains("no alternative matches type = 7"), e.getMessage());
        }

        @Test
        void aCountAboveMaxElementsIsRefusedBeforeAnythingIsBuilt() {
            ByteBuffer b = ByteBuffer.allocate(8 + 5000).order(ByteOrder.LITTLE_ENDIAN).putLong(5000);
            MemorySegment s = MemorySegment.ofArray(b.array());
            InputException e = refusedOverAThousandElements("Big", s);
            assertTrue(e.getMessage().contains("--max-elements 1000"), e.getMessage());
        }

        @Test
        void manyTinyRecordsCountAgainstMaxElementsToo() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x40, 0x42, 0x0F, 0}); // a million records
            for (int i = 0; i < 2000; i++) {
                out.writeBytes(new byte[] {2, 0});
            }
            MemorySegment s = MemorySegment.ofArray(out.toByteArray());
            InputException e = refusedOverAThousandElements("File", s);
            assertTrue(e.getMessage().contains("--max-elements"), e.getMessage());
        }

        @Test
        void aPlacementCycleIsRefused() {
            TypeLibrary lib = HeaderImporter.importText("""
                    #include <stdint.h>
                    struct Node { uint32_t next; [[structscope::at(next)]] struct Node child[next != 0 ? 1 : 0]; };
                    """, "cycle.h", HeaderImporter.Options.defaults());
            DynamicDecoder d = new DynamicDecoder(LayoutEngine.layout("Node", lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                    ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
            MemorySegment chain = bytes(8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            assertEquals("{\"next\": 8, \"child\": [{\"next\": 0, \"child\": []}]}",
                    json(d.read(chain, 0, chain.byteSize())));
            MemorySegment loop = bytes(4, 0, 0, 0, 4, 0, 0, 0);
            InputException e = assertThrows(InputException.class, () -> d.read(loop, 0, loop.byteSize()));
            assertEquals("byte offset 4", e.where());
            assertTrue(e.getMessage().contains("placement cycle"), e.getMessage());
        }
    }

    /**
     * A record read in a size window occupies the whole window in the plan the views select by:
     * a tagged union that chose nothing (its window skipped) or one whose content is shorter.
     * The null body selected 1 byte in the window's tree instead of its 5.
     */
    @Test
    void aSizedRecordsNodeSpansItsWindow() {
        TypeLibrary lib = HeaderImporter.importText("""
                #include <stdint.h>
                struct M { uint8_t t; uint8_t len;
                    [[structscope::switch(t), structscope::size(len)]] union { [[structscope::when(1)]] uint8_t a; } body; };
                """, "w.h", HeaderImporter.Options.defaults());
        DynamicDecoder d = new DynamicDecoder(LayoutEngine.layout("M", lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        for (int t : new int[] {9, 1}) {
            MemorySegment m = bytes(t, 5, 7, 0, 0, 0, 0);
            RecordReader.Decoded r = d.read(m, 0, m.byteSize());
            assertEquals(7, r.size());
            PlanNode body = r.value().node().members().get(2);
            assertEquals(5, ((RecordNode) body).size(), "t = " + t);
            assertEquals(2, body.offset());
        }
    }

    @Test
    void theReaderOfAFixedLayoutIsTheFixedPlan() {
        TypeLibrary lib = HeaderImporter.importText("struct P { int x; int y; };", "p.h", HeaderImporter.Options.defaults());
        RecordReader r = RecordReader.of(LayoutEngine.layout("P", lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        assertInstanceOf(DecoderPlan.class, r);
    }

    /** What a decode came to: the record as JSON with its size and warnings, or the exception's class and message. */
    static String outcome(java.util.function.Supplier<RecordReader.Decoded> decode) {
        try {
            RecordReader.Decoded d = decode.get();
            return json(d) + " " + d.size() + " " + d.warnings();
        } catch (InputException e) {
            return e.getClass().getSimpleName() + ": " + e.oneLine();
        }
    }

    /**
     * A record decoded through windows of the data that start at the record and grow while the
     * decoder asks for more (as the GUI reads an edited file) comes out as the decode of the whole
     * data: the same value, size and warnings, or the same message naming the same offsets.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"File", "Msg", "Strict", "Placed", "Big", "Neg", "Window",
            "Aligned", "Chunk", "ToEnd", "RecsToEnd", "Small", "Padded", "PlacedSmall", "PlacedAlt", "HoldsUnion"})
    void aRecordReadThroughGrowingWindowsIsTheRecordReadInTheWhole(String type) {
        DynamicDecoder d = decoder(type);
        java.util.Random rnd = new java.util.Random(type.hashCode());
        for (int round = 0; round < 400; round++) {
            byte[] data = new byte[8 + rnd.nextInt(80)];
            for (int k = 0; k < data.length; k++) {
                // Mostly small values, so that counts, sizes and placements often fit.
                data[k] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(8));
            }
            MemorySegment all = MemorySegment.ofArray(data);
            long start = rnd.nextInt(8);
            long size = data.length;
            String whole = outcome(() -> d.read(all, start, size));
            String windowed = outcome(() -> {
                long rest = size - start;
                long length = Math.min(rest, 1 + rnd.nextInt(4));
                while (true) {
                    try {
                        return d.decodeWindow(all.asSlice(start, length), start, size);
                    } catch (DynamicDecoder.DataEndsException e) {
                        if (length == rest || e.needed() != Long.MAX_VALUE && e.needed() > rest) {
                            throw e;
                        }
                        length = Math.min(rest, Math.max(e.needed() == Long.MAX_VALUE ? rest : e.needed(), length + 1));
                    }
                }
            });
            // JSON of the window's value names no offsets, so the two compare as text.
            assertEquals(whole, windowed, type + " at " + start + " of " + java.util.HexFormat.of().formatHex(data));
        }
    }
}
