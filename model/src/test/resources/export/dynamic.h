/* Every dynamic-layout feature of the contract in one header, for the exporters' tests. */
#include <stdint.h>

enum Kind { K_INT = 1, K_NAME = 2, K_BYTES = 3 };

#pragma pack(push, 1)
/* A counted array that ends its struct, counted by a member: C's counted_by. */
typedef struct {
    uint16_t len;
    char text[len];
} Text;
#pragma pack(pop)

struct Item {
    uint8_t n;
    uint8_t flags;
    uint16_t vals[n && !(flags & 1) ? n : 0];  /* counted, in the middle, by an expression */
    uint32_t after;                            /* aligned after a dynamic member */
    [[structscope::size(3)]] uint16_t w;       /* sized */
    enum Kind kind;
    [[structscope::switch(kind), structscope::size(8)]] union {
        [[structscope::when(K_INT)]] int32_t i;
        [[structscope::when(K_NAME)]] char name[8];
        [[structscope::when(K_BYTES)]] uint8_t bytes[n];  /* counted by a member of the enclosing record */
        uint64_t other;                                   /* the default */
    } v;
};

struct File {
    uint32_t count;
    uint32_t table_at;
    [[structscope::at(table_at)]] uint32_t table[count];  /* placed */
    struct Item items[count];                            /* counted, of dynamic elements */
    Text texts[];                                        /* to the end */
};
