/* Attributes on typedefs in every position GCC and clang accept: after the tag of a struct
 * reference, after the declarator, and on scalar typedefs (which may lower the alignment). */
#include <stdint.h>

struct R { double d; };
typedef struct R __attribute__((aligned(4))) LoweredAfterTag;
typedef struct R LoweredAfterName __attribute__((aligned(4)));
typedef struct R __attribute__((aligned(32))) RaisedAfterTag;
typedef int32_t Wide32 __attribute__((aligned(16)));
typedef int64_t Narrow64 __attribute__((aligned(2)));

struct uses_typedef_attrs {
    char c;
    LoweredAfterTag a;
    LoweredAfterName b;
    char d;
    RaisedAfterTag e;
    Wide32 f;
    char g;
    Narrow64 h;
};
