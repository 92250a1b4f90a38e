/* Linux-uapi-like ioctl structures with function-like macros and conditionals. */
#ifndef _KERNELISH_H
#define _KERNELISH_H
#include <stdint.h>
#include <linux/types.h>

#define _IOC_NRBITS 8
#define _IOC_TYPEBITS 8
#define _IOC_SIZEBITS 14
#define _IOC_NRSHIFT 0
#define _IOC_TYPESHIFT (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT (_IOC_SIZESHIFT + _IOC_SIZEBITS)
#define _IOC_WRITE 1U
#define _IOC_READ 2U
#define _IOC(dir, type, nr, size) (((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) | ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))
#define _IOWR(type, nr, size) _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(size))

struct ki_version { uint32_t major, minor, patch; char name[32]; };
#define KI_IOC_VERSION _IOWR('k', 0x01, struct ki_version)

#ifdef __LP64__
typedef uint64_t ki_ptr_t;
#else
typedef uint32_t ki_ptr_t;
#endif

struct ki_request {
    ki_ptr_t user_ptr;
    uint32_t flags;
#define KI_FLAG_ASYNC (1u << 0)
#define KI_FLAG_SYNC (1u << 1)
    union {
        struct { uint16_t a, b; } pair;
        uint8_t raw[8] __attribute__((aligned(8)));
    } u;
    uint64_t timeout_ns __attribute__((aligned(8)));
    uint8_t reserved[0];
};

#if defined(__GNUC__) && !defined(__clang__)
# define KI_DEPRECATED __attribute__((deprecated))
#else
# define KI_DEPRECATED
#endif
struct ki_old { int x; } KI_DEPRECATED;
#endif /* _KERNELISH_H */
