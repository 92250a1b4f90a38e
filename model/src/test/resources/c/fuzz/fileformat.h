// File format headers: BMP, WAV, a tar header, with typedef chains and enums.
#include <stdint.h>
#define TAR_NAME_LEN 100
#define RIFF_ID(a, b, c, d) ((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))
#define RIFF_MAGIC RIFF_ID('R', 'I', 'F', 'F')
#define WAVE_MAGIC RIFF_ID('W','A','V','E')

typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef int32_t LONG;
typedef WORD word_alias;

#pragma pack(push, 2)
typedef struct tagBITMAPFILEHEADER {
    WORD bfType;
    DWORD bfSize;
    WORD bfReserved1;
    word_alias bfReserved2;
    DWORD bfOffBits;
} BITMAPFILEHEADER, *PBITMAPFILEHEADER;
#pragma pack(pop)

typedef struct {
    DWORD biSize; LONG biWidth; LONG biHeight; WORD biPlanes; WORD biBitCount;
    DWORD biCompression; DWORD biSizeImage; LONG biXPelsPerMeter; LONG biYPelsPerMeter;
    DWORD biClrUsed; DWORD biClrImportant;
} BITMAPINFOHEADER;

enum wav_format { WAVE_FORMAT_PCM = 1, WAVE_FORMAT_IEEE_FLOAT = 3, WAVE_FORMAT_EXTENSIBLE = 0xFFFE };

struct wav_header {
    uint32_t riff; uint32_t size; uint32_t wave;
    struct { uint32_t id, size; uint16_t format, channels; uint32_t rate, byte_rate; uint16_t align, bits; } fmt;
    uint32_t data_id, data_size;
    int16_t samples[];
};

struct tar_header {
    char name[TAR_NAME_LEN]; char mode[8]; char uid[8]; char gid[8]; char size[12]; char mtime[12];
    char chksum[8]; char typeflag; char linkname[TAR_NAME_LEN]; char magic[6]; char version[2];
    char uname[32]; char gname[32]; char devmajor[8]; char devminor[8]; char prefix[155]; char pad[12];
};
_Static_assert(sizeof(struct tar_header) == 512, "tar header is one block");
