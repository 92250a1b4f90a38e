/* Every feature the decoder handles, as gcc lays it out. Used by GccRoundTripTest. */
#include <stdint.h>
#include <stdbool.h>

enum Color { RED, GREEN = 5, BLUE = -3 };

struct Inner {
    int16_t a;
    uint8_t b[3];
    double d;
};

union U {
    uint32_t u;
    float f;
    uint8_t bytes[4];
};

struct Everything {
    int8_t i8;
    uint8_t u8;
    int16_t i16;
    uint16_t u16;
    int32_t i32;
    uint32_t u32;
    int64_t i64;
    uint64_t u64;
    char c;
    signed char sc;
    unsigned char uc;
    long l;
    unsigned long ul;
    long long ll;
    unsigned long long ull;
    float f;
    double d;
    long double ld;
    bool b;
    void *p;
    enum Color color;
    char name[12];
    int16_t grid[2][3];
    struct Inner inner;
    struct Inner inners[2];
    union U u;
    struct {
        int32_t ax;
        uint16_t ay;
    };
    unsigned int bf1 : 3;
    signed int bf2 : 5;
    unsigned int : 0;
    int bf3 : 7;
    unsigned long long bf4 : 40;
    int bf5 : 1;
    enum Color bfe : 4;
    bool bb : 1;
};

struct __attribute__((packed)) Packed {
    char tag;
    uint32_t v;
    int16_t w;
    double d;
    uint64_t big : 60;
    int8_t small : 4;
};
