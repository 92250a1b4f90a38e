/* The C that examples/sensor.json describes, for comparing with a compiler. */
#include <stdint.h>

#define MAX_SAMPLES 16

enum Side : uint8_t {
    SIDE_LEFT = 0,
    SIDE_RIGHT = 1,
};

typedef enum Side Side_t;

#pragma pack(push, 1)
struct Hdr {
    char magic[4];
    uint8_t version : 4;
    uint8_t flags : 4;
    uint8_t : 0;
    Side_t side;
    uint16_t count;
};
#pragma pack(pop)

struct __attribute__((aligned(8))) Frame {
    struct Hdr hdr;
    _Alignas(8) uint64_t timestamp;
    union {
        uint32_t raw;
        float celsius;
    };
    int16_t matrix[2][3];
    struct Frame *next;
    uint16_t samples[];
};
