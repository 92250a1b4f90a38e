/* ticks.h: a market-data feed as it travels on the wire (StructScope sample). */
#include <stdint.h>

/* Which side of the book. */
enum __attribute__((packed)) Side {
    SIDE_BUY = 1,
    SIDE_SELL = 2,
};
typedef enum Side Side;

/* Every message starts with this header. */
struct Hdr {
    uint16_t magic;   /* 0x5353 */
    uint8_t version;
    uint8_t kind;
    uint32_t length;  /* bytes after the header */
    uint64_t seq;
};

/* A price as fixed point or as a double, depending on the venue. */
union Px {
    int64_t ticks;
    double value;
    uint8_t raw[8];
};

/* One trade. */
struct Tick {
    uint64_t ts;      /* nanoseconds since the epoch */
    int32_t id;
    float price;
    double qty;
    int16_t flags;
    Side side;
};

/* An order as a naive first draft: try "Pack tightly". */
struct Order {
    uint8_t side;
    double price;
    uint16_t qty;
    uint64_t id;
    uint8_t flags;
    uint32_t venue;
    unsigned kind : 3;
    unsigned urgent : 1;
};
