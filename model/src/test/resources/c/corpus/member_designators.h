/* Member designators in constant expressions, as real headers write them: offsetof with
 * subscripts, the null-pointer member access of FIELD_SIZEOF and of hand-written offsetof macros. */
#include <stddef.h>
#include <stdint.h>

#define FIELD_SIZEOF(t, f) (sizeof(((t *)0)->f))
#define MY_OFFSETOF(t, f) ((size_t) &((t *)0)->f)
#define NULL_OFFSETOF(t, f) ((size_t) &((t *)NULL)->f)

struct inner { uint16_t a; uint32_t b[3]; struct { char c; double d; } deep; };

struct outer {
    char tag;
    struct inner in[2];
    union { int64_t i; char raw[12]; };
    uint8_t bits : 3;
};

struct uses {
    char name_copy[FIELD_SIZEOF(struct outer, in[1].deep)];
    char raw_copy[sizeof ((struct outer *)0)->raw];
    char at_b2[offsetof(struct outer, in[1].b[2])];
    char at_d[MY_OFFSETOF(struct outer, in[1].deep.d)];
    char at_raw[NULL_OFFSETOF(struct outer, raw[5]) + 1];
    char anon[offsetof(struct outer, i) + 3];
};
