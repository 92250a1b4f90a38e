/* libpcap's file format: a 24-byte global header, then for each packet a 16-byte record header
 * followed by incl_len bytes of packet. capture.pcap: global header at 0, record headers at 24,
 * 60 and 96 (20-byte packets). */
#include <stdint.h>

typedef struct pcap_hdr_s {
    uint32_t magic_number;   /* 0xa1b2c3d4 */
    uint16_t version_major;
    uint16_t version_minor;
    int32_t thiszone;
    uint32_t sigfigs;
    uint32_t snaplen;
    uint32_t network;        /* 1 = Ethernet */
} pcap_hdr_t;

typedef struct pcaprec_hdr_s {
    uint32_t ts_sec;
    uint32_t ts_usec;
    uint32_t incl_len;
    uint32_t orig_len;
} pcaprec_hdr_t;
