/* Idioms of real headers in one file: offsetof-style macros (ARRAY_SIZE over a null-pointer member), packed
 * records, qualifiers (_Atomic, const volatile, restrict), a GNU zero-length array, a C23 enum with a fixed
 * type as a bit-field, _Static_assert inside a record, an anonymous struct in a union, a flexible array of unions. */
#include <stdint.h>
#include <stddef.h>
#define BIT(n) (1u << (n))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
typedef uint32_t u32;
struct hdr { u32 magic; uint8_t flags; } __attribute__((packed));
struct msg {
    struct hdr h;
    _Atomic int refcount;
    const volatile uint16_t reg;
    char * restrict name;
    uint8_t data[0];
};
struct tbl0 { int v[4]; };
struct tbl { int v[4]; char tag[ARRAY_SIZE(((struct tbl0 *)0)->v) + 1]; };
enum color : uint8_t { RED = BIT(0), GREEN = BIT(1) };
struct s2 { enum color c : 2; _Static_assert(sizeof(struct hdr) == 5, "packed"); int x; };
union u { struct { uint8_t lo, hi; }; uint16_t w; };
struct s3 { int n; union u arr[]; };
typedef struct { long double ld; long long big; } wide_t;
struct s4 { int a; _Alignas(16) char b; };

/* typeof of a member through a null pointer (typeof_member), and the object through one. */
struct copies {
    __typeof__(((struct tbl0 *)0)->v) v_copy;
    __typeof__(((struct msg *)0)->h) h_copy;
    char whole[sizeof(*(struct hdr *)0)];
    char part[sizeof (*(struct tbl0 *)0).v + 1];
};

/* Attributes that open a declarator, as expat's XMLCALL (__attribute__((cdecl)) on i386) does in
 * typedef void (XMLCALL *XML_StartElementHandler)(...); and after a comma. */
typedef void (__attribute__((cdecl)) *start_handler)(void *user, const char *name);
struct handlers {
    char kind;
    start_handler start;
    void (__attribute__((cdecl)) *end)(void *user);
    int first, __attribute__((unused)) second;
    long (* __attribute__((unused)) count);
};
