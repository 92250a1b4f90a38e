/* Floating constants inside integer constant expressions, as GCC and clang fold them (an
 * extension in array sizes; a standard cast of a floating constant elsewhere): buffer sizes
 * computed from rates, float rounding, hexadecimal floats, comparisons, sizeof of a floating
 * expression, and the type of a conditional whose cast arm is not evaluated. */
#include <stdint.h>

#define SAMPLE_RATE 48000
#define FRAME_SECONDS 0.02
#define FRAME_SAMPLES ((int)(SAMPLE_RATE * FRAME_SECONDS))

enum { SCALED = (int)(2.5 * 4), TRUNCATED = (int)-0.5 + 1, THIRDS = (int)(1.0 / 3 * 9) };

struct audio_frame {
    uint32_t seq;
    int16_t samples[FRAME_SAMPLES];
    uint8_t level_db : (int)3.9;
    uint8_t clipped : (_Bool)0.5;
    char pad[(int)(sizeof(long) * 2.5)];
};

struct rounding {
    char float_sum[(int)(0.1f + 0.2f == 0.3f) + 1];
    char double_sum[(int)(0.1 + 0.2 == 0.3) + 1];
    char float_rounded[(int)(float)16777217.0 - 16777200];
    char float_product[(int)(16777217.0f - 16777216.0f) + 1];
    char hex[(int)0x1.8p3];
    char exponent[(int)1.5e1f];
    char compare[(1.5 > 1) + (2.0f <= 1) + 1];
    char negative[(int)-1.5 + 3];
    char toward_zero[(unsigned)-0.9 + 1];
    char widest[(unsigned char)255.9];
};

struct sizes {
    char of_float[sizeof(1.5f)];
    char of_double[sizeof(2.5 * 2)];
    char of_mixed[sizeof(1.5f + 1)];
    char arm_long[sizeof(1 ? 1 : (long)2)];
    char arm_long_unevaluated[sizeof(0 ? (long)1 : 2)];
    char arm_float[sizeof(1 ? 1 : 2.0f)];
    int64_t units[SCALED + TRUNCATED + THIRDS];
};
