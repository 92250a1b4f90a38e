/* Attributes on typedefs in every position GCC and clang accept: after the tag of a struct
 * reference, after the declarator, and on scalar typedefs (which may lower the alignment). */
#include <stdint.h>

struct R { double d; };
typedef struct R __attribute__((aligned(4))) LoweredAfterTag;
typedef struct R LoweredAfterName __attribute__((aligned(4)));
typedef struct R __attribute__((aligned(32))) RaisedAfterTag;
typedef int32_t Wide32 __attribute__((aligned(16)));
typedef int64_t Narrow64 __attribute__((aligned(2)));

/* A struct with no tag named by an aligned typedef (glibc's __pthread_unwind_buf_t is one, with
 * __aligned__ and no argument): the typedef's alignment is the name's, the size the struct's. */
typedef struct { int32_t i; void *p; } AnonBiggest __attribute__((__aligned__));
typedef struct { double d; char c; } AnonRaised __attribute__((aligned(32)));
typedef struct { int64_t x; int16_t y; } AnonLowered __attribute__((aligned(2)));

struct uses_typedef_attrs {
    char c;
    LoweredAfterTag a;
    LoweredAfterName b;
    char d;
    RaisedAfterTag e;
    Wide32 f;
    char g;
    Narrow64 h;
    AnonBiggest i;
    char j;
    AnonLowered k;
    AnonRaised l;
};
