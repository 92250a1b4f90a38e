/* Network packet headers in the style of <netinet/*.h>. */
#ifndef NETPKT_H
#define NETPKT_H
#include <stdint.h>

#define ETH_ALEN 6
#define ETH_P_IP 0x0800
#define IPVERSION 4
#define IP_MAXPACKET 65535

struct ether_header {
    uint8_t ether_dhost[ETH_ALEN];
    uint8_t ether_shost[ETH_ALEN];
    uint16_t ether_type;
} __attribute__((__packed__));

struct iphdr {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    unsigned int ihl : 4;
    unsigned int version : 4;
#else
    unsigned int version : 4;
    unsigned int ihl : 4;
#endif
    uint8_t tos;
    uint16_t tot_len;
    uint16_t id;
    uint16_t frag_off;
    uint8_t ttl;
    uint8_t protocol;
    uint16_t check;
    uint32_t saddr;
    uint32_t daddr;
};

struct tcphdr {
    uint16_t source, dest;
    uint32_t seq, ack_seq;
    uint16_t res1 : 4, doff : 4, fin : 1, syn : 1, rst : 1, psh : 1, ack : 1, urg : 1, res2 : 2;
    uint16_t window, check, urg_ptr;
};

typedef union {
    struct { uint32_t lo, hi; };
    uint64_t all;
} addr_pair_t;

enum ip_proto { IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_MAX = 256 };

static inline uint16_t csum_fold(uint32_t sum) { while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16); return ~sum; }
extern int send_packet(const struct iphdr *ip, const void *payload, unsigned long len);
#endif
