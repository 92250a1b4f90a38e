/* A whole libpcap capture file (the classic format, microsecond time stamps, little-endian):
 * a 24-byte global header, then one record per packet, each a 16-byte record header and
 * incl_len bytes of packet, to the end of the file. packets.pcap holds 12 Ethernet frames
 * (IPv4 UDP and TCP) of varied lengths. Decode it whole with --type PcapFile, or the records
 * back to back with --type PcapRecord --offset 24 --all. */
#include <stdint.h>

/* Packed: records follow each other with no padding (incl_len may be odd), so a record must
 * not be rounded up to the 4-byte alignment of its header fields. */
#pragma pack(push, 1)

typedef struct {
    uint32_t magic_number;   /* 0xa1b2c3d4: microsecond time stamps */
    uint16_t version_major;  /* 2 */
    uint16_t version_minor;  /* 4 */
    int32_t thiszone;
    uint32_t sigfigs;
    uint32_t snaplen;
    uint32_t network;        /* link type: 1 = Ethernet */
} PcapHeader;

typedef struct {
    uint32_t ts_sec;
    uint32_t ts_usec;
    uint32_t incl_len;       /* bytes of the packet in the file */
    uint32_t orig_len;       /* bytes of the packet on the wire */
    uint8_t data[incl_len];
} PcapRecord;

typedef struct {
    PcapHeader header;
    PcapRecord recs[];       /* to the end of the file */
} PcapFile;

#pragma pack(pop)
