"""Writes the sample files of src/main/resources/dev/structscope/samples/ with Python's own
writers (ctypes f.write, the wave module) so that each file is real outside data for its header.
Rerun: python3 sample-files/scripts/make_samples.py  (deterministic; the ELF sample comes from
make_elf.sh). Standard library only."""
import ctypes as C
import math
import os
import random
import struct
import wave

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "dev", "structscope", "samples")


def path(name):
    return os.path.join(OUT, name)


# 1. The classic ctypes example: class POINT(Structure) with two ints, written with f.write(p).
class POINT(C.Structure):
    _fields_ = [("x", C.c_int), ("y", C.c_int)]


with open(path("point.bin"), "wb") as f:
    for x, y in [(10, 20), (-3, 7), (2147483647, -2147483648)]:
        f.write(POINT(x, y))


# 2. A 4x2 24-bit BMP: packed BITMAPFILEHEADER (14 bytes) + BITMAPINFOHEADER (40) + pixel rows.
class BITMAPFILEHEADER(C.LittleEndianStructure):
    _pack_ = 1
    _fields_ = [("bfType", C.c_uint16), ("bfSize", C.c_uint32), ("bfReserved1", C.c_uint16),
                ("bfReserved2", C.c_uint16), ("bfOffBits", C.c_uint32)]


class BITMAPINFOHEADER(C.LittleEndianStructure):
    _pack_ = 1
    _fields_ = [("biSize", C.c_uint32), ("biWidth", C.c_int32), ("biHeight", C.c_int32), ("biPlanes", C.c_uint16),
                ("biBitCount", C.c_uint16), ("biCompression", C.c_uint32), ("biSizeImage", C.c_uint32),
                ("biXPelsPerMeter", C.c_int32), ("biYPelsPerMeter", C.c_int32), ("biClrUsed", C.c_uint32),
                ("biClrImportant", C.c_uint32)]


w, h = 4, 2
row = (w * 3 + 3) & ~3
pixels = b"".join(bytes([(x * 60) % 256, (y * 120) % 256, 200]) * 1 for y in range(h) for x in range(w))
rows = b"".join(pixels[y * w * 3:(y + 1) * w * 3] + b"\0" * (row - w * 3) for y in range(h))
with open(path("image.bmp"), "wb") as f:
    fh = BITMAPFILEHEADER(0x4D42, 14 + 40 + len(rows), 0, 0, 14 + 40)
    ih = BITMAPINFOHEADER(40, w, h, 1, 24, 0, len(rows), 2835, 2835, 0, 0)
    f.write(fh)
    f.write(ih)
    f.write(rows)

# 3. A WAV file written by the wave module: 0.01 s of a 440 Hz tone, 16-bit mono 8 kHz.
with wave.open(path("tone.wav"), "wb") as wv:
    wv.setnchannels(1)
    wv.setsampwidth(2)
    wv.setframerate(8000)
    wv.writeframes(b"".join(struct.pack("<h", int(12000 * math.sin(2 * math.pi * 440 * i / 8000))) for i in range(80)))


# 4. A pcap capture: global header, then 3 records (16-byte record header + a tiny Ethernet frame).
class pcap_hdr(C.LittleEndianStructure):
    _fields_ = [("magic_number", C.c_uint32), ("version_major", C.c_uint16), ("version_minor", C.c_uint16),
                ("thiszone", C.c_int32), ("sigfigs", C.c_uint32), ("snaplen", C.c_uint32), ("network", C.c_uint32)]


class pcaprec_hdr(C.LittleEndianStructure):
    _fields_ = [("ts_sec", C.c_uint32), ("ts_usec", C.c_uint32), ("incl_len", C.c_uint32), ("orig_len", C.c_uint32)]


with open(path("capture.pcap"), "wb") as f:
    f.write(pcap_hdr(0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for i in range(3):
        frame = bytes(range(i, i + 20))  # 20 bytes each, so record headers sit at 24, 60, 96
        f.write(pcaprec_hdr(1700000000 + i, 1000 * i, len(frame), len(frame)))
        f.write(frame)


# 5. A market-data tick log: 5000 records of struct Tick (ticks.h), x86-64 layout, 40 bytes each.
class Tick(C.Structure):
    _fields_ = [("ts", C.c_uint64), ("id", C.c_int32), ("price", C.c_float), ("qty", C.c_double),
                ("flags", C.c_int16), ("side", C.c_int32), ("venue", C.c_char * 6)]


rng = random.Random(2024)
price = {i: rng.uniform(10, 500) for i in range(1, 21)}
with open(path("ticks.bin"), "wb") as f:
    ts = 1_700_000_000_000_000_000
    for n in range(5000):
        ts += rng.randint(1_000, 5_000_000)
        sym = rng.randint(1, 20)
        price[sym] *= math.exp(rng.gauss(0, 0.0005))
        f.write(Tick(ts, sym, round(price[sym], 2), round(rng.expovariate(1 / 300), 3), rng.choice([0, 1, 2, 4, 5]),
                     rng.choice([0, 1]), rng.choice([b"XNAS", b"XNYS", b"BATS", b"ARCX"])))


# 6. Big-endian network headers: an IPv4 header then a UDP header, as on the wire. Big-endian
#    bit-fields are allocated from the most significant bit, so version:4 then ihl:4 is exactly
#    the IPv4 first byte (0x45).
class IpUdp(C.BigEndianStructure):
    _fields_ = [("version", C.c_uint8, 4), ("ihl", C.c_uint8, 4), ("tos", C.c_uint8), ("total_length", C.c_uint16),
                ("id", C.c_uint16), ("flags", C.c_uint16, 3), ("fragment_offset", C.c_uint16, 13),
                ("ttl", C.c_uint8), ("protocol", C.c_uint8), ("checksum", C.c_uint16),
                ("src", C.c_uint8 * 4), ("dst", C.c_uint8 * 4),
                ("src_port", C.c_uint16), ("dst_port", C.c_uint16), ("udp_length", C.c_uint16), ("udp_checksum", C.c_uint16)]


with open(path("netheader.bin"), "wb") as f:
    for i in range(3):
        h = IpUdp(4, 5, 0, 28 + 4 * i, 0x1C46 + i, 2, 0, 64, 17, 0xB1E6 - i,
                  (C.c_uint8 * 4)(192, 168, 0, 1 + i), (C.c_uint8 * 4)(10, 0, 0, 7), 5353 + i, 53, 8 + 4 * i, 0)
        f.write(h)
print("wrote samples to", os.path.normpath(OUT))
