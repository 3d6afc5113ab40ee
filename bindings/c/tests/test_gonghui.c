/*
 * The C test suite of gonghui's C ABI, run under valgrind by scripts/test-c-java.sh.
 *
 *   test_gonghui CORPUS_DIR [POLICY_CORPUS_DIR POLICY_FILES_DIR]
 *
 * 1. The version: the library's matches the header's.
 * 2. The conformance corpus (CORPUS_DIR/STEM.requests.jsonl and STEM.answers.jsonl): each
 *    request line through gonghui_evaluate, gonghui_evaluate_bytes and gonghui_evaluate_into
 *    (into a buffer too small at first, then into one large enough) must give its answer
 *    line byte for byte, and the whole file through gonghui_evaluate_batch the whole answers
 *    file.
 * 3. Hostile inputs (NULL, empty, not UTF-8, not JSON, 10 MB of digits, deep nesting, NUL
 *    bytes, CRLF, lone surrogates...): each gets a well-formed JSON object with an "error"
 *    key, the same alone and as a batch line, and is freed.
 * 4. Threads: 8 threads evaluate the corpus and the hostile inputs at once and must all get
 *    the single-threaded answers.
 * 5. Policy files (when their directories are given): each POLICY_CORPUS_DIR/STEM.requests.jsonl under the handle of
 *    POLICY_FILES_DIR/STEM.json (gonghui_policy_load) through gonghui_policy_evaluate,
 *    _bytes, _into and _batch, byte for byte its answers file; its id and digest; 8 threads
 *    sharing the one handle; the hostile inputs under it; POLICY_CORPUS_DIR/broken-example.json
 *    refused with exactly the problems of broken-example.problems.json; hostile files (NULL,
 *    empty, not UTF-8, 10 MB, deep nesting) refused, with and without a place for the
 *    problems; a NULL handle answered with nothing; the published handle over the corpus.
 *
 * Exit status 0 when every check passed, 1 otherwise; failures are printed to stderr.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gonghui.h"

static int failures = 0;

static void fail(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    fputs("FAIL: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
    failures++;
}

/* At most `max` bytes of `s`, for failure messages (binary bytes shown as \xNN). */
static void print_excerpt(const char *label, const char *s, size_t len) {
    size_t max = 240;
    size_t i;
    fprintf(stderr, "  %s (%zu bytes): ", label, len);
    for (i = 0; i < len && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            fputs("\\n", stderr);
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(stderr, "\\x%02x", c);
        } else {
            fputc(c, stderr);
        }
    }
    fputs(len > max ? "...\n" : "\n", stderr);
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* ---- Reading files ---------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    size_t cap = 1 << 16, n = 0, got;
    if (f == NULL) {
        return NULL;
    }
    buf = xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) {
                fprintf(stderr, "out of memory\n");
                exit(2);
            }
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* One line of a buffer: [start, start + len), without its "\n" (nor a "\r" before it). */
typedef struct {
    const char *start;
    size_t len;
} line_t;

/* Splits `buf` into lines; a final line without "\n" counts too. Caller frees *lines. */
static size_t split_lines(const char *buf, size_t len, line_t **lines) {
    size_t count = 0, cap = 16, i, begin = 0;
    *lines = xmalloc(cap * sizeof **lines);
    for (i = 0; i <= len; i++) {
        if (i == len && begin == len) {
            break;
        }
        if (i == len || buf[i] == '\n') {
            size_t end = i;
            if (end > begin && buf[end - 1] == '\r') {
                end--;
            }
            if (count == cap) {
                line_t *bigger = realloc(*lines, (cap *= 2) * sizeof **lines);
                if (bigger == NULL) {
                    fprintf(stderr, "out of memory\n");
                    exit(2);
                }
                *lines = bigger;
            }
            (*lines)[count].start = buf + begin;
            (*lines)[count].len = end - begin;
            count++;
            begin = i + 1;
        }
    }
    return count;
}

/* ---- Checking answers: UTF-8, one JSON object, an "error" key --------------------- */

static int valid_utf8(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        unsigned int cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            n = 1, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            n = 2, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            n = 3, cp = c & 0x07;
        } else {
            return 0;
        }
        for (k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0;
        }
        i += n + 1;
    }
    return 1;
}

typedef struct {
    const char *p;
    const char *end;
    int depth;
} cursor_t;

static void skip_ws(cursor_t *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) {
        c->p++;
    }
}

static int parse_value(cursor_t *c, int *is_object);

static int parse_string(cursor_t *c, const char **start, size_t *len) {
    if (c->p >= c->end || *c->p != '"') {
        return 0;
    }
    *start = ++c->p;
    while (c->p < c->end) {
        unsigned char ch = (unsigned char)*c->p;
        if (ch == '"') {
            *len = (size_t)(c->p - *start);
            c->p++;
            return 1;
        }
        if (ch < 0x20) {
            return 0;
        }
        if (ch == '\\') {
            if (++c->p >= c->end) {
                return 0;
            }
            if (*c->p == 'u') {
                int k;
                for (k = 0; k < 4; k++) {
                    if (++c->p >= c->end || strchr("0123456789abcdefABCDEF", *c->p) == NULL ||
                        *c->p == '\0') {
                        return 0;
                    }
                }
            } else if (*c->p == '\0' || strchr("\"\\/bfnrt", *c->p) == NULL) {
                return 0;
            }
        }
        c->p++;
    }
    return 0;
}

static int parse_digits(cursor_t *c) {
    const char *begin = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        c->p++;
    }
    return c->p > begin;
}

static int parse_number(cursor_t *c) {
    if (c->p < c->end && *c->p == '-') {
        c->p++;
    }
    if (!parse_digits(c)) {
        return 0;
    }
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (!parse_digits(c)) {
            return 0;
        }
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-')) {
            c->p++;
        }
        if (!parse_digits(c)) {
            return 0;
        }
    }
    return 1;
}

static int parse_literal(cursor_t *c, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0) {
        return 0;
    }
    c->p += n;
    return 1;
}

