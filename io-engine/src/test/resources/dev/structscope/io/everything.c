/* Writes COUNT records of struct Everything and of struct Packed with fwrite, and prints on
 * stdout the JSON that decoding them must give: {"everything": [...], "packed": [...]}.
 * Usage: everything OUT_EVERYTHING OUT_PACKED COUNT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include "everything.h"

static uint64_t state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) { /* xorshift64*: the same sequence everywhere */
    state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
    return state * 2685821657736338717ull;
}

static void pf(double v, const char *fmt) { /* a float or double as the contract wants it */
    if (isnan(v)) printf("\"NaN\"");
    else if (isinf(v)) printf(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    else printf(fmt, v);
}
static void pld(long double v) {
    if (isnan(v)) printf("\"NaN\"");
    else if (isinf(v)) printf(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    else printf("%.21Lg", v);
}
static void pstr(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char ch = (unsigned char) s[i];
        if (ch == '"' || ch == '\\') printf("\\%c", ch);
        else if (ch < 0x20 || ch > 0x7e) printf("\\u%04x", ch);
        else putchar(ch);
    }
    putchar('"');
}
static void penum(long v) {
    switch (v) {
    case RED: printf("\"RED\""); break;
    case GREEN: printf("\"GREEN\""); break;
    case BLUE: printf("\"BLUE\""); break;
    default: printf("%ld", v);
    }
}
static void pinner(const struct Inner *in) {
    printf("{\"a\": %d, \"b\": [%u, %u, %u], \"d\": ", in->a, in->b[0], in->b[1], in->b[2]);
    pf(in->d, "%.17g");
    printf("}");
}

int main(int argc, char **argv) {
    FILE *fe = fopen(argv[1], "wb");
    FILE *fp = fopen(argv[2], "wb");
    int count = atoi(argv[3]);
    printf("{\"everything\": [");
    for (int r = 0; r < count; r++) {
        struct Everything e;
        memset(&e, 0, sizeof e);
        e.i8 = (int8_t) rnd(); e.u8 = (uint8_t) rnd(); e.i16 = (int16_t) rnd(); e.u16 = (uint16_t) rnd();
        e.i32 = (int32_t) rnd(); e.u32 = (uint32_t) rnd(); e.i64 = (int64_t) rnd(); e.u64 = rnd();
        if (r == 0) { e.i64 = INT64_MIN; e.u64 = UINT64_MAX; e.i8 = -128; e.u32 = UINT32_MAX; }
        e.c = (char) rnd(); e.sc = (signed char) rnd(); e.uc = (unsigned char) rnd();
        e.l = (long) rnd(); e.ul = (unsigned long) rnd(); e.ll = (long long) rnd(); e.ull = rnd();
        double x = (double) (int64_t) rnd() / (double) (1ull << (rnd() % 60));
        e.f = (float) x * 0.37f;
        e.d = x * 1.0000001;
        e.ld = (long double) x / 3.0L + 1e-19L * (long double) (rnd() % 1000);
        switch (r) {
        case 0: e.f = NAN; e.d = INFINITY; e.ld = -INFINITY; break;
        case 1: e.f = -INFINITY; e.d = NAN; e.ld = NAN; break;
        case 2: e.f = 1e-45f; e.d = 4.9e-324; e.ld = 3.6e-4951L; break; /* denormals */
        case 3: e.f = -0.0f; e.d = 1e308; e.ld = 1.18e4932L; break;
        case 4: e.ld = 0.1L; break;
        case 5: e.ld = 1.5L; break;
        }
        e.b = rnd() & 1;
        e.p = (void *) (uintptr_t) rnd();
        long colors[] = {RED, GREEN, BLUE, 7};
        e.color = (enum Color) colors[rnd() % 4];
        int len = (int) (rnd() % 12);
        for (int i = 0; i < len; i++) e.name[i] = (char) ('A' + rnd() % 26);
        if (r == 6) { strcpy(e.name, "caf\xe9 \"q\"\\"); }
        if (r == 7) { memcpy(e.name, "ABCDEFGHIJKL", 12); } /* no NUL at all */
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) e.grid[i][j] = (int16_t) rnd();
        e.inner.a = (int16_t) rnd(); for (int i = 0; i < 3; i++) e.inner.b[i] = (uint8_t) rnd();
        e.inner.d = (double) (int32_t) rnd() / 7.0;
        for (int k = 0; k < 2; k++) {
            e.inners[k].a = (int16_t) rnd(); for (int i = 0; i < 3; i++) e.inners[k].b[i] = (uint8_t) rnd();
            e.inners[k].d = (double) (int32_t) rnd() * 1e-3;
        }
        e.u.u = (uint32_t) rnd();
        if (r == 8) e.u.f = NAN;
        e.ax = (int32_t) rnd(); e.ay = (uint16_t) rnd();
        e.bf1 = rnd(); e.bf2 = rnd(); e.bf3 = rnd(); e.bf4 = rnd(); e.bf5 = rnd();
        e.bfe = (enum Color) colors[rnd() % 3]; e.bb = rnd() & 1;
        fwrite(&e, sizeof e, 1, fe);

        printf("%s\n{\"i8\": %d, \"u8\": %u, \"i16\": %d, \"u16\": %u, \"i32\": %" PRId32 ", \"u32\": %" PRIu32
               ", \"i64\": %" PRId64 ", \"u64\": %" PRIu64, r ? "," : "", e.i8, e.u8, e.i16, e.u16, e.i32, e.u32, e.i64, e.u64);
        printf(", \"c\": %d, \"sc\": %d, \"uc\": %u, \"l\": %ld, \"ul\": %lu, \"ll\": %lld, \"ull\": %llu",
               e.c, e.sc, e.uc, e.l, e.ul, e.ll, e.ull);
        printf(", \"f\": "); pf(e.f, "%.9g");
        printf(", \"d\": "); pf(e.d, "%.17g");
        printf(", \"ld\": "); pld(e.ld);
        printf(", \"b\": %s, \"p\": %" PRIuPTR ", \"color\": ", e.b ? "true" : "false", (uintptr_t) e.p);
        penum(e.color);
        printf(", \"name\": "); pstr(e.name, sizeof e.name);
        printf(", \"grid\": [[%d, %d, %d], [%d, %d, %d]]", e.grid[0][0], e.grid[0][1], e.grid[0][2],
               e.grid[1][0], e.grid[1][1], e.grid[1][2]);
        printf(", \"inner\": "); pinner(&e.inner);
        printf(", \"inners\": ["); pinner(&e.inners[0]); printf(", "); pinner(&e.inners[1]); printf("]");
        printf(", \"u\": {\"u\": %" PRIu32 ", \"f\": ", e.u.u); pf(e.u.f, "%.9g");
        printf(", \"bytes\": [%u, %u, %u, %u]}", e.u.bytes[0], e.u.bytes[1], e.u.bytes[2], e.u.bytes[3]);
        printf(", \"ax\": %" PRId32 ", \"ay\": %u", e.ax, e.ay);
        printf(", \"bf1\": %u, \"bf2\": %d, \"bf3\": %d, \"bf4\": %llu, \"bf5\": %d, \"bfe\": ",
               e.bf1, e.bf2, e.bf3, (unsigned long long) e.bf4, e.bf5);
        penum(e.bfe);
        printf(", \"bb\": %s}", e.bb ? "true" : "false");
    }
    printf("],\n\"packed\": [");
    for (int r = 0; r < count; r++) {
        struct Packed p;
        memset(&p, 0, sizeof p);
        p.tag = (char) ('a' + r % 26); p.v = (uint32_t) rnd(); p.w = (int16_t) rnd();
        p.d = (double) (int64_t) rnd() * 1e-9; p.big = rnd(); p.small = rnd();
        fwrite(&p, sizeof p, 1, fp);
        printf("%s\n{\"tag\": %d, \"v\": %" PRIu32 ", \"w\": %d, \"d\": %.17g, \"big\": %llu, \"small\": %d}",
               r ? "," : "", p.tag, p.v, p.w, p.d, (unsigned long long) p.big, p.small);
    }
    printf("],\n\"sizes\": [%zu, %zu]}\n", sizeof(struct Everything), sizeof(struct Packed));
    fclose(fe); fclose(fp);
    return 0;
}
