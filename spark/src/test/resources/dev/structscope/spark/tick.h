/* Fixed-size records: every column kind the data source maps (SparkReadTest). */
enum Side { BUY = 1, SELL = 2, HOLD = 7 };

struct Point {
    int16_t x;
    int16_t y;
};

struct Tick {
    uint64_t id;
    int32_t qty;
    double price;
    enum Side side;
    struct Point pos;
    float samples[3];
    char sym[6];
    uint8_t flags;
    int8_t delta;
    uint16_t u16;
    uint32_t u32;
    int64_t big;
    _Bool ok;
};

/* Dynamic records: a counted array. */
struct Msg {
    uint16_t n;
    int32_t vals[n];
};

/* Dynamic records: a tagged union, whose unknown tag is bad data. */
union Body {
    [[structscope::when(1)]] int32_t a;
    [[structscope::when(2)]] float b;
};

struct Pkt {
    uint8_t kind;
    uint8_t pad[3];
    [[structscope::switch(kind)]] union Body body;
};