/* An object; sets *has_error when one of its own keys is "error" with an object value. */
static int parse_object(cursor_t *c, int *has_error) {
    c->p++; /* '{' */
    skip_ws(c);
    if (c->p < c->end && *c->p == '}') {
        c->p++;
        return 1;
    }
    for (;;) {
        const char *key;
        size_t key_len;
        int value_is_object = 0;
        skip_ws(c);
        if (!parse_string(c, &key, &key_len)) {
            return 0;
        }
        skip_ws(c);
        if (c->p >= c->end || *c->p++ != ':') {
            return 0;
        }
        if (!parse_value(c, &value_is_object)) {
            return 0;
        }
        if (has_error != NULL && key_len == 5 && memcmp(key, "error", 5) == 0 &&
            value_is_object) {
            *has_error = 1;
        }
        skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            continue;
        }
        if (c->p < c->end && *c->p == '}') {
            c->p++;
            return 1;
        }
        return 0;
    }
}

static int parse_array(cursor_t *c) {
    c->p++; /* '[' */
    skip_ws(c);
    if (c->p < c->end && *c->p == ']') {
        c->p++;
        return 1;
    }
    for (;;) {
        if (!parse_value(c, NULL)) {
            return 0;
        }
        skip_ws(c);
        if (c->p < c->end && *c->p == ',') {
            c->p++;
            continue;
        }
        if (c->p < c->end && *c->p == ']') {
            c->p++;
            return 1;
        }
        return 0;
    }
}

static int parse_value(cursor_t *c, int *is_object) {
    const char *s;
    size_t n;
    int ok;
    skip_ws(c);
    if (c->p >= c->end || ++c->depth > 64) {
        return 0;
    }
    switch (*c->p) {
    case '{':
        if (is_object != NULL) {
            *is_object = 1;
        }
        ok = parse_object(c, NULL);
        break;
    case '[':
        ok = parse_array(c);
        break;
    case '"':
        ok = parse_string(c, &s, &n);
        break;
    case 't':
        ok = parse_literal(c, "true");
        break;
    case 'f':
        ok = parse_literal(c, "false");
        break;
    case 'n':
        ok = parse_literal(c, "null");
        break;
    default:
        ok = parse_number(c);
    }
    c->depth--;
    return ok;
}

/* 1 when `s` is UTF-8 and exactly one JSON object; *has_error says whether it has a
 * top-level "error" object. */
static int parse_answer(const char *s, size_t len, int *has_error) {
    cursor_t c;
    c.p = s;
    c.end = s + len;
    c.depth = 0;
    *has_error = 0;
    if (!valid_utf8((const unsigned char *)s, len)) {
        return 0;
    }
    skip_ws(&c);
    if (c.p >= c.end || *c.p != '{') {
        return 0;
    }
    c.depth++;
    if (!parse_object(&c, has_error)) {
        return 0;
    }
    return c.p == c.end; /* no whitespace, no newline, nothing after the object */
}

/* ---- 1. Version ------------------------------------------------------------------- */

static void test_version(void) {
    const char *version = gonghui_version();
    if (version == NULL || strcmp(version, GONGHUI_VERSION_STRING) != 0) {
        fail("gonghui_version() is \"%s\", the header says \"%s\": regenerate the header",
             version ? version : "(null)", GONGHUI_VERSION_STRING);
    }
}

/* ---- 2. The conformance corpus ---------------------------------------------------- */

typedef struct {
    char *name;
    char *requests, *answers;
    size_t requests_len, answers_len;
    line_t *request_lines, *answer_lines;
    size_t count;
} corpus_pair_t;

typedef struct {
    corpus_pair_t *pairs;
    size_t count;
    size_t cases;
} corpus_t;

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char REQUESTS_SUFFIX[] = ".requests.jsonl";

static void load_corpus(const char *dir, corpus_t *corpus) {
    DIR *d = opendir(dir);
    struct dirent *entry;
    char **stems = NULL;
    size_t n = 0, cap = 0, i;
    size_t suffix_len = strlen(REQUESTS_SUFFIX);
    corpus->pairs = NULL;
    corpus->count = 0;
    corpus->cases = 0;
    if (d == NULL) {
        fail("cannot open the corpus directory %s", dir);
        return;
    }
    while ((entry = readdir(d)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len > suffix_len && strcmp(entry->d_name + len - suffix_len, REQUESTS_SUFFIX) == 0) {
            if (n == cap) {
                char **bigger = realloc(stems, (cap = cap ? cap * 2 : 16) * sizeof *stems);
                if (bigger == NULL) {
                    fprintf(stderr, "out of memory\n");
                    exit(2);
                }
                stems = bigger;
            }
            stems[n] = xmalloc(len - suffix_len + 1);
            memcpy(stems[n], entry->d_name, len - suffix_len);
            stems[n][len - suffix_len] = '\0';
            n++;
        }
    }
    closedir(d);
    if (n > 0) {
        qsort(stems, n, sizeof *stems, compare_names);
    }
    corpus->pairs = xmalloc(n * sizeof *corpus->pairs);
    for (i = 0; i < n; i++) {
        corpus_pair_t *pair = &corpus->pairs[corpus->count];
        size_t path_len = strlen(dir) + strlen(stems[i]) + 32;
        char *path = xmalloc(path_len);
        size_t answer_count;
        pair->name = stems[i];
        snprintf(path, path_len, "%s/%s.requests.jsonl", dir, stems[i]);
        pair->requests = read_file(path, &pair->requests_len);
        snprintf(path, path_len, "%s/%s.answers.jsonl", dir, stems[i]);
        pair->answers = read_file(path, &pair->answers_len);
        if (pair->requests == NULL || pair->answers == NULL) {
            fail("corpus %s: cannot read %s", stems[i], path);
            free(pair->requests);
            free(pair->answers);
            free(path);
            free(stems[i]);
            continue;
        }
        free(path);
        pair->count = split_lines(pair->requests, pair->requests_len, &pair->request_lines);
        answer_count = split_lines(pair->answers, pair->answers_len, &pair->answer_lines);
        if (answer_count != pair->count) {
            fail("corpus %s: %zu requests but %zu answers", stems[i], pair->count,
                 answer_count);
            if (answer_count < pair->count) {
                pair->count = answer_count;
            }
        }
        corpus->cases += pair->count;
        corpus->count++;
    }
    free(stems);
}

