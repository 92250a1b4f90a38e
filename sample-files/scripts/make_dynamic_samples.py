"""Writes the dynamic-layout samples of src/main/resources/dev/structscope/samples/: files whose
records have data-dependent lengths, counts and bodies (see each header). Deterministic; rerun:
python3 sample-files/scripts/make_dynamic_samples.py  (the ELF samples come from make_elf.sh).
Standard library only.

- packets.pcap (pcap_file.h): 12 Ethernet/IPv4 frames, UDP and TCP, of varied lengths, in the
  classic libpcap format (tshark -r reads it).
- chunks.wav (wav_chunks.h): written by Python's wave module (8-bit mono, an odd number of
  frames, so the data chunk needs the pad byte that wave leaves out, added here), then a JUNK
  chunk and a LIST/INFO chunk inserted between "fmt " and "data".
- proto.bin and proto.pcapng (proto.h): 40 messages of proto_peer.py, back to back, and the
  same messages recorded the way `capture --save` records them (pcapng, link type USER0,
  nanosecond time stamps, one Enhanced Packet Block per message).
"""
import io
import math
import os
import random
import struct
import sys
import wave

sys.dont_write_bytecode = True
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "dev", "structscope",
                   "samples")
sys.path.insert(0, OUT)
import proto_peer  # noqa: E402  (ships beside proto.h)


def path(name):
    return os.path.join(OUT, name)


def checksum(data):
    """The Internet checksum (RFC 1071)."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ethernet_frame(rng, i):
    src, dst = bytes([10, 0, 0, 1 + i % 3]), bytes([10, 0, 1, 7])
    payload = bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 7, 18, 33, 64, 101, 256, 555, 1000])))
    if i % 3 == 2:  # TCP with the PSH+ACK flags
        proto = 6
        seg = struct.pack("!HHIIBBHHH", 40000 + i, 34567, 1000 * i, 77, 5 << 4, 0x18, 65535, 0, 0) + payload
    else:
        proto = 17
        seg = struct.pack("!HHHH", 40000 + i, 34567, 8 + len(payload), 0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, proto, len(seg))
    csum = checksum(pseudo + seg)
    at = 16 if proto == 6 else 6
    seg = seg[:at] + struct.pack("!H", csum) + seg[at + 2:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), 0x1000 + i, 0x4000, 64, proto, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    eth = bytes([0x02, 0, 0, 0, 0, 0x07]) + bytes([0x02, 0, 0, 0, 0, 1 + i % 3]) + struct.pack("!H", 0x0800)
    return eth + ip + seg


def write_pcap():
    rng = random.Random(13)
    with open(path("packets.pcap"), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        t_us = 1764806400_000_000  # 2025-12-04 00:00:00 UTC
        for i in range(12):
            frame = ethernet_frame(rng, i)
            t_us += rng.randrange(1, 900_000)
            f.write(struct.pack("<IIII", t_us // 1_000_000, t_us % 1_000_000, len(frame), len(frame)))
            f.write(frame)


def riff_chunk(cid, body):
    return cid + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def write_wav():
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(11025)
        w.writeframes(bytes(128 + int(100 * math.sin(2 * math.pi * 440 * i / 11025)) for i in range(101)))
    raw = buf.getvalue()
    # wave writes RIFF header (12) + "fmt " chunk (8 + 16) + "data" chunk: insert before "data".
    # It leaves out the pad byte RIFF wants after a chunk of odd size (101 bytes here): add it.
    assert raw[36:40] == b"data"
    raw += b"\0" * (len(raw) % 2)
    info = riff_chunk(b"INAM", b"StructScope tone\0") + riff_chunk(b"ISFT", b"Python wave\0")
    extra = riff_chunk(b"JUNK", b"skipped") + riff_chunk(b"LIST", b"INFO" + info)
    body = raw[8:36] + extra + raw[36:]
    with open(path("chunks.wav"), "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)


def pcapng_block(kind, body):
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", kind, 12 + len(body)) + body + struct.pack("<I", 12 + len(body))


def pcapng_option(code, value):
    return struct.pack("<HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def write_proto():
    msgs = proto_peer.messages(2026, 40)
    with open(path("proto.bin"), "wb") as f:
        f.write(b"".join(raw for raw, _ in msgs))
    # The shape of io-engine's PcapngWriter, so that `capture --replay` and tshark read it.
    out = pcapng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    out += pcapng_block(1, struct.pack("<HHI", 147, 0, 0) + pcapng_option(2, b"structscope")
                        + pcapng_option(9, b"\x09") + pcapng_option(0, b""))
    t = 1764806400_000_000_000
    for raw, value in msgs:
        t += 250_000 + 1000 * value["seq"]
        comment = ("peer=127.0.0.1:40001 seq=%d" % value["seq"]).encode()
        epb = struct.pack("<IIIII", 0, t >> 32, t & 0xFFFFFFFF, len(raw), len(raw)) + raw + b"\0" * (-len(raw) % 4)
        out += pcapng_block(6, epb + pcapng_option(1, comment) + pcapng_option(0, b""))
    with open(path("proto.pcapng"), "wb") as f:
        f.write(out)


write_pcap()
write_wav()
write_proto()
print("wrote dynamic samples to", os.path.normpath(OUT))
