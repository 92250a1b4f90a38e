/* Bit-fields of every base type and width, named, unnamed and zero-width. */
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

struct bf_mix {
    char a : 3;
    short b : 7;
    int c : 13;
    long long d : 40;
    unsigned char e : 1;
    int : 0;
    unsigned short f : 9;
    int : 4;
    bool g : 1;
    uint64_t h : 63;
    int32_t i : 32;
    char : 0;
    signed char j : 8;
};

struct bf_zero_first {
    int : 0;
    char c;
    long long : 0;
    char d;
};

struct bf_types_change {
    char a : 4;
    short b : 4;
    int c : 4;
    long long d : 4;
    int e : 4;
    char f : 4;
};

struct bf_unnamed_only {
    char c;
    long long : 7;
    char d;
};

union bf_union {
    int a : 3;
    long long b : 33;
    char c;
};

struct bf_packed_member {
    char c;
    int x : 20 __attribute__((packed));
    int y : 20;
};

typedef enum { E_A = 1, E_B = 2, E_C = 300 } small_enum;
struct bf_enum {
    small_enum e : 9;
    unsigned long l : 31;
    wchar_t w : 5;
};
