"""A Python multiprocessing.connection peer for StructScope's tests.

usage: mp_peer.py listen|client PORT AUTHKEY FORM COUNT
  listen: Listener on 127.0.0.1:0, prints the port, accepts one Client, sends COUNT ctypes Points
          with send_bytes, then receives one message back and prints it as hex
  client: Client to 127.0.0.1:PORT, sends COUNT ctypes Points, closes
PORT "unix:PATH" uses a Unix domain socket (family AF_UNIX) at PATH instead; "unix:" alone lets a
Listener pick multiprocessing's default address (a fresh path under the temp directory), printed
in place of the port.
FORM: "md5" keeps this Python's own handshake (the older HMAC-MD5 form of Python <= 3.11);
      "sha256" installs the newer "{sha256}" handshake of Python 3.12+, written here so the test
      covers it whatever Python is installed.
"""
import ctypes
import hmac
import os
import sys
import multiprocessing.connection as mpc


class Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32), ("z", ctypes.c_double)]


def _digest_and_payload(m):
    if m.startswith(b"{") and b"}" in m[:20]:
        end = m.index(b"}")
        return m[1:end].decode("ascii"), m[end + 1:]
    return "", m


def deliver_challenge(connection, authkey, digest_name="sha256"):
    message = b"{%s}%s" % (digest_name.encode("ascii"), os.urandom(40))
    connection.send_bytes(mpc.CHALLENGE + message)
    response = connection.recv_bytes(256)
    name, mac = _digest_and_payload(response)
    expected = hmac.new(authkey, message, name or "md5").digest()
    if len(expected) == len(mac) and hmac.compare_digest(expected, mac):
        connection.send_bytes(mpc.WELCOME)
    else:
        connection.send_bytes(mpc.FAILURE)
        raise mpc.AuthenticationError("digest received was wrong")


def answer_challenge(connection, authkey):
    message = connection.recv_bytes(256)
    assert message[:len(mpc.CHALLENGE)] == mpc.CHALLENGE
    message = message[len(mpc.CHALLENGE):]
    name, _ = _digest_and_payload(message)
    if name:
        response = b"{%s}%s" % (name.encode("ascii"), hmac.new(authkey, message, name).digest())
    else:
        response = hmac.new(authkey, message, "md5").digest()
    connection.send_bytes(response)
    if connection.recv_bytes(256) != mpc.WELCOME:
        raise mpc.AuthenticationError("digest sent was rejected")


def main():
    role, where, key, form, count = sys.argv[1], sys.argv[2], sys.argv[3].encode(), sys.argv[4], int(sys.argv[5])
    unix = where.startswith("unix:")
    path = where[len("unix:"):] if unix else None
    if form == "sha256":
        mpc.deliver_challenge = deliver_challenge
        mpc.answer_challenge = answer_challenge
    if role == "listen":
        if unix:
            listener = mpc.Listener(path or None, family="AF_UNIX", authkey=key)
        else:
            listener = mpc.Listener(("127.0.0.1", 0), authkey=key)
        with listener:
            print(listener.address if unix else listener.address[1], flush=True)
            try:
                conn = listener.accept()
            except mpc.AuthenticationError as e:
                print("AUTHFAIL", e, flush=True)
                return
            for i in range(count):
                conn.send_bytes(Point(i, -i, i * 1.5))
            try:
                got = conn.recv_bytes()
                print("GOT", got.hex(), flush=True)
            except EOFError:
                print("EOF", flush=True)
            conn.close()
    else:
        try:
            if unix:
                conn = mpc.Client(path, family="AF_UNIX", authkey=key)
            else:
                conn = mpc.Client(("127.0.0.1", int(where)), authkey=key)
        except mpc.AuthenticationError as e:
            print("AUTHFAIL", e, flush=True)
            return
        for i in range(count):
            conn.send_bytes(Point(i, -i, i * 1.5))
        conn.close()
        print("SENT", count, flush=True)


if __name__ == "__main__":
    main()
