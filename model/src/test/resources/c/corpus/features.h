#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#define N 4
#define M (N * 2 + 1)
#define SHIFT(x) ((x) << 2)
enum color { RED, GREEN = 5, BLUE, LAST = BLUE + N };
typedef struct { int a; char b; } pair_t;
struct outer {
    struct inner { short s; long l; } in;
    union { int i; float f; };
    struct { char c1, c2; };
    unsigned bf1 : 3, : 0, bf2 : SHIFT(1);
    int : 5;
    _Bool flag : 1;
    pair_t arr[2][3];
    char tail[M];
    enum color col;
    void (*fn)(int);
    int *ptrs[N];
    double _Alignas(16) al;
    char packed_m __attribute__((packed));
    int aligned_m __attribute__((aligned(8)));
    long double ld;
    uint8_t data[];
};
#pragma pack(push, 2)
struct p2 { char c; int i; double d; };
#pragma pack(pop)
struct __attribute__((packed)) pk { char c; int i; };
struct pk2 { char c; int i; } __attribute__((__packed__));
struct al { char c; } __attribute__((aligned));
typedef int aint __attribute__((aligned(16)));
struct sz { char c[sizeof(struct outer) % 7]; int x[_Alignof(struct p2)]; char y[offsetof(struct outer, tail)]; };
static inline int f(int x) { return x + 1; }
extern int g(void);
int h(int, char *) __attribute__((nonnull));
