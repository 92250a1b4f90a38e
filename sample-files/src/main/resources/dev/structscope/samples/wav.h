/* The canonical 44-byte header of a PCM .wav file (RIFF chunk, "fmt " chunk, "data" chunk
 * header). tone.wav was written by Python's wave module. */
#include <stdint.h>

struct WavHeader {
    char riff[4];           /* "RIFF" */
    uint32_t riff_size;     /* file size - 8 */
    char wave[4];           /* "WAVE" */
    char fmt[4];            /* "fmt " */
    uint32_t fmt_size;      /* 16 for PCM */
    uint16_t audio_format;  /* 1 = PCM */
    uint16_t channels;
    uint32_t sample_rate;
    uint32_t byte_rate;
    uint16_t block_align;
    uint16_t bits_per_sample;
    char data[4];           /* "data" */
    uint32_t data_size;
};
