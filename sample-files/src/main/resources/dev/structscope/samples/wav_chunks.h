/* A whole RIFF/WAVE file as chunks: after the 12-byte RIFF header, every chunk is a 4-character
 * id, a 32-bit size and size bytes of body, plus one pad byte when size is odd. The id decides
 * how the body reads ("fmt ", "LIST", "data"); a chunk with any other id (chunks.wav has a
 * "JUNK" one) is skipped by its size, its body shown as null. chunks.wav was written by Python's
 * wave module, with LIST and JUNK chunks inserted (scripts/make_dynamic_samples.py).
 * Decode: --type WavFile (add --bytes hex for the samples as one hex string). */
#include <stdint.h>

/* Packed: a chunk is 8 + size (+ 1) bytes with no rounding to the 4-byte alignment of size. */
#pragma pack(push, 1)

typedef struct {
    uint16_t audio_format;    /* 1 = PCM */
    uint16_t channels;
    uint32_t sample_rate;
    uint32_t byte_rate;       /* sample_rate * block_align */
    uint16_t block_align;     /* channels * bytes per sample */
    uint16_t bits_per_sample;
} WavFmt;

/* One item of a LIST "INFO" chunk: "INAM" (title), "ISFT" (software), ... */
typedef struct {
    char id[4];
    uint32_t size;
    char text[size];          /* NUL-terminated */
    uint8_t pad[size & 1];
} InfoItem;

typedef struct {
    char list_type[4];        /* "INFO" */
    InfoItem items[];         /* to the end of the chunk */
} WavList;

typedef struct {
    char id[4];
    uint32_t size;
    [[structscope::switch(id), structscope::size(size)]] union ChunkBody {
        [[structscope::when("fmt ")]] WavFmt fmt;
        [[structscope::when("LIST")]] WavList list;
        [[structscope::when("data")]] uint8_t samples[size];
    } body;
    uint8_t pad[size & 1];    /* RIFF keeps chunks at even offsets */
} Chunk;

typedef struct {
    char riff[4];             /* "RIFF" */
    uint32_t riff_size;       /* file size - 8 */
    char wave[4];             /* "WAVE" */
    Chunk chunks[];           /* to the end of the file */
} WavFile;

#pragma pack(pop)
