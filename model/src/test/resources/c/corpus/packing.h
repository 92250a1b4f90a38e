/* #pragma pack in all its forms and packed/aligned attributes in every GCC position. */
#include <stdint.h>
#include <stddef.h>

#pragma pack(push, 1)
struct p1 { char c; int32_t i; double d; int16_t s; };
#pragma pack(push, 4)
struct p4 { char c; double d; long double ld; };
#pragma pack(pop)
struct p1_again { char c; uint64_t u; };
#pragma pack(pop)
struct p_default { char c; uint64_t u; };

#pragma pack(2)
struct p2 { char c; int i; short s; char t; };
#pragma pack()
struct after_reset { char c; int i; };

#pragma pack(push)
#pragma pack(8)
struct p8 { char c; long double ld; };
#pragma pack(pop)

#pragma pack(push, label, 1)
#pragma pack(push, 4)
struct p4_labelled { char c; double d; };
#pragma pack(pop, label)
struct p_after_label { char c; double d; };

struct __attribute__((packed)) ap1 { char c; int i; short s; };
struct ap2 { char c; int i; short s; } __attribute__((__packed__));
typedef struct __attribute__((packed)) { char c; long l; } ap3_t;
typedef struct { char c; long l; } __attribute__((packed)) ap4_t;

struct member_attrs {
    char c;
    int i __attribute__((packed));
    char d;
    long long l __attribute__((aligned(16)));
    char e;
    __attribute__((aligned(32))) char f;
    char g __attribute__((aligned));
};

struct __attribute__((aligned(64))) cacheline { int x; };
struct al_after { char c; } __attribute__((aligned(8)));
struct alignas_members { char c; _Alignas(8) char d; _Alignas(double) char e; _Alignas(16) int f[3]; };
struct packed_and_aligned { char c; int i; } __attribute__((packed, aligned(4)));

#pragma pack(push, 1)
struct packed_with_aligned_member { char c; int i __attribute__((aligned(8))); char d; };
#pragma pack(pop)

struct contains_packed { char c; struct ap1 a; char d; ap3_t b; };
typedef int32_t aligned_int __attribute__((aligned(8)));
struct uses_aligned_typedef { char c; aligned_int x; };
