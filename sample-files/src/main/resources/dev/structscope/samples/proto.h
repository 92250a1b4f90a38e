/* A small binary market-data protocol: every message is a 12-byte header (magic, type, flags,
 * total length, sequence number) and a body chosen by type, as long as the header says. Bodies
 * of unknown types are skipped by their length and shown as null. There is no outer framing:
 * a TCP stream is these messages back to back (capture --framing record).
 * proto.bin is such a stream, proto.pcapng the same messages recorded one per packet block
 * (capture --replay), and proto_peer.py is a Python peer that sends them over TCP with random
 * fragmentation. Little-endian. Decode: --type Msg --all. */
#include <stdint.h>

#define MSG_MAGIC 0x5353  /* "SS" */

enum MsgType {
    MSG_HELLO = 1,
    MSG_TRADE = 2,
    MSG_QUOTE = 3,
    MSG_TEXT = 4,
    MSG_HEARTBEAT = 5,
    MSG_TRADE_CORRECTION = 6  /* same body as a trade */
};

/* Packed: the wire has no padding. */
#pragma pack(push, 1)

typedef struct {
    uint16_t version;
    uint32_t client_id;
    char name[12];            /* NUL-padded */
} Hello;

typedef struct {
    uint64_t ts_ns;
    uint32_t instrument;
    double price;
    uint32_t qty;
    uint8_t side;             /* 1 buy, 2 sell */
} Trade;

typedef struct {
    int64_t price_e4;         /* price * 10^4 */
    uint32_t qty;
} Level;

typedef struct {
    uint32_t instrument;
    uint8_t nbids;
    uint8_t nasks;
    Level bids[nbids];
    Level asks[nasks];
} Quote;

typedef struct {
    uint16_t len;
    char text[len];
} Text;

typedef struct {
    uint64_t ts_ns;
} Heartbeat;

typedef union {
    [[structscope::when(MSG_HELLO)]] Hello hello;
    [[structscope::when(MSG_TRADE, MSG_TRADE_CORRECTION)]] Trade trade;
    [[structscope::when(MSG_QUOTE)]] Quote quote;
    [[structscope::when(MSG_TEXT)]] Text text;
    [[structscope::when(MSG_HEARTBEAT)]] Heartbeat heartbeat;
} Body;

typedef struct {
    uint16_t magic;           /* MSG_MAGIC */
    uint8_t type;             /* enum MsgType */
    uint8_t flags;
    uint32_t length;          /* the whole message, these 12 header bytes included */
    uint32_t seq;
    [[structscope::switch(type), structscope::size(length - 12)]] Body body;
} Msg;

#pragma pack(pop)
