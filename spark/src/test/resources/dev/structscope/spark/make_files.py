# Writes the data files of SparkReadTest with numpy and prints what numpy sees in them, one
# "kind name value" line per figure (i: exact integer, f: exact float, t: float sum, s: text,
# n: a count the test checks against Spark's plan). Usage: make_files.py DIR
import os, sys
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(20261205)
tick = np.dtype([('id', '<u8'), ('qty', '<i4'), ('price', '<f8'), ('side', '<i4'),
                 ('pos', [('x', '<i2'), ('y', '<i2')]), ('samples', '<f4', (3,)), ('sym', 'S6'),
                 ('flags', 'u1'), ('delta', 'i1'), ('u16', '<u2'), ('u32', '<u4'), ('big', '<i8'), ('ok', '?')],
                align=True)
print('n tick_size', tick.itemsize)

def ticks(n):
    a = np.zeros(n, dtype=tick)
    a['id'] = rng.integers(0, 2**64, size=n, dtype=np.uint64)
    a['qty'] = rng.integers(-2**31, 2**31, size=n, dtype=np.int32)
    a['price'] = rng.normal(100.0, 25.0, size=n)
    a['side'] = rng.choice(np.array([1, 2, 7, 5], dtype=np.int32), size=n)
    a['pos']['x'] = rng.integers(-2**15, 2**15, size=n, dtype=np.int16)
    a['pos']['y'] = rng.integers(-2**15, 2**15, size=n, dtype=np.int16)
    a['samples'] = rng.normal(0.0, 1000.0, size=(n, 3)).astype(np.float32)
    letters = np.frombuffer(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ', dtype='S1')
    a['sym'] = [b''.join(rng.choice(letters, size=rng.integers(1, 7))) for _ in range(n)]
    a['flags'] = rng.integers(0, 256, size=n, dtype=np.uint8)
    a['delta'] = rng.integers(-128, 128, size=n, dtype=np.int8)
    a['u16'] = rng.integers(0, 2**16, size=n, dtype=np.uint16)
    a['u32'] = rng.integers(0, 2**32, size=n, dtype=np.uint32)
    a['big'] = rng.integers(-2**63, 2**63, size=n, dtype=np.int64)
    a['ok'] = rng.integers(0, 2, size=n).astype(bool)
    return a

# Several files; the second ends in a partial record, which is not read.
os.makedirs(os.path.join(out, 'fixed'))
parts = []
for i, n in enumerate([997, 1500, 33]):
    a = ticks(n)
    data = a.tobytes() + (b'\x99' * 17 if i == 1 else b'')
    with open(os.path.join(out, 'fixed', 'part-%d.bin' % i), 'wb') as f:
        f.write(data)
    # numpy's view of the file: its whole records only.
    parts.append(np.frombuffer(data[:len(data) // tick.itemsize * tick.itemsize], dtype=tick))
    print('n records_%d' % i, len(parts[-1]))
t = np.concatenate(parts)

def ints(name, col):
    vals = [int(v) for v in col]
    print('i %s_sum %d' % (name, sum(vals)))
    print('i %s_min %d' % (name, min(vals)))
    print('i %s_max %d' % (name, max(vals)))

print('i count', len(t))
for c in ['id', 'qty', 'flags', 'delta', 'u16', 'u32', 'big']:
    ints(c, t[c])
ints('pos_x', t['pos']['x'])
ints('pos_y', t['pos']['y'])
print('t price_sum %r' % float(t['price'].sum()))
print('f price_min %r' % float(t['price'].min()))
print('f price_max %r' % float(t['price'].max()))
print('t samples_sum %r' % float(t['samples'].astype(np.float64).sum()))
print('f samples2_max %r' % float(t['samples'][:, 2].max()))
print('f samples0_min %r' % float(t['samples'][:, 0].min()))
print('i samples_len %d' % (3 * len(t)))
names = {1: 'BUY', 2: 'SELL', 7: 'HOLD'}
for v in [1, 2, 7, 5]:
    print('i side_%s %d' % (names.get(v, str(v)), int((t['side'] == v).sum())))
syms = [s.decode('latin-1') for s in t['sym']]
print('s sym_min %s' % min(syms))
print('s sym_max %s' % max(syms))
print('i sym_len %d' % sum(len(s) for s in syms))
print('i ok_true %d' % int(t['ok'].sum()))

# The same records after a 24-byte file header, read with offset 24.
os.makedirs(os.path.join(out, 'offset'))
a = ticks(300)
with open(os.path.join(out, 'offset', 'with-header.bin'), 'wb') as f:
    f.write(b'HDR' * 8 + a.tobytes())
print('i offset_count', len(a))
print('i offset_qty_sum', sum(int(v) for v in a['qty']))

# Dynamic records: struct Msg { uint16_t n; int32_t vals[n]; }, each 4 + 4n bytes.
os.makedirs(os.path.join(out, 'dynamic'))
blob = bytearray()
total_n = 0
vals_all = []
for _ in range(3000):
    n = int(rng.integers(0, 6))
    vals = rng.integers(-2**31, 2**31, size=n, dtype=np.int32)
    blob += np.array([n], dtype='<u2').tobytes() + b'\0\0' + vals.astype('<i4').tobytes()
    total_n += n
    vals_all += [int(v) for v in vals]
with open(os.path.join(out, 'dynamic', 'msgs.bin'), 'wb') as f:
    f.write(bytes(blob))
print('i msg_count 3000')
print('i msg_n_sum', total_n)
print('i msg_vals_sum', sum(vals_all))
print('i msg_vals_max', max(vals_all))
print('n msg_bytes', len(blob))

# A bad dynamic record: struct Pkt, whose third record has a kind no alternative names.
os.makedirs(os.path.join(out, 'bad'))
pkt = np.dtype([('kind', 'u1'), ('pad', 'u1', (3,)), ('a', '<i4')])
p = np.zeros(4, dtype=pkt)
p['kind'] = [1, 2, 9, 1]
with open(os.path.join(out, 'bad', 'pkts.bin'), 'wb') as f:
    f.write(p.tobytes())
print('n bad_record 2')
print('n bad_offset', 2 * pkt.itemsize)
