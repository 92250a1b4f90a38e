/* A market-data tick log: ticks.bin holds 5000 records back to back (40 bytes each on x86-64). */
#include <stdint.h>

enum Side { BUY = 0, SELL = 1 };

struct Tick {
    uint64_t ts;       /* nanoseconds since the epoch */
    int32_t id;        /* instrument */
    float price;
    double qty;
    int16_t flags;     /* 1 = auction, 2 = odd lot, 4 = late */
    enum Side side;
    char venue[6];     /* MIC code, NUL-padded */
};
