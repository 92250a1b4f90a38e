/* An IPv4 header followed by a UDP header, as sent on the wire (big-endian: decode with
 * --byte-order big). On a big-endian machine bit-fields are allocated from the most significant
 * bit, so version:4 then ihl:4 is exactly the first byte of IPv4 (0x45). */
#include <stdint.h>

struct IpUdp {
    uint8_t version : 4;
    uint8_t ihl : 4;
    uint8_t tos;
    uint16_t total_length;
    uint16_t id;
    uint16_t flags : 3;
    uint16_t fragment_offset : 13;
    uint8_t ttl;
    uint8_t protocol;        /* 17 = UDP */
    uint16_t checksum;
    uint8_t src[4];
    uint8_t dst[4];
    uint16_t src_port;
    uint16_t dst_port;
    uint16_t udp_length;
    uint16_t udp_checksum;
};
