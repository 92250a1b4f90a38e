"""Writes records with Python ctypes (f.write(p)), little-endian and big-endian copies of the
same values, and prints the JSON that decoding them must give. Used by CtypesRoundTripTest.

Usage: python3 ctypes_records.py OUT_LE OUT_BE COUNT
The C equivalent of Rec is in CtypesRoundTripTest (built as a type library there).
"""
import ctypes as C
import json
import math
import random
import sys


def make(base, ubase):
    class Inner(base):
        _fields_ = [("a", C.c_int16), ("b", C.c_uint8 * 3), ("d", C.c_double)]

    class U(ubase):
        _fields_ = [("u", C.c_uint32), ("f", C.c_float), ("bytes", C.c_uint8 * 4)]

    class Rec(base):
        _fields_ = [
            ("i8", C.c_int8), ("u8", C.c_uint8), ("i16", C.c_int16), ("u16", C.c_uint16),
            ("i32", C.c_int32), ("u32", C.c_uint32), ("i64", C.c_int64), ("u64", C.c_uint64),
            ("f", C.c_float), ("d", C.c_double), ("b", C.c_uint8),  # c_bool has no big-endian form
            ("name", C.c_char * 10), ("grid", (C.c_int16 * 3) * 2),
            ("inner", Inner), ("inners", Inner * 2),
            ("bf1", C.c_uint32, 3), ("bf2", C.c_int32, 5), ("bf3", C.c_uint32, 20), ("bf4", C.c_int32, 4),
            # ctypes 3.11 does not lay out a bit-field run that starts inside a unit of another
            # type the way GCC does; each run here starts on a fresh unit of its own type.
            ("mid", C.c_uint32),
            ("q1", C.c_uint64, 33), ("q2", C.c_int64, 31),
            ("h1", C.c_uint16, 9), ("h2", C.c_int16, 7),
            ("tail", C.c_uint8),
        ]

    class Packed(base):
        _pack_ = 1
        _fields_ = [("tag", C.c_uint8), ("v", C.c_uint32), ("w", C.c_int16), ("d", C.c_double)]

    return Rec, Packed, U


def num(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def as_json(obj):
    out = {}
    for name, *_ in obj._fields_:
        v = getattr(obj, name)
        if isinstance(v, bytes):
            out[name] = v.decode("latin-1")
        elif isinstance(v, float):
            out[name] = num(v)
        elif hasattr(v, "_fields_"):
            out[name] = as_json(v)
        elif isinstance(v, C.Array):
            out[name] = [as_json(e) if hasattr(e, "_fields_") else list(e) if isinstance(e, C.Array) else e for e in v]
        else:
            out[name] = v
    return out


def fill(r, rng, i):
    r.i8, r.u8 = rng.randint(-128, 127), rng.randint(0, 255)
    r.i16, r.u16 = rng.randint(-2**15, 2**15 - 1), rng.randint(0, 2**16 - 1)
    r.i32, r.u32 = rng.randint(-2**31, 2**31 - 1), rng.randint(0, 2**32 - 1)
    r.i64, r.u64 = rng.randint(-2**63, 2**63 - 1), rng.randint(0, 2**64 - 1)
    r.f = [float("nan"), float("inf"), -float("inf"), 1e-45][i] if i < 4 else rng.uniform(-1e6, 1e6)
    r.d = [float("-inf"), float("nan"), 5e-324, -0.0][i] if i < 4 else rng.uniform(-1e300, 1e300)
    r.b = rng.randint(0, 1)
    r.name = bytes(rng.choice(b"abcxyz\xe9 ,\"") for _ in range(rng.randint(0, 10)))
    for a in range(2):
        for b in range(3):
            r.grid[a][b] = rng.randint(-2**15, 2**15 - 1)
    for inner in [r.inner, r.inners[0], r.inners[1]]:
        inner.a = rng.randint(-2**15, 2**15 - 1)
        for k in range(3):
            inner.b[k] = rng.randint(0, 255)
        inner.d = rng.uniform(-1e9, 1e9)
    r.bf1, r.bf2 = rng.randint(0, 7), rng.randint(-16, 15)
    r.bf3, r.bf4 = rng.randint(0, 2**20 - 1), rng.randint(-8, 7)
    r.h1, r.h2 = rng.randint(0, 511), rng.randint(-64, 63)
    r.mid = rng.randint(0, 2**32 - 1)
    r.q1, r.q2 = rng.randint(0, 2**33 - 1), rng.randint(-2**30, 2**30 - 1)
    r.tail = rng.randint(0, 255)


def main():
    out_le, out_be, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    expected = {}
    for path, (base, ubase), key in [(out_le, (C.LittleEndianStructure, C.LittleEndianUnion), "le"),
                                     (out_be, (C.BigEndianStructure, C.BigEndianUnion), "be")]:
        Rec, Packed, U = make(base, ubase)
        rng = random.Random(42)  # the same values in both byte orders
        recs, packs = [], []
        with open(path, "wb") as f:
            for i in range(count):
                r = Rec()
                fill(r, rng, i)
                f.write(r)
                recs.append(as_json(r))
            for i in range(count):
                p = Packed(rng.randint(0, 255), rng.randint(0, 2**32 - 1), rng.randint(-2**15, 2**15 - 1),
                           rng.uniform(-1, 1))
                f.write(p)
                packs.append(as_json(p))
            unions = []
            for i in range(count):
                # A union cannot be a member of a big-endian structure in ctypes 3.11: records of it alone.
                u = U()
                u.u = [0x7FC00000, 0xFF800000][i] if i < 2 else rng.randint(0, 2**32 - 1)
                f.write(u)
                unions.append(as_json(u))
        expected[key] = {"rec": recs, "packed": packs, "union": unions,
                         "sizes": [C.sizeof(Rec), C.sizeof(Packed), C.sizeof(U)]}
    print(json.dumps(expected))


main()
