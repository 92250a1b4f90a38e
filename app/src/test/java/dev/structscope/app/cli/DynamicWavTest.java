package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random WAV files written by Python's {@code wave} module, with a LIST/INFO chunk and unknown
 * chunks inserted, decoded whole through {@code wav_chunks.h} (a {@code char[4]} switch over
 * {@code when("fmt ")}, {@code when("LIST")}, {@code when("data")} in a {@code size(size)}
 * window, and the RIFF pad byte): the fmt fields and the samples equal what {@code wave} reads
 * back, and every unknown chunk is skipped by its size (null body) with the next chunk intact.
 */
@Tag(DynamicCli.TAG)
class DynamicWavTest {
    /**
     * Writes N WAV files with wave, inserts chunks, and prints per file what wave reads back plus
     * the chunk list as the bytes have it. wave leaves out the pad byte after odd-sized data: the
     * file gets it here, as RIFF requires (wave reads the file either way).
     */
    private static final String WAV_WRITER = """
            import io, json, random, struct, sys, wave
            seed, n, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
            rng = random.Random(seed)
            def chunk(cid, body):
                return cid + struct.pack("<I", len(body)) + body + b"\\0" * (len(body) % 2)
            def unknown():
                cid = b"data"
                while cid in (b"data", b"fmt ", b"LIST"):
                    cid = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz XYZ0123456789") for _ in range(4))
                return cid.decode(), chunk(cid, bytes(rng.randrange(256) for _ in range(rng.randrange(34))))
            for k in range(n):
                ch, sw = rng.choice([1, 2, 3, 6]), rng.choice([1, 2, 3, 4])
                rate, frames = rng.choice([8000, 11025, 22050, 44100, 48000, 96000]), rng.choice([0, 1, 3, 100, 257, 1000])
                buf = io.BytesIO()
                with wave.open(buf, "wb") as w:
                    w.setnchannels(ch); w.setsampwidth(sw); w.setframerate(rate)
                    w.writeframes(bytes(rng.randrange(256) for _ in range(frames * ch * sw)))
                raw = buf.getvalue()
                assert raw[36:40] == b"data"
                raw += b"\\0" * (len(raw) % 2)
                order, info, inserted = ["fmt "], [], b""
                for _ in range(rng.randrange(1, 4)):
                    if rng.random() < 0.5:
                        cid, c = unknown()
                        order.append(cid); inserted += c
                    else:
                        items = [(rng.choice(["INAM", "IART", "ICMT", "ISFT"]),
                                  "".join(rng.choice("abc XYZ-019") for _ in range(rng.randrange(12)))) for _ in range(rng.randrange(4))]
                        info.append(items)
                        order.append("LIST")
                        inserted += chunk(b"LIST", b"INFO" + b"".join(chunk(i.encode(), t.encode() + b"\\0") for i, t in items))
                cid, after = unknown()
                body = raw[8:36] + inserted + raw[36:] + after
                path = "%s/w%d.wav" % (outdir, k)
                with open(path, "wb") as f:
                    f.write(b"RIFF" + struct.pack("<I", len(body)) + body)
                with wave.open(path, "rb") as r:
                    p = r.getparams()
                    samples = r.readframes(p.nframes).hex()
                print(json.dumps({"path": path, "channels": p.nchannels, "sampwidth": p.sampwidth, "framerate": p.framerate,
                                  "nframes": p.nframes, "samples": samples, "order": order + ["data", cid], "info": info}))
            """;

    @TempDir
    Path dir;

    /** Reads a WAV file with Python's wave module: its parameters and its samples as hex. */
    private static final String WAV_READER = """
            import json, sys, wave
            with wave.open(sys.argv[1], "rb") as r:
                p = r.getparams()
                print(json.dumps({"path": sys.argv[1], "channels": p.nchannels, "sampwidth": p.sampwidth,
                                  "framerate": p.framerate, "nframes": p.nframes, "samples": r.readframes(p.nframes).hex()}))
            """;

    @Test
    void randomWavFilesDecodeAsPythonsWaveReadsThem() {
        long seed = new Random().nextInt(1_000_000);
        Path header = DynamicCli.bundled(dir, "wav_chunks.h");
        List<JsonNode> files = DynamicCli.jsonLines(DynamicCli.python(dir, WAV_WRITER, "" + seed, "12", dir.toString()));
        assertEquals(12, files.size());
        int unknownSkipped = 0;
        for (JsonNode truth : files) {
            unknownSkipped += assertDecodesAsWaveReadsIt(header, truth, "seed " + seed + " ");
        }
        assertTrue(unknownSkipped >= 12, "every file has at least one unknown chunk: " + unknownSkipped);
    }

