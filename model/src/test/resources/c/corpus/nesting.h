/* Nested, anonymous and hoisted records, arrays, pointers, flexible arrays, typedef chains. */
#include <stdint.h>
#include <stddef.h>

typedef struct node node_t;
struct node {
    node_t *next;
    struct node *prev;
    union {
        struct { uint16_t lo, hi; };
        uint32_t word;
        struct { uint8_t b0; uint8_t b1 : 4; uint8_t b2 : 4; } bytes;
    };
    struct point { int16_t x, y; } where[2][3];
    void *(*callback)(void *, size_t);
    char name[16];
};

struct holder {
    struct point p;
    struct point *pp;
    struct { long double ld; char c; } anon_named;
    int matrix[3][4][5];
    struct node n;
    size_t count;
    ptrdiff_t diff;
    intptr_t ip;
    uintptr_t up;
    wchar_t w;
    uint8_t flex[];
};

typedef struct holder holder_t;
typedef holder_t holder2_t;

struct with_typedef_members {
    holder2_t *h;
    int_least8_t l8;
    int_fast64_t f64;
    intmax_t im;
    uintmax_t um;
    long double tail;
};

union big_union {
    char c[13];
    double d;
    struct node n;
    long long ll;
};

struct deep { struct { struct { struct { int x; char y; } a; } b; union { short s; char c[3]; }; } c; };
