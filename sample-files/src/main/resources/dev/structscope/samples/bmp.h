/* The two headers at the start of every .bmp file, packed as in <wingdi.h>.
 * image.bmp: BITMAPFILEHEADER at offset 0, BITMAPINFOHEADER at offset 14. */
#include <stdint.h>

typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef int32_t LONG;

#pragma pack(push, 1)
typedef struct tagBITMAPFILEHEADER {
    WORD bfType;        /* "BM" = 0x4D42 */
    DWORD bfSize;       /* whole file, bytes */
    WORD bfReserved1;
    WORD bfReserved2;
    DWORD bfOffBits;    /* where the pixels start */
} BITMAPFILEHEADER;

typedef struct tagBITMAPINFOHEADER {
    DWORD biSize;
    LONG biWidth;
    LONG biHeight;
    WORD biPlanes;
    WORD biBitCount;
    DWORD biCompression;
    DWORD biSizeImage;
    LONG biXPelsPerMeter;
    LONG biYPelsPerMeter;
    DWORD biClrUsed;
    DWORD biClrImportant;
} BITMAPINFOHEADER;
#pragma pack(pop)