static void free_corpus(corpus_t *corpus) {
    size_t i;
    for (i = 0; i < corpus->count; i++) {
        free(corpus->pairs[i].name);
        free(corpus->pairs[i].requests);
        free(corpus->pairs[i].answers);
        free(corpus->pairs[i].request_lines);
        free(corpus->pairs[i].answer_lines);
    }
    free(corpus->pairs);
}

/* A request as a NUL-terminated copy, for gonghui_evaluate. */
static char *c_string(const char *s, size_t len) {
    char *copy = xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

/* Compares an answer with the expected bytes and frees it; 1 when equal. */
static int expect_answer(char *answer, const char *expected, size_t expected_len,
                         const char *what, const char *name, size_t line) {
    size_t len;
    int equal;
    if (answer == NULL) {
        fail("%s %s line %zu: NULL answer", what, name, line);
        return 0;
    }
    len = strlen(answer);
    equal = len == expected_len && memcmp(answer, expected, len) == 0;
    if (!equal) {
        size_t at = 0;
        while (at < len && at < expected_len && answer[at] == expected[at]) {
            at++;
        }
        if (line == 0) {
            fail("%s %s (the whole file): answers differ from the corpus at byte %zu", what, name,
                 at);
        } else {
            fail("%s %s line %zu: answer differs from the corpus at byte %zu", what, name, line,
                 at);
        }
        print_excerpt("expected", expected, expected_len);
        print_excerpt("got     ", answer, len);
    }
    gonghui_string_free(answer);
    return equal;
}

/* gonghui_evaluate_into, or gonghui_policy_evaluate_into under `policy` when it is not
 * NULL. */
static size_t into(const gonghui_policy *policy, const char *request, size_t request_len,
                   char *answer, size_t cap) {
    return policy != NULL ? gonghui_policy_evaluate_into(policy, request, request_len, answer, cap)
                          : gonghui_evaluate_into(request, request_len, answer, cap);
}

/* The answer through gonghui_evaluate_into (or, when `policy` is not NULL,
 * gonghui_policy_evaluate_into under it), asked first with a buffer of `cap` bytes: a
 * malloc'd copy with a NUL after it (caller frees) and its length in *answer_len. When the
 * answer does not fit, checks that nothing was written, then asks again with a buffer of
 * the length returned, as a caller would. */
static char *evaluate_into_under(const gonghui_policy *policy, const char *request,
                                 size_t request_len, size_t cap, size_t *answer_len) {
    char *buffer = xmalloc(cap + 1);
    size_t len, i;
    memset(buffer, 0x5a, cap);
    len = into(policy, request, request_len, buffer, cap);
    if (len > cap) {
        for (i = 0; i < cap; i++) {
            if (buffer[i] != 0x5a) {
                fail("evaluate_into wrote into a buffer of %zu bytes, too small for its "
                     "answer of %zu",
                     cap, len);
                break;
            }
        }
        free(buffer);
        buffer = xmalloc(len + 1);
        if (into(policy, request, request_len, buffer, len) != len) {
            fail("evaluate_into gave another length the second time");
        }
    }
    buffer[len] = '\0';
    *answer_len = len;
    return buffer;
}

static char *evaluate_into(const char *request, size_t request_len, size_t cap,
                           size_t *answer_len) {
    return evaluate_into_under(NULL, request, request_len, cap, answer_len);
}

static void test_corpus(const corpus_t *corpus) {
    size_t i, j;
    for (i = 0; i < corpus->count; i++) {
        const corpus_pair_t *pair = &corpus->pairs[i];
        for (j = 0; j < pair->count; j++) {
            const line_t *req = &pair->request_lines[j];
            const line_t *ans = &pair->answer_lines[j];
            char *request = c_string(req->start, req->len);
            expect_answer(gonghui_evaluate(request), ans->start, ans->len, "evaluate",
                          pair->name, j + 1);
            free(request);
            expect_answer(gonghui_evaluate_bytes(req->start, req->len), ans->start, ans->len,
                          "evaluate_bytes", pair->name, j + 1);
            {
                /* Every other line into a buffer too small for any answer, so that both
                 * paths run. */
                size_t len;
                char *answer = evaluate_into(req->start, req->len, j % 2 ? 16 : 65536, &len);
                if (len != ans->len || memcmp(answer, ans->start, len) != 0) {
                    fail("evaluate_into %s line %zu: answer differs from the corpus", pair->name,
                         j + 1);
                    print_excerpt("expected", ans->start, ans->len);
                    print_excerpt("got     ", answer, len);
                }
                free(answer);
            }
        }
        expect_answer(gonghui_evaluate_batch(pair->requests, pair->requests_len),
                      pair->answers, pair->answers_len, "evaluate_batch", pair->name, 0);
    }
}

/* ---- 3. Hostile inputs ------------------------------------------------------------ */

typedef struct {
    const char *name;
    char *bytes; /* NULL means a NULL pointer */
    size_t len;
    int may_decide; /* a well-formed request after all: any JSON object will do */
} hostile_t;

static hostile_t hostile[64];
static size_t hostile_count = 0;

static void add_hostile(const char *name, const char *bytes, size_t len) {
    hostile_t *h = &hostile[hostile_count++];
    h->name = name;
    h->len = len;
    h->bytes = NULL;
    h->may_decide = 0;
    if (bytes != NULL) {
        h->bytes = xmalloc(len + 1);
        memcpy(h->bytes, bytes, len);
        h->bytes[len] = '\0';
    }
}

#define ADD_LITERAL(name, literal) add_hostile(name, literal, sizeof(literal) - 1)

/* `count` repetitions of `unit`, between `prefix` and `suffix`. */
static void add_repeated(const char *name, const char *prefix, const char *unit, size_t count,
                         const char *suffix) {
    size_t plen = strlen(prefix), ulen = strlen(unit), slen = strlen(suffix), i;
    size_t len = plen + ulen * count + slen;
    char *buf = xmalloc(len);
    memcpy(buf, prefix, plen);
    for (i = 0; i < count; i++) {
        memcpy(buf + plen + i * ulen, unit, ulen);
    }
    memcpy(buf + plen + ulen * count, suffix, slen);
    add_hostile(name, buf, len);
    free(buf);
}

static void build_hostile(void) {
    add_hostile("NULL", NULL, 0);
    ADD_LITERAL("empty", "");
    ADD_LITERAL("whitespace", " \t ");
    ADD_LITERAL("not JSON", "hello, union");
    ADD_LITERAL("unterminated object", "{\"question\":");
    ADD_LITERAL("closing brace", "}");
    ADD_LITERAL("JSON null", "null");
    ADD_LITERAL("JSON number", "42");
    ADD_LITERAL("JSON string", "\"catalog\"");
    ADD_LITERAL("JSON array", "[{\"question\":\"catalog\"}]");
    ADD_LITERAL("empty object", "{}");
    ADD_LITERAL("two objects", "{\"question\":\"catalog\"}{\"question\":\"catalog\"}");
    ADD_LITERAL("trailing comma", "{\"question\":\"catalog\",}");
    ADD_LITERAL("single quotes", "{'question':'catalog'}");
    ADD_LITERAL("question not a string", "{\"question\":5}");
    ADD_LITERAL("unknown question", "{\"question\":\"free_lunch\",\"facts\":{}}");
    ADD_LITERAL("facts not an object", "{\"question\":\"venue_subsidy\",\"facts\":[]}");
    ADD_LITERAL("invalid UTF-8 bytes", "{\"id\":\"\xff\xfe\",\"question\":\"catalog\"}");
    ADD_LITERAL("overlong UTF-8", "{\"id\":\"\xc0\xaf\",\"question\":\"catalog\"}");
    ADD_LITERAL("truncated UTF-8", "{\"id\":\"\xe5\xb7\",\"question\":\"catalog\"}");
    ADD_LITERAL("surrogate encoded in UTF-8", "{\"id\":\"\xed\xa0\x80\",\"question\":\"catalog\"}");
    ADD_LITERAL("lone high surrogate escaped", "{\"id\":\"\\ud800\",\"question\":\"catalog\"}");
    ADD_LITERAL("lone low surrogate escaped", "{\"id\":\"\\udc00\",\"question\":\"catalog\"}");
    ADD_LITERAL("raw control character", "{\"id\":\"a\x01\",\"question\":\"catalog\"}");
    ADD_LITERAL("NUL inside", "{\"question\":\"catalog\"}\0{\"question\":\"catalog\"}");
    ADD_LITERAL("only NUL", "\0");
    ADD_LITERAL("BOM then garbage", "\xef\xbb\xbfnot json");
    ADD_LITERAL("number beyond 2^53",
                "{\"question\":\"mutual_aid_subsidy\",\"facts\":{\"chains\":[\"steel\"],"
                "\"enrolled_years\":[2024,2025],\"year\":2025,"
                "\"premium_fen\":9007199254740993}}");
    ADD_LITERAL("negative money",
                "{\"question\":\"mutual_aid_subsidy\",\"facts\":{\"chains\":[\"steel\"],"
                "\"enrolled_years\":[2024,2025],\"year\":2025,\"premium_fen\":-1}}");
    ADD_LITERAL("huge exponent", "{\"question\":\"venue_subsidy\",\"facts\":{\"venue_kind\":"
                                 "\"village\",\"indoor_area_m2\":1e999999999}}");
    add_repeated("10 MB of digits", "", "1234567890", 1000000, "");
    add_repeated("10 MB number in a field",
                 "{\"question\":\"mutual_aid_subsidy\",\"facts\":{\"chains\":[\"steel\"],"
                 "\"enrolled_years\":[2024,2025],\"year\":2025,\"premium_fen\":",
                 "9999999999", 1000000, "}}");
    add_repeated("10 MB string id", "{\"id\":\"", "工会工会工会工会工会工", 300000,
                 "\",\"question\":\"catalog\"}");
    hostile[hostile_count - 1].may_decide = 1;
    add_repeated("deep nesting [[[[", "", "[", 1000000, "");
    add_repeated("deep nesting in facts", "{\"question\":\"catalog\",\"facts\":", "{\"a\":", 100000,
                 "");
    add_repeated("many keys", "{", "\"k\":1,", 20000, "\"question\":\"catalog\"}");
    hostile[hostile_count - 1].may_decide = 1;
}

static void free_hostile(void) {
    size_t i;
    for (i = 0; i < hostile_count; i++) {
        free(hostile[i].bytes);
    }
}

/* The answer of one hostile input through one entry point: must be an error object
 * (or, when `may_decide`, any JSON object). */
static void expect_error(char *answer, const char *entry, const char *name, int may_decide) {
    int has_error;
    size_t len;
    if (answer == NULL) {
        fail("%s(%s): NULL answer", entry, name);
        return;
    }
    len = strlen(answer);
    if (!parse_answer(answer, len, &has_error)) {
        fail("%s(%s): the answer is not one well-formed JSON object in UTF-8", entry, name);
        print_excerpt("got", answer, len);
    } else if (!has_error && !may_decide) {
        fail("%s(%s): the answer has no \"error\" object", entry, name);
        print_excerpt("got", answer, len);
    }
}

/* Evaluates every hostile input; *answers gets copies of the gonghui_evaluate_bytes
 * answers (caller frees), for the threads to compare with. */
static void test_hostile(char ***answers_out) {
    size_t i;
    char **answers = xmalloc(hostile_count * sizeof *answers);
    for (i = 0; i < hostile_count; i++) {
        const hostile_t *h = &hostile[i];
        char *by_bytes = gonghui_evaluate_bytes(h->bytes, h->len);
        expect_error(by_bytes, "gonghui_evaluate_bytes", h->name, h->may_decide);
        answers[i] = c_string(by_bytes ? by_bytes : "", by_bytes ? strlen(by_bytes) : 0);
        {
            size_t len;
            char *into = evaluate_into(h->bytes, h->len, 4096, &len);
            if (by_bytes != NULL && (len != strlen(by_bytes) || memcmp(into, by_bytes, len) != 0)) {
                fail("gonghui_evaluate_into(%s) and gonghui_evaluate_bytes differ", h->name);
            }
            free(into);
        }
        /* Through the NUL-terminated entry point, where a NUL cuts the request short. */
        if (h->bytes == NULL || memchr(h->bytes, '\0', h->len) == NULL) {
            char *by_c_string = gonghui_evaluate(h->bytes);
            expect_error(by_c_string, "gonghui_evaluate", h->name, h->may_decide);
            if (by_c_string != NULL && by_bytes != NULL && strcmp(by_c_string, by_bytes) != 0) {
                fail("gonghui_evaluate(%s) and gonghui_evaluate_bytes differ", h->name);
            }
            gonghui_string_free(by_c_string);
        }
        /* As the one line of a batch, when it is one line: the same answer plus "\n". */
        if (h->bytes != NULL && h->len > 0 && memchr(h->bytes, '\n', h->len) == NULL &&
            memchr(h->bytes, '\r', h->len) == NULL && by_bytes != NULL) {
            char *line = xmalloc(h->len + 1);
            char *batch;
            memcpy(line, h->bytes, h->len);
            line[h->len] = '\n';
            batch = gonghui_evaluate_batch(line, h->len + 1);
            free(line);
            if (batch == NULL) {
                fail("gonghui_evaluate_batch(%s): NULL answer", h->name);
            } else {
                size_t n = strlen(by_bytes);
                if (strlen(batch) != n + 1 || memcmp(batch, by_bytes, n) != 0 ||
                    batch[n] != '\n') {
                    fail("gonghui_evaluate_batch(%s): not the single answer and \"\\n\"",
                         h->name);
                    print_excerpt("single", by_bytes, n);
                    print_excerpt("batch ", batch, strlen(batch));
                }
                gonghui_string_free(batch);
            }
        }
        gonghui_string_free(by_bytes);
    }
    *answers_out = answers;
}

/* A batch whose every answer line must be an error object, `expected_lines` of them. */
static void expect_error_lines(const char *name, const char *bytes, size_t len,
                               size_t expected_lines) {
    char *batch = gonghui_evaluate_batch(bytes, len);
    line_t *lines;
    size_t count, i, batch_len;
    if (batch == NULL) {
        fail("gonghui_evaluate_batch(%s): NULL answer", name);
        return;
    }
    batch_len = strlen(batch);
    if (batch_len > 0 && batch[batch_len - 1] != '\n') {
        fail("gonghui_evaluate_batch(%s): the last answer line does not end with \"\\n\"", name);
    }
    count = split_lines(batch, batch_len, &lines);
    if (count != expected_lines) {
        fail("gonghui_evaluate_batch(%s): %zu answer lines, expected %zu", name, count,
             expected_lines);
        print_excerpt("got", batch, batch_len);
    }
    for (i = 0; i < count; i++) {
        int has_error;
        if (!parse_answer(lines[i].start, lines[i].len, &has_error) || !has_error) {
            fail("gonghui_evaluate_batch(%s): line %zu is not an error object", name, i + 1);
            print_excerpt("got", lines[i].start, lines[i].len);
        }
    }
    free(lines);
    gonghui_string_free(batch);
}

#define BATCH_LITERAL(name, literal, lines) expect_error_lines(name, literal, sizeof(literal) - 1, lines)

static void test_hostile_batches(void) {
    char *batch, *lf, *crlf;
    BATCH_LITERAL("two empty objects", "{}\n{}\n", 2);
    BATCH_LITERAL("no final newline", "{}\n{}", 2);
    BATCH_LITERAL("NUL in the middle", "{}\n{\"question\":\0\"catalog\"}\n{}\n", 3);
    BATCH_LITERAL("a NUL line", "{}\n\0\n{}\n", 3);
    BATCH_LITERAL("invalid UTF-8 line", "{}\n\xff\xfe\xfd\n{}\n", 3);
    BATCH_LITERAL("CRLF", "not json\r\n{\"question\":5}\r\n", 2);
    BATCH_LITERAL("lone surrogate line", "{\"id\":\"\\ud800\",\"question\":\"catalog\"}\n", 1);

    /* Nothing in, nothing out; NULL is an empty batch. */
    batch = gonghui_evaluate_batch("", 0);
    if (batch == NULL || batch[0] != '\0') {
        fail("gonghui_evaluate_batch(empty): expected an empty answer");
    }
    gonghui_string_free(batch);
    batch = gonghui_evaluate_batch(NULL, 12);
    if (batch == NULL || batch[0] != '\0') {
        fail("gonghui_evaluate_batch(NULL): expected an empty answer");
    }
    gonghui_string_free(batch);

    /* CRLF line ends answer as LF ones do. */
    lf = gonghui_evaluate_batch("{}\n{\"question\":\"catalog\"}\n", 26);
    crlf = gonghui_evaluate_batch("{}\r\n{\"question\":\"catalog\"}\r\n", 28);
    if (lf == NULL || crlf == NULL || strcmp(lf, crlf) != 0) {
        fail("gonghui_evaluate_batch: CRLF lines answered differently from LF lines");
    }
    gonghui_string_free(lf);
    gonghui_string_free(crlf);

    /* A large batch: 5,000 broken lines, one answer each. */
    {
        const char unit[] = "{\"question\":\"?\"}\n";
        size_t n = 5000, i, unit_len = sizeof(unit) - 1;
        char *big = xmalloc(n * unit_len);
        for (i = 0; i < n; i++) {
            memcpy(big + i * unit_len, unit, unit_len);
        }
        expect_error_lines("5,000 lines", big, n * unit_len, n);
        free(big);
    }

    /* NULL is accepted by gonghui_string_free. */
    gonghui_string_free(NULL);
}

/* ---- 4. Threads ------------------------------------------------------------------- */

#define THREADS 8

typedef struct {
    const corpus_t *corpus;
    char **corpus_answers; /* the single-threaded answers, in corpus order */
    char **hostile_answers;
    size_t mismatches;
} thread_job_t;

static void *thread_main(void *arg) {
    thread_job_t *job = arg;
    size_t i, j, k = 0;
    for (i = 0; i < job->corpus->count; i++) {
        const corpus_pair_t *pair = &job->corpus->pairs[i];
        for (j = 0; j < pair->count; j++) {
            const line_t *req = &pair->request_lines[j];
            char *answer = gonghui_evaluate_bytes(req->start, req->len);
            size_t len;
            char *into;
            if (answer == NULL || strcmp(answer, job->corpus_answers[k]) != 0) {
                job->mismatches++;
            }
            gonghui_string_free(answer);
            into = evaluate_into(req->start, req->len, 1024, &len);
            if (strcmp(into, job->corpus_answers[k++]) != 0) {
                job->mismatches++;
            }
            free(into);
        }
    }
    for (i = 0; i < hostile_count; i++) {
        /* The 10 MB inputs are slow under valgrind and add nothing here. */
        if (hostile[i].len < 100000) {
            char *answer = gonghui_evaluate_bytes(hostile[i].bytes, hostile[i].len);
            if (answer == NULL || strcmp(answer, job->hostile_answers[i]) != 0) {
                job->mismatches++;
            }
            gonghui_string_free(answer);
        }
    }
    return NULL;
}

static void test_threads(const corpus_t *corpus, char **hostile_answers) {
    pthread_t threads[THREADS];
    thread_job_t jobs[THREADS];
    char **corpus_answers = xmalloc(corpus->cases * sizeof *corpus_answers);
    size_t k = 0, p, j;
    int i;
    for (p = 0; p < corpus->count; p++) {
        for (j = 0; j < corpus->pairs[p].count; j++) {
            const line_t *req = &corpus->pairs[p].request_lines[j];
            char *answer = gonghui_evaluate_bytes(req->start, req->len);
            corpus_answers[k++] = c_string(answer, strlen(answer));
            gonghui_string_free(answer);
        }
    }
    for (i = 0; i < THREADS; i++) {
        jobs[i].corpus = corpus;
        jobs[i].corpus_answers = corpus_answers;
        jobs[i].hostile_answers = hostile_answers;
        jobs[i].mismatches = 0;
        if (pthread_create(&threads[i], NULL, thread_main, &jobs[i]) != 0) {
            fail("cannot start thread %d", i);
            threads[i] = pthread_self();
        }
    }
    for (i = 0; i < THREADS; i++) {
        if (!pthread_equal(threads[i], pthread_self())) {
            pthread_join(threads[i], NULL);
        }
        if (jobs[i].mismatches > 0) {
            fail("thread %d: %zu answers differ from the single-threaded ones", i,
                 jobs[i].mismatches);
        }
    }
    for (k = 0; k < corpus->cases; k++) {
        free(corpus_answers[k]);
    }
    free(corpus_answers);
}

/* ---- 5. Policy files ------------------------------------------------------------- */

/* How many times the `len` bytes at `buf` (not NUL-terminated) hold `needle`. */
static size_t occurrences(const char *buf, size_t len, const char *needle) {
    size_t n = strlen(needle), i, count = 0;
    for (i = 0; n <= len && i <= len - n; i++) {
        if (memcmp(buf + i, needle, n) == 0) {
            count++;
        }
    }
    return count;
}

/* dir/name, in a malloc'd string (caller frees). */
static char *join_path(const char *dir, const char *name) {
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = xmalloc(len);
    snprintf(path, len, "%s/%s", dir, name);
    return path;
}

/* Loads the policy file at `path`; NULL, with a failure, when it cannot be read or is
 * refused. */
static gonghui_policy *load_policy_file(const char *path) {
    size_t len;
    char *file = read_file(path, &len);
    char *error = (char *)"not set";
    gonghui_policy *policy;
    if (file == NULL) {
        fail("cannot read the policy file %s", path);
        return NULL;
    }
    policy = gonghui_policy_load((const uint8_t *)file, len, &error);
    free(file);
    if (policy == NULL) {
        fail("gonghui_policy_load(%s) refused it", path);
        if (error != NULL) {
            print_excerpt("problems", error, strlen(error));
        }
    } else if (error != NULL) {
        fail("gonghui_policy_load(%s) loaded it but left *error at %p", path, (void *)error);
    }
    gonghui_string_free(policy == NULL ? error : NULL);
    return policy;
}

/* One policy file's corpus, each request through the four entry points under it, the whole
 * file as one batch. */
static void test_policy_corpus(const gonghui_policy *policy, const corpus_pair_t *pair) {
    size_t j;
    for (j = 0; j < pair->count; j++) {
        const line_t *req = &pair->request_lines[j];
        const line_t *ans = &pair->answer_lines[j];
        char *request = c_string(req->start, req->len);
        size_t len;
        char *answer;
        expect_answer(gonghui_policy_evaluate(policy, request), ans->start, ans->len,
                      "policy_evaluate", pair->name, j + 1);
        free(request);
        expect_answer(gonghui_policy_evaluate_bytes(policy, req->start, req->len), ans->start,
                      ans->len, "policy_evaluate_bytes", pair->name, j + 1);
        answer = evaluate_into_under(policy, req->start, req->len, j % 2 ? 16 : 65536, &len);
        if (len != ans->len || memcmp(answer, ans->start, len) != 0) {
            fail("policy_evaluate_into %s line %zu: answer differs from the corpus", pair->name,
                 j + 1);
            print_excerpt("expected", ans->start, ans->len);
            print_excerpt("got     ", answer, len);
        }
        free(answer);
    }
    expect_answer(gonghui_policy_evaluate_batch(policy, pair->requests, pair->requests_len),
                  pair->answers, pair->answers_len, "policy_evaluate_batch", pair->name, 0);
}

typedef struct {
    const gonghui_policy *policy;
    const corpus_pair_t *pair;
    size_t mismatches;
} policy_job_t;

/* One of the threads sharing a handle: the corpus alone (bytes and a buffer) and as a batch,
 * twice over. */
static void *policy_thread_main(void *arg) {
    policy_job_t *job = arg;
    const corpus_pair_t *pair = job->pair;
    size_t round, j;
    for (round = 0; round < 2; round++) {
        char *batch;
        for (j = 0; j < pair->count; j++) {
            const line_t *req = &pair->request_lines[j];
            const line_t *ans = &pair->answer_lines[j];
            char *answer = gonghui_policy_evaluate_bytes(job->policy, req->start, req->len);
            size_t len;
            if (answer == NULL || strlen(answer) != ans->len ||
                memcmp(answer, ans->start, ans->len) != 0) {
                job->mismatches++;
            }
            gonghui_string_free(answer);
            answer = evaluate_into_under(job->policy, req->start, req->len, 1024, &len);
            if (len != ans->len || memcmp(answer, ans->start, len) != 0) {
                job->mismatches++;
            }
            free(answer);
        }
        batch = gonghui_policy_evaluate_batch(job->policy, pair->requests, pair->requests_len);
        if (batch == NULL || strlen(batch) != pair->answers_len ||
            memcmp(batch, pair->answers, pair->answers_len) != 0) {
            job->mismatches++;
        }
        gonghui_string_free(batch);
    }
    return NULL;
}

/* THREADS threads answer the corpus under one handle at once. */
static void test_policy_threads(const gonghui_policy *policy, const corpus_pair_t *pair) {
    pthread_t threads[THREADS];
    policy_job_t jobs[THREADS];
    int i;
    for (i = 0; i < THREADS; i++) {
        jobs[i].policy = policy;
        jobs[i].pair = pair;
        jobs[i].mismatches = 0;
        if (pthread_create(&threads[i], NULL, policy_thread_main, &jobs[i]) != 0) {
            fail("cannot start thread %d", i);
            threads[i] = pthread_self();
        }
    }
    for (i = 0; i < THREADS; i++) {
        if (!pthread_equal(threads[i], pthread_self())) {
            pthread_join(threads[i], NULL);
        }
        if (jobs[i].mismatches > 0) {
            fail("thread %d under %s: %zu answers differ from the corpus", i, pair->name,
                 jobs[i].mismatches);
        }
    }
}

/* The hostile requests under a handle: error objects as under the published policy (an
 * error names no policy), through the bytes and NUL-terminated entry points. */
static void test_hostile_under_policy(const gonghui_policy *policy, char **hostile_answers) {
    size_t i;
    for (i = 0; i < hostile_count; i++) {
        const hostile_t *h = &hostile[i];
        char *answer = gonghui_policy_evaluate_bytes(policy, h->bytes, h->len);
        expect_error(answer, "gonghui_policy_evaluate_bytes", h->name, h->may_decide);
        if (!h->may_decide && answer != NULL && strcmp(answer, hostile_answers[i]) != 0) {
            fail("gonghui_policy_evaluate_bytes(%s): not the published policy's error answer",
                 h->name);
        }
        gonghui_string_free(answer);
        if (h->bytes == NULL || memchr(h->bytes, '\0', h->len) == NULL) {
            answer = gonghui_policy_evaluate(policy, h->bytes);
            expect_error(answer, "gonghui_policy_evaluate", h->name, h->may_decide);
            gonghui_string_free(answer);
        }
    }
}

/* A refused file: NULL, and *error one JSON object with the code invalid_policy (when
 * `expected` is not NULL, exactly those bytes). Also loaded with a NULL `error`, which must
 * leak nothing. */
static void expect_refused(const char *name, const char *bytes, size_t len,
                           const char *expected, size_t expected_len) {
    static const char PREFIX[] = "{\"error\":{\"code\":\"invalid_policy\",\"field\":null,";
    char *error = (char *)"not set";
    int has_error;
    gonghui_policy *policy = gonghui_policy_load((const uint8_t *)bytes, len, &error);
    if (policy != NULL) {
        fail("gonghui_policy_load(%s) loaded it", name);
        gonghui_policy_free(policy);
    }
    if (error == NULL) {
        fail("gonghui_policy_load(%s): no problems in *error", name);
        return;
    }
    if (!parse_answer(error, strlen(error), &has_error) || !has_error ||
        strncmp(error, PREFIX, sizeof(PREFIX) - 1) != 0 || strstr(error, "\"problems\":[{") == NULL) {
        fail("gonghui_policy_load(%s): *error is not an invalid_policy object with problems",
             name);
        print_excerpt("got", error, strlen(error));
    }
    if (expected != NULL && (strlen(error) != expected_len || memcmp(error, expected, expected_len))) {
        fail("gonghui_policy_load(%s): the problems differ from the expected ones", name);
        print_excerpt("expected", expected, expected_len);
        print_excerpt("got     ", error, strlen(error));
    }
    gonghui_string_free(error);
    policy = gonghui_policy_load((const uint8_t *)bytes, len, NULL);
    if (policy != NULL) {
        fail("gonghui_policy_load(%s, error NULL) loaded it", name);
        gonghui_policy_free(policy);
    }
}

/* The broken example: every problem, byte for byte those of broken-example.problems.json. */
static size_t test_broken_policy(const char *dir) {
    char *path = join_path(dir, "broken-example.json");
    char *expected_path = join_path(dir, "broken-example.problems.json");
    size_t len, expected_len, problems = 0;
    char *file = read_file(path, &len);
    char *expected = read_file(expected_path, &expected_len);
    if (file == NULL || expected == NULL || expected_len == 0 ||
        expected[expected_len - 1] != '\n') {
        fail("cannot read %s and %s (ending with a newline)", path, expected_path);
    } else {
        expect_refused("broken-example.json", file, len, expected, expected_len - 1);
        problems = occurrences(expected, expected_len, "{\"field\":");
    }
    free(file);
    free(expected);
    free(path);
    free(expected_path);
    return problems;
}

#define REFUSED_LITERAL(name, literal) expect_refused(name, literal, sizeof(literal) - 1, NULL, 0)

/* Files that are no policy at all: each refused with its problems, nothing loaded, nothing
 * leaked. Returns how many. */
static size_t test_hostile_policies(void) {
    size_t big = 10 * 1000 * 1000, count = 0;
    char *huge = xmalloc(big);
    expect_refused("NULL", NULL, 0, NULL, 0), count++;
    expect_refused("NULL with a length", NULL, 42, NULL, 0), count++;
    REFUSED_LITERAL("empty", ""), count++;
    REFUSED_LITERAL("not UTF-8", "{\"policy\":\"\xff\xfe\"}"), count++;
    REFUSED_LITERAL("not JSON", "policy, please"), count++;
    REFUSED_LITERAL("an array", "[]"), count++;
    REFUSED_LITERAL("an empty object", "{}"), count++;
    REFUSED_LITERAL("a NUL byte", "{\"policy\":\0\"x\"}"), count++;
    memset(huge, ' ', big);
    expect_refused("10 MB of spaces", huge, big, NULL, 0), count++;
    memset(huge, '[', big / 10);
    expect_refused("[[[[ a million deep", huge, big / 10, NULL, 0), count++;
    free(huge);
    return count;
}

/* A NULL handle gets no answer; freeing NULL or the published handle does nothing. */
static void test_null_and_published_handles(const corpus_t *corpus) {
    const gonghui_policy *published = gonghui_policy_published();
    char buffer[16];
    size_t i;
    if (gonghui_policy_evaluate(NULL, "{}") != NULL ||
        gonghui_policy_evaluate_bytes(NULL, "{}", 2) != NULL ||
        gonghui_policy_evaluate_batch(NULL, "{}\n", 3) != NULL ||
        gonghui_policy_evaluate_into(NULL, "{}", 2, buffer, sizeof buffer) != 0 ||
        gonghui_policy_id(NULL) != NULL || gonghui_policy_digest(NULL) != NULL) {
        fail("a NULL handle got an answer");
    }
    gonghui_policy_free(NULL);
    if (published == NULL || published != gonghui_policy_published()) {
        fail("gonghui_policy_published() is not one static handle");
        return;
    }
    gonghui_policy_free((gonghui_policy *)published);
    if (gonghui_policy_id(published) == NULL ||
        strcmp(gonghui_policy_id(published), "jiangxi-1269") != 0 ||
        strncmp(gonghui_policy_digest(published), "sha256:", 7) != 0 ||
        strlen(gonghui_policy_digest(published)) != 7 + 64) {
        fail("the published handle's id or digest is not the published policy's");
    }
    /* The published handle answers the conformance corpus, each file as a batch. */
    for (i = 0; i < corpus->count; i++) {
        const corpus_pair_t *pair = &corpus->pairs[i];
        expect_answer(gonghui_policy_evaluate_batch(published, pair->requests, pair->requests_len),
                      pair->answers, pair->answers_len, "published handle: evaluate_batch",
                      pair->name, 0);
    }
}

typedef struct {
    size_t files, cases, hostile_files, problems;
} policy_counts_t;

/* Every pair of POLICY_CORPUS_DIR, answered under POLICY_FILES_DIR/STEM.json. */
static void test_policies(const char *corpus_dir, const char *files_dir,
                          char **hostile_answers, policy_counts_t *counts) {
    corpus_t policies;
    size_t i;
    load_corpus(corpus_dir, &policies);
    if (policies.count == 0) {
        fail("no policy corpus in %s", corpus_dir);
    }
    for (i = 0; i < policies.count; i++) {
        const corpus_pair_t *pair = &policies.pairs[i];
        size_t name_len = strlen(pair->name);
        char *file_name = xmalloc(name_len + 6);
        char *path;
        gonghui_policy *policy;
        memcpy(file_name, pair->name, name_len);
        memcpy(file_name + name_len, ".json", 6);
        path = join_path(files_dir, file_name);
        free(file_name);
        policy = load_policy_file(path);
        free(path);
        if (policy == NULL) {
            continue;
        }
        if (gonghui_policy_id(policy) == NULL || strcmp(gonghui_policy_id(policy), pair->name) != 0) {
            fail("the policy of %s has the id \"%s\"", pair->name,
                 gonghui_policy_id(policy) ? gonghui_policy_id(policy) : "(null)");
        }
        if (gonghui_policy_digest(policy) == NULL ||
            strlen(gonghui_policy_digest(policy)) != 7 + 64 ||
            occurrences(pair->answers, pair->answers_len, gonghui_policy_digest(policy)) == 0) {
            fail("the policy of %s has a digest its answers do not carry", pair->name);
        }
        test_policy_corpus(policy, pair);
        test_policy_threads(policy, pair);
        test_hostile_under_policy(policy, hostile_answers);
        gonghui_policy_free(policy);
        counts->files++;
        counts->cases += pair->count;
    }
    free_corpus(&policies);
    counts->problems = test_broken_policy(corpus_dir);
    counts->hostile_files = test_hostile_policies();
}

int main(int argc, char **argv) {
    corpus_t corpus;
    char **hostile_answers;
    policy_counts_t policy_counts = {0, 0, 0, 0};
    size_t i;
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: %s CORPUS_DIR [POLICY_CORPUS_DIR POLICY_FILES_DIR]\n", argv[0]);
        return 2;
    }
    test_version();
    /* NULL and 0 ask for the answer's length alone. */
    {
        char *empty = gonghui_evaluate_bytes(NULL, 0);
        if (gonghui_evaluate_into(NULL, 0, NULL, 0) != strlen(empty)) {
            fail("gonghui_evaluate_into(NULL, 0, NULL, 0) is not the length of the answer");
        }
        gonghui_string_free(empty);
    }
    load_corpus(argv[1], &corpus);
    test_corpus(&corpus);
    build_hostile();
    test_hostile(&hostile_answers);
    test_hostile_batches();
    test_threads(&corpus, hostile_answers);
    test_null_and_published_handles(&corpus);
    if (argc == 4) {
        test_policies(argv[2], argv[3], hostile_answers, &policy_counts);
        printf("C, policy files: %zu cases under %zu file(s) (alone through the four entry "
               "points under a handle, and as batches), %d threads sharing one handle, the "
               "hostile inputs under it, the broken file's %zu problems byte for byte, %zu "
               "hostile files refused, NULL and the published handle: %s\n",
               policy_counts.cases, policy_counts.files, THREADS, policy_counts.problems,
               policy_counts.hostile_files, failures ? "FAILED" : "all passed");
    }

    printf("C: %zu corpus cases from %zu pairs (alone through the three entry points, and as "
           "batches), %zu hostile inputs, %d threads: %s\n",
           corpus.cases, corpus.count, hostile_count, THREADS,
           failures ? "FAILED" : "all passed");
    for (i = 0; i < hostile_count; i++) {
        free(hostile_answers[i]);
    }
    free(hostile_answers);
    free_hostile();
    free_corpus(&corpus);
    return failures ? 1 : 0;
}
