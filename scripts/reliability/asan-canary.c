/*
 * A deliberate leak of gonghui answers, run by scripts/test-reliability.sh before the C suite
 * under AddressSanitizer: LeakSanitizer must report it, proving that the sanitizer sees the
 * allocations the Rust library makes for C (a clean suite then means something).
 */
#include <stdio.h>

#include "gonghui.h"

/* Answers dropped without gonghui_string_free; noinline so no pointer lingers in main's frame. */
__attribute__((noinline)) static size_t leak_answers(void) {
    size_t total = 0;
    int i;
    for (i = 0; i < 16; i++) {
        char *answer = gonghui_evaluate("{\"question\":\"catalog\"}");
        total += answer != NULL;
    }
    return total;
}

int main(void) {
    printf("leaked %zu answers on purpose\n", leak_answers());
    return 0;
}
