/*
 * Asks gonghui one question from C and prints the answer. Build and run: see README.md.
 */
#include <stdio.h>
#include <string.h>

#include "gonghui.h"

int main(void) {
    /* One request, as in CONTRACT.md: UTF-8 JSON. */
    const char *request =
        "{\"id\":\"app-0042\",\"question\":\"mutual_aid_subsidy\",\"lang\":\"en\","
        "\"facts\":{\"chains\":[\"steel\"],\"clusters\":[],"
        "\"enrolled_years\":[2023,2024,2025],\"year\":2025,\"premium_fen\":1200000}}";

    /* The answer is a decision or an error object, never NULL; it is ours to free. */
    char *answer = gonghui_evaluate(request);
    int is_error = strstr(answer, "\"error\":{") != NULL;

    printf("gonghui %s\n%s\n", gonghui_version(), answer);
    gonghui_string_free(answer);
    return is_error ? 1 : 0;
}
