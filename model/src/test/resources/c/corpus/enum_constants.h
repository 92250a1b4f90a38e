/* The types of enumeration constants as GCC and clang give them, seen through sizeof and
 * comparisons: int while the value fits; once the enum is complete, the enum's own type for a
 * value that does not (unsigned int, or an 8-byte type where negative values share the enum);
 * the fixed type of a C23 enum; an implicit value one more than the last, in its type; and on
 * x86_64-windows an int always, a value cut to an int's 32 bits (0x80000000 is negative there). */
#include <stdint.h>

enum wide_unsigned { WU_LOW = 1, WU_HIGH = 0x80000000 };
enum wide_signed { WS_NEG = -1, WS_HIGH = 0x80000000 };
enum all_ones { AO_NEG = -1, AO_MAX = 0xffffffff };
enum after_high { AH_FIRST = 0x80000000, AH_NEXT };
enum __attribute__((packed)) small { SM_A = 1, SM_B = 200 };
enum fixed8 : uint8_t { F8_A = 1, F8_B };
enum fixed64 : long long { F64_A = 1 };
enum from_cast { FC_A = (char)1, FC_B = sizeof(char) };
enum beyond_int { BI_BIG = 0x100000001LL, BI_NEG = -4294967296LL };

struct enum_constants {
    char wu_high_size[sizeof(WU_HIGH)];
    char wu_low_size[sizeof(WU_LOW)];
    char wu_high_positive[(WU_HIGH > 0) + 1];
    char ws_high_size[sizeof(WS_HIGH)];
    char ws_neg_size[sizeof(WS_NEG)];
    char ws_enum_size[sizeof(enum wide_signed)];
    char ao_equal[(AO_MAX == AO_NEG) + 1];
    char ao_max_size[sizeof(AO_MAX)];
    char ah_next_positive[(AH_NEXT > 0) + 1];
    char ah_next_size[sizeof(AH_NEXT)];
    char small_constant[sizeof(SM_B)];
    char small_enum[sizeof(enum small)];
    char fixed8_constant[sizeof(F8_B)];
    char fixed8_value[F8_B];
    char fixed64_constant[sizeof(F64_A)];
    char cast_constant[sizeof(FC_A)];
    char cast_value[FC_A + FC_B];
    char beyond_size[sizeof(BI_BIG)];
    char beyond_value[(BI_BIG > 0xffffffff) + (BI_NEG == 0) + 1];
    enum wide_signed member_wide;
    enum small member_small;
};
