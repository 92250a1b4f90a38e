/* Constant expressions in array sizes, bit widths and enum values. */
#include <stdint.h>
#include <limits.h>

#define COUNT 3
#define DOUBLE(x) ((x) * 2)
#define MASK (0xF0u | 0x0Fu)
#define BIG (1ULL << 40)

enum sizes { S_ONE = 1, S_TWO, S_FOUR = S_TWO * 2, S_CHAR = 'A' - 64, S_NEG = -3, S_FROM_DEF = COUNT + 1 };

struct base { char c; double d; };

struct exprs {
    char a[COUNT];
    char b[DOUBLE(COUNT) + 1];
    char c[sizeof(struct base)];
    char d[_Alignof(struct base)];
    char e[sizeof(long) * 2];
    char f[S_FOUR];
    char g[MASK >> 6];
    char h[(BIG >> 38) % 5];
    char i[sizeof(int[3][2]) / sizeof(int)];
    char j[COUNT > 2 ? 5 : 7];
    char k[(-1 < 0u) + 1];
    char l[(int)(unsigned char)0x1ff];
    char m[sizeof(void *) == 8 ? 2 : 3];
    char n[__alignof__(long long)];
    char o[(S_NEG + 10) & 7];
    char p['\x03'];
    char q[!0 + !!5 + (3 && 0) + (0 || 2)];
    char r[sizeof(uint16_t) << 1];
    char s[INT_MAX / 1000000000];
    char t[(unsigned)-1 / 0x40000000u];
    char u[__builtin_offsetof(struct base, d)];
    int bits : COUNT * 5;
    unsigned wide : sizeof(short) * 8 - 1;
};
