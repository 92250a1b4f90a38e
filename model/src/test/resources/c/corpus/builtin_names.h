/* The type names the importer knows without a declaration (its BuiltinTypes): each one's size and
 * alignment (after a char), and its signedness as an array's length (1 when (T)-1 < 0, else 2), as
 * clang lays them out for each target. Not int_fast16_t and int_fast32_t (and their unsigned
 * twins): their width is the C library's choice (long in glibc on 64-bit, int in MSVC), which the
 * importer follows, while the clang here compiles against its own headers (int16_t, int32_t).
 * FastIntGccTest checks them against gcc and glibc on x86-64 and i386 Linux. */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define PROBE(T) char pad_##T; T v_##T; char sign_##T[(T)-1 < 0 ? 1 : 2];

struct exact_width {
    PROBE(int8_t) PROBE(uint8_t) PROBE(int16_t) PROBE(uint16_t)
    PROBE(int32_t) PROBE(uint32_t) PROBE(int64_t) PROBE(uint64_t)
};

struct least_width {
    PROBE(int_least8_t) PROBE(uint_least8_t) PROBE(int_least16_t) PROBE(uint_least16_t)
    PROBE(int_least32_t) PROBE(uint_least32_t) PROBE(int_least64_t) PROBE(uint_least64_t)
};

struct fast_width {
    PROBE(int_fast8_t) PROBE(uint_fast8_t) PROBE(int_fast64_t) PROBE(uint_fast64_t)
};

struct library_width {
    PROBE(intmax_t) PROBE(uintmax_t) PROBE(intptr_t) PROBE(uintptr_t)
    PROBE(size_t) PROBE(ptrdiff_t) PROBE(wchar_t) PROBE(bool)
};
