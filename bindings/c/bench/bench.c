/*
 * The cost of gonghui_evaluate and gonghui_evaluate_into per call, and of one request
 * inside gonghui_evaluate_batch, over the same 10,000 mutual-aid requests as bindings/java's
 * Bench (the difference is JNA's and the JVM's share). Not a test: run by
 * bindings/java/bench.sh.
 *
 *   bench [REQUESTS [ROUNDS]]   (default 10000 requests, 7 timed rounds after 3 warm-up)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gonghui.h"

static const char *const CHAINS[] = {"steel",           "food",
                                     "aviation",        "new_energy",
                                     "pharmaceuticals", "textiles_apparel"};

/* Wall time (CLOCK_MONOTONIC) or this thread's CPU time (CLOCK_THREAD_CPUTIME_ID, steadier
 * on a shared machine), in microseconds. */
static double now_us(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    char **requests = malloc((size_t)n * sizeof *requests);
    size_t *lens = malloc((size_t)n * sizeof *lens);
    size_t batch_len = 0, pos = 0, sink = 0;
    char *batch;
    double *single = malloc((size_t)rounds * sizeof *single);
    double *batched = malloc((size_t)rounds * sizeof *batched);
    double *single_cpu = malloc((size_t)rounds * sizeof *single_cpu);
    double *batched_cpu = malloc((size_t)rounds * sizeof *batched_cpu);
    double *into = malloc((size_t)rounds * sizeof *into);
    double *into_cpu = malloc((size_t)rounds * sizeof *into_cpu);
    size_t buffer_cap = 16 * 1024;
    char *buffer = malloc(buffer_cap);
    int i, round;

    for (i = 0; i < n; i++) {
        char years[64] = "", chains[64] = "", clusters[64] = "";
        int year = 2024 + i % 3, y;
        for (y = year - i % 4; y <= year; y++) {
            size_t used = strlen(years);
            snprintf(years + used, sizeof years - used, "%s%d", used ? "," : "", y);
        }
        if (i % 5 == 4) {
            snprintf(clusters, sizeof clusters, "\"copper_new_materials\"");
        } else {
            snprintf(chains, sizeof chains, "\"%s\"", CHAINS[i % 6]);
        }
        requests[i] = malloc(512);
        lens[i] = (size_t)snprintf(
            requests[i], 512,
            "{\"id\":\"bench-%d\",\"question\":\"mutual_aid_subsidy\",\"lang\":\"%s\","
            "\"facts\":{\"chains\":[%s],\"clusters\":[%s],\"enrolled_years\":[%s],"
            "\"year\":%d,\"premium_fen\":%d}}",
            i, i % 2 == 0 ? "zh" : "en", chains, clusters, years, year, 50000 + 137 * i);
        batch_len += lens[i] + 1;
    }
    batch = malloc(batch_len);
    for (i = 0; i < n; i++) {
        memcpy(batch + pos, requests[i], lens[i]);
        pos += lens[i];
        batch[pos++] = '\n';
    }

    for (round = -3; round < rounds; round++) {
        double c0 = now_us(CLOCK_THREAD_CPUTIME_ID), t0 = now_us(CLOCK_MONOTONIC), t1, t2, t3, c1,
               c2, c3;
        char *answer;
        for (i = 0; i < n; i++) {
            answer = gonghui_evaluate(requests[i]);
            sink += strlen(answer);
            gonghui_string_free(answer);
        }
        t1 = now_us(CLOCK_MONOTONIC);
        c1 = now_us(CLOCK_THREAD_CPUTIME_ID);
        answer = gonghui_evaluate_batch(batch, batch_len);
        sink += strlen(answer);
        gonghui_string_free(answer);
        t2 = now_us(CLOCK_MONOTONIC);
        c2 = now_us(CLOCK_THREAD_CPUTIME_ID);
        for (i = 0; i < n; i++) {
            size_t len = gonghui_evaluate_into(requests[i], lens[i], buffer, buffer_cap);
            if (len > buffer_cap) {
                buffer_cap = len;
                buffer = realloc(buffer, buffer_cap);
                len = gonghui_evaluate_into(requests[i], lens[i], buffer, buffer_cap);
            }
            sink += len + (unsigned char)buffer[0];
        }
        t3 = now_us(CLOCK_MONOTONIC);
        c3 = now_us(CLOCK_THREAD_CPUTIME_ID);
        if (round >= 0) {
            single[round] = (t1 - t0) / n;
            batched[round] = (t2 - t1) / n;
            single_cpu[round] = (c1 - c0) / n;
            batched_cpu[round] = (c2 - c1) / n;
            into[round] = (t3 - t2) / n;
            into_cpu[round] = (c3 - c2) / n;
        }
    }
    qsort(single, (size_t)rounds, sizeof *single, compare_doubles);
    qsort(batched, (size_t)rounds, sizeof *batched, compare_doubles);
    qsort(single_cpu, (size_t)rounds, sizeof *single_cpu, compare_doubles);
    qsort(batched_cpu, (size_t)rounds, sizeof *batched_cpu, compare_doubles);
    qsort(into, (size_t)rounds, sizeof *into, compare_doubles);
    qsort(into_cpu, (size_t)rounds, sizeof *into_cpu, compare_doubles);
    printf("gonghui %s, C, %d mutual-aid requests, median of %d rounds (%zu bytes seen):\n",
           gonghui_version(), n, rounds, sink);
    printf("  gonghui_evaluate         %8.2f us per call     (%.2f us CPU)\n", single[rounds / 2],
           single_cpu[rounds / 2]);
    printf("  gonghui_evaluate_batch   %8.2f us per request  (%.2f us CPU; batch of %d)\n",
           batched[rounds / 2], batched_cpu[rounds / 2], n);
    printf("  gonghui_evaluate_into    %8.2f us per call     (%.2f us CPU; a reused buffer)\n",
           into[rounds / 2], into_cpu[rounds / 2]);

    for (i = 0; i < n; i++) {
        free(requests[i]);
    }
    free(requests);
    free(lens);
    free(batch);
    free(single);
    free(batched);
    free(single_cpu);
    free(batched_cpu);
    free(into);
    free(into_cpu);
    free(buffer);
    return 0;
}
