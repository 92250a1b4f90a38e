"""A peer for the message protocol of proto.h: makes a deterministic mix of messages (every type,
unknown types, bodies with bytes after their content) and writes them to a file or streams them
over TCP cut at random places, so that a reader must reassemble them across fragments.

    python3 proto_peer.py expect SEED N                   # the messages as JSON, one per line
    python3 proto_peer.py stream SEED N FILE              # the raw stream, back to back
    python3 proto_peer.py listen PORT SEED N EXPECT_FILE  # prints the port, serves one client
    python3 proto_peer.py connect PORT SEED N EXPECT_FILE # connects to 127.0.0.1:PORT

Each JSON line is the message as `structscope decode proto.h --type Msg` prints it: header
members, then "body" = {alternative: members} or null for an unknown type. In the socket modes
the JSON goes to EXPECT_FILE (written before the first byte is sent), and the last line on
stdout is "SENT <messages> <bytes> <fragments>". Standard library only.
"""
import json
import random
import socket
import struct
import sys
import time

MAGIC = 0x5353
HEADER = struct.Struct("<HBBII")  # magic, type, flags, length, seq: 12 bytes
KNOWN = [1, 2, 3, 4, 5, 6]
UNKNOWN = [0, 7, 9, 200, 255]
NAMES = ["alice", "bob", "feed-7", "gateway", "x", "risk-engine"]
TEXT_CHARS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-_'\"\\/()"


def body(rng, kind):
    """Returns (bytes, expected body value) for a message type."""
    if kind == 1:
        name = rng.choice(NAMES)
        version, client = rng.randrange(1 << 16), rng.randrange(1 << 32)
        return (struct.pack("<HI12s", version, client, name.encode("ascii")),
                {"hello": {"version": version, "client_id": client, "name": name}})
    if kind in (2, 6):
        ts, instrument = rng.randrange(1 << 63), rng.randrange(1 << 32)
        price, qty, side = round(rng.uniform(0.01, 5000), 2), rng.randrange(1 << 32), rng.choice([1, 2])
        return (struct.pack("<QIdIB", ts, instrument, price, qty, side),
                {"trade": {"ts_ns": ts, "instrument": instrument, "price": price, "qty": qty, "side": side}})
    if kind == 3:
        instrument = rng.randrange(1 << 32)
        bids = [(rng.randrange(-(1 << 63), 1 << 63), rng.randrange(1 << 32)) for _ in range(rng.randrange(6))]
        asks = [(rng.randrange(-(1 << 63), 1 << 63), rng.randrange(1 << 32)) for _ in range(rng.randrange(6))]
        raw = struct.pack("<IBB", instrument, len(bids), len(asks))
        raw += b"".join(struct.pack("<qI", p, q) for p, q in bids + asks)
        levels = lambda side: [{"price_e4": p, "qty": q} for p, q in side]
        return raw, {"quote": {"instrument": instrument, "nbids": len(bids), "nasks": len(asks),
                               "bids": levels(bids), "asks": levels(asks)}}
    if kind == 4:
        text = "".join(rng.choice(TEXT_CHARS) for _ in range(rng.choice([0, 1, 5, 17, 80, 300])))
        return struct.pack("<H", len(text)) + text.encode("ascii"), {"text": {"len": len(text), "text": text}}
    if kind == 5:
        ts = rng.randrange(1 << 64)
        return struct.pack("<Q", ts), {"heartbeat": {"ts_ns": ts}}
    return bytes(rng.randrange(256) for _ in range(rng.randrange(41))), None


def messages(seed, n):
    """n messages as (bytes, expected JSON object); the first ones cover every type once."""
    rng = random.Random(seed)
    out = []
    for seq in range(n):
        kind = (KNOWN + UNKNOWN[:2])[seq] if seq < 8 else rng.choice(KNOWN * 3 + UNKNOWN)
        raw, value = body(rng, kind)
        if value is not None and rng.random() < 0.3:
            raw += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4)))  # skipped by the size window
        flags = rng.randrange(256)
        length = HEADER.size + len(raw)
        out.append((HEADER.pack(MAGIC, kind, flags, length, seq) + raw,
                    {"magic": MAGIC, "type": kind, "flags": flags, "length": length, "seq": seq, "body": value}))
    return out


def write_expected(msgs, path):
    with open(path, "w") as f:
        for _, value in msgs:
            f.write(json.dumps(value) + "\n")


def send_fragmented(sock, data, seed):
    """Sends data cut at random places, pausing now and then so that the pieces arrive apart."""
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rng = random.Random(seed ^ 0x5EED)
    pos = pieces = 0
    while pos < len(data):
        step = rng.choice([1, 2, 3, 5, 7, 11, 12, 13, 20, 40, 100])
        sock.sendall(data[pos:pos + step])
        pos += step
        pieces += 1
        if rng.random() < 0.3:
            time.sleep(0.001)
    return pieces


def main(argv):
    mode = argv[1]
    if mode == "expect":
        for _, value in messages(int(argv[2]), int(argv[3])):
            print(json.dumps(value))
        return
    if mode == "stream":
        with open(argv[4], "wb") as f:
            f.write(b"".join(raw for raw, _ in messages(int(argv[2]), int(argv[3]))))
        return
    port, seed, n, expect = int(argv[2]), int(argv[3]), int(argv[4]), argv[5]
    msgs = messages(seed, n)
    write_expected(msgs, expect)
    data = b"".join(raw for raw, _ in msgs)
    if mode == "listen":
        server = socket.create_server(("127.0.0.1", port))
        print(server.getsockname()[1], flush=True)
        sock, _ = server.accept()
        server.close()
    elif mode == "connect":
        sock = socket.create_connection(("127.0.0.1", port))
    else:
        raise SystemExit("unknown mode " + mode)
    with sock:
        pieces = send_fragmented(sock, data, seed)
        sock.shutdown(socket.SHUT_WR)
    print("SENT", len(msgs), len(data), pieces, flush=True)


if __name__ == "__main__":
    main(sys.argv)
