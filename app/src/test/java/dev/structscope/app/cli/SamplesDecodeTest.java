package dev.structscope.app.cli;

import dev.structscope.io.testing.JsonCompare;
import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every bundled sample decodes through its own header to the values its writer put there
 * (sample-files/scripts/make_samples.py: ctypes, the wave module; make_elf.sh: gcc).
 */
class SamplesDecodeTest {
    @TempDir
    Path dir;

    private JsonNode decode(Sample s, String... extra) {
        Path data = Samples.extract(s, dir);
        String[] base = {"decode", dir.resolve(s.header()).toString(), "--type", s.type(), data.toString(),
                "--byte-order", s.byteOrder()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.run(args);
        assertEquals(0, r.status(), s + ": " + r.err);
        return JsonCompare.parse(r.out.toString());
    }

    private static Sample sample(String data) {
        return Samples.ALL.stream().filter(s -> s.data().equals(data)).findFirst().orElseThrow();
    }

    @Test
    void everySampleDecodesToWhatItsWriterWrote() {
        assertEquals(JsonCompare.parse("[{\"x\": 10, \"y\": 20}, {\"x\": -3, \"y\": 7}, {\"x\": 2147483647, \"y\": -2147483648}]"),
                decode(sample("point.bin"), "--all"));

        JsonNode bmp = decode(sample("image.bmp")).get(0);
        assertEquals(0x4D42, bmp.get("bfType").asInt());
        assertEquals(78, bmp.get("bfSize").asInt());
        assertEquals(54, bmp.get("bfOffBits").asInt());
        Sample info = new Sample("image.bmp", "bmp.h", "BITMAPINFOHEADER", 14, "little", "");
        JsonNode ih = decode(info, "--offset", "14").get(0);
        assertEquals(4, ih.get("biWidth").asInt());
        assertEquals(2, ih.get("biHeight").asInt());
        assertEquals(24, ih.get("biBitCount").asInt());

        JsonNode wav = decode(sample("tone.wav")).get(0);
        assertEquals("RIFF", wav.get("riff").asText());
        assertEquals("WAVE", wav.get("wave").asText());
        assertEquals(8000, wav.get("sample_rate").asInt());
        assertEquals(16, wav.get("bits_per_sample").asInt());
        assertEquals(160, wav.get("data_size").asInt());

        JsonNode elf = decode(sample("hello.elf")).get(0);
        assertEquals("[127,69,76,70,2,1,1,", elf.get("e_ident").toString().substring(0, 20));
        assertEquals(62, elf.get("e_machine").asInt());
        assertEquals(64, elf.get("e_ehsize").asInt());

        assertEquals(2712847316L, decode(sample("capture.pcap")).get(0).get("magic_number").asLong());
        Sample rec = new Sample("capture.pcap", "pcap.h", "pcaprec_hdr_t", 0, "little", "");
        for (int i = 0; i < 3; i++) {
            JsonNode r = decode(rec, "--offset", Integer.toString(24 + 36 * i)).get(0);
            assertEquals(1700000000 + i, r.get("ts_sec").asLong());
            assertEquals(20, r.get("incl_len").asInt());
        }

        JsonNode ticks = decode(Samples.TICKS, "--all");
        assertEquals(5000, ticks.size());
        assertEquals(1700000000003931341L, ticks.get(0).get("ts").asLong());

        JsonNode net = decode(sample("netheader.bin"), "--all");
        assertEquals(3, net.size());
        assertEquals(4, net.get(0).get("version").asInt());
        assertEquals(5, net.get(0).get("ihl").asInt());
        assertEquals(2, net.get(0).get("flags").asInt());
        assertEquals(17, net.get(0).get("protocol").asInt());
        assertEquals("[192,168,0,3]", net.get(2).get("src").toString());
        assertEquals(5355, net.get(2).get("src_port").asInt());
    }
}