    @Test
    void theBundledSampleDecodesAsPythonsWaveReadsIt() {
        Sample sample = Samples.byData("chunks.wav");
        Path wav = Samples.extract(sample, dir);
        ObjectNode truth = (ObjectNode) JsonCompare.parse(DynamicCli.python(dir, WAV_READER, wav.toString()));
        // The chunks make_dynamic_samples.py inserted between "fmt " and "data".
        truth.set("order", JsonCompare.parse("[\"fmt \", \"JUNK\", \"LIST\", \"data\"]"));
        truth.set("info", JsonCompare.parse("[[[\"INAM\", \"StructScope tone\"], [\"ISFT\", \"Python wave\"]]]"));
        assertEquals(1, assertDecodesAsWaveReadsIt(dir.resolve(sample.header()), truth, ""), "the JUNK chunk is skipped");
    }

    /**
     * Decodes one file whole and compares it with {@code truth} (what wave read, the chunk ids in
     * file order, the INFO items of each LIST chunk); returns how many unknown chunks were skipped.
     */
    private static int assertDecodesAsWaveReadsIt(Path header, JsonNode truth, String context) {
        String what = context + truth.get("path").asText() + ": ";
        JsonNode wav = DynamicCli.decode(header.toString(), "--type", "WavFile", truth.get("path").asText(),
                "--bytes", "hex").get(0);
        assertEquals("RIFF", wav.get("riff").asText(), what);
        assertEquals("WAVE", wav.get("wave").asText(), what);
        JsonNode chunks = wav.get("chunks");
        List<String> ids = new ArrayList<>();
        chunks.forEach(c -> ids.add(c.get("id").asText()));
        List<String> order = new ArrayList<>();
        truth.get("order").forEach(o -> order.add(o.asText()));
        assertEquals(order, ids, what + "chunk ids in file order");
        int list = 0;
        int unknown = 0;
        for (JsonNode c : chunks) {
            long size = c.get("size").asLong();
            assertEquals(size % 2 == 1 ? "00" : "", c.get("pad").asText(), what + c.get("id") + " pad byte");
            JsonNode body = c.get("body");
            switch (c.get("id").asText()) {
                case "fmt " -> {
                    JsonNode fmt = onlyKey(body, "fmt", what);
                    int ch = truth.get("channels").asInt();
                    int sw = truth.get("sampwidth").asInt();
                    int rate = truth.get("framerate").asInt();
                    assertEquals(1, fmt.get("audio_format").asInt(), what + "PCM");
                    assertEquals(ch, fmt.get("channels").asInt(), what + "channels");
                    assertEquals(rate, fmt.get("sample_rate").asInt(), what + "sample_rate");
                    assertEquals(8 * sw, fmt.get("bits_per_sample").asInt(), what + "bits_per_sample");
                    assertEquals(ch * sw, fmt.get("block_align").asInt(), what + "block_align");
                    assertEquals((long) rate * ch * sw, fmt.get("byte_rate").asLong(), what + "byte_rate");
                }
                case "data" -> {
                    String samples = onlyKey(body, "samples", what).asText();
                    assertEquals(truth.get("samples").asText(), samples, what + "samples");
                    int frameBytes = truth.get("channels").asInt() * truth.get("sampwidth").asInt();
                    assertEquals(truth.get("nframes").asLong(), size / frameBytes, what + "nframes");
                }
                case "LIST" -> {
                    JsonNode l = onlyKey(body, "list", what);
                    assertEquals("INFO", l.get("list_type").asText(), what);
                    JsonNode items = truth.get("info").get(list++);
                    assertEquals(items.size(), l.get("items").size(), what + "INFO items");
                    for (int i = 0; i < items.size(); i++) {
                        JsonNode item = l.get("items").get(i);
                        assertEquals(items.get(i).get(0).asText(), item.get("id").asText(), what + "INFO item id");
                        assertEquals(items.get(i).get(1).asText(), item.get("text").asText(), what + "INFO text");
                    }
                }
                default -> {
                    assertTrue(body.isNull(), what + "an unknown chunk has a null body: " + body);
                    unknown++;
                }
            }
        }
        return unknown;
    }

    /** A tagged union's value: an object with exactly one key, the chosen alternative. */
    static JsonNode onlyKey(JsonNode union, String key, String what) {
        assertTrue(union != null && union.isObject() && union.size() == 1 && union.has(key),
                what + "a union with the one key '" + key + "': " + union);
        return union.get(key);
    }
}
