/* The C peer of StatsBenchmark: mmap a file of struct Bench32 and compute count/min/max/mean of
 * every member in one pass, one thread. Build: gcc -O2 -o stats_mmap stats_mmap.c
 * Run: ./stats_mmap FILE [repeats]   (prints the figures, and the best wall-clock and CPU time of
 * the repeats: on a shared machine the CPU time is the one to compare) */
#include <fcntl.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct Bench32 { int64_t ts; int32_t id; float price; double qty; int32_t flags; uint32_t side; };

int main(int argc, char **argv) {
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    fstat(fd, &st);
    const struct Bench32 *r = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    size_t n = st.st_size / sizeof *r;
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    double best = 1e9, bestCpu = 1e9;
    for (int k = 0; k < repeats; k++) {
        struct timespec t0, t1, c0, c1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        int64_t tsmin = INT64_MAX, tsmax = INT64_MIN; __int128 tssum = 0;
        int32_t idmin = INT32_MAX, idmax = INT32_MIN; int64_t idsum = 0;
        float pmin = FLT_MAX, pmax = -FLT_MAX; double psum = 0;
        double qmin = DBL_MAX, qmax = -DBL_MAX, qsum = 0;
        int32_t fmin = INT32_MAX, fmax = INT32_MIN; int64_t fsum = 0;
        uint32_t smin = UINT32_MAX, smax = 0; uint64_t ssum = 0;
        for (size_t i = 0; i < n; i++) {
            const struct Bench32 *p = &r[i];
            if (p->ts < tsmin) tsmin = p->ts; if (p->ts > tsmax) tsmax = p->ts; tssum += p->ts;
            if (p->id < idmin) idmin = p->id; if (p->id > idmax) idmax = p->id; idsum += p->id;
            if (p->price < pmin) pmin = p->price; if (p->price > pmax) pmax = p->price; psum += p->price;
            if (p->qty < qmin) qmin = p->qty; if (p->qty > qmax) qmax = p->qty; qsum += p->qty;
            if (p->flags < fmin) fmin = p->flags; if (p->flags > fmax) fmax = p->flags; fsum += p->flags;
            if (p->side < smin) smin = p->side; if (p->side > smax) smax = p->side; ssum += p->side;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
        double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        double cpu = (c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
        if (s < best) best = s;
        if (cpu < bestCpu) bestCpu = cpu;
        if (k == repeats - 1) {
            printf("records %zu\n", n);
            printf("ts %lld %lld %.17g\n", (long long) tsmin, (long long) tsmax, (double) tssum / n);
            printf("id %d %d %.17g\n", idmin, idmax, (double) idsum / n);
            printf("price %.9g %.9g %.17g\n", pmin, pmax, psum / n);
            printf("qty %.17g %.17g %.17g\n", qmin, qmax, qsum / n);
            printf("flags %d %d %.17g\n", fmin, fmax, (double) fsum / n);
            printf("side %u %u %.17g\n", smin, smax, (double) ssum / n);
        }
    }
    printf("best %.1f ms, CPU %.1f ms\n", best * 1000, bestCpu * 1000);
    return 0;
}
