#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target from the conformance corpus
# (tests/conformance/*.requests.jsonl) into fuzz/corpus/TARGET/, one file per
# input named by its SHA-1 as libFuzzer names its own, so that running it again
# adds nothing and the inputs libFuzzer found beside them are kept.
#   evaluate, ffi: each request line alone;
#   lines, ffi:    the lines three by three (few enough that a run stays fast),
#                  every other group with CRLF line ends; for lines, after the
#                  two bytes that set the reader's limit (1021 bytes) and
#                  buffer (8 bytes);
#   policy:        the published policy file and the example revision
#                  (examples/policies), whole; one nested too deep; one cut
#                  short.
set -euo pipefail
cd "$(dirname "$0")"
corpus=../tests/conformance
policies=(../crates/gonghui/policy/jiangxi-1269.json ../examples/policies/*.json)

put() { # put TARGET: standard input into corpus/TARGET/<sha1>
    local tmp dir=corpus/$1
    mkdir -p "$dir"
    tmp=$(mktemp "$dir/.seed.XXXXXX")
    cat >"$tmp"
    mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -d' ' -f1)"
}

for file in "$corpus"/*.requests.jsonl; do
    n=0 group=""
    while IFS= read -r line || [ -n "$line" ]; do
        printf '%s' "$line" | put evaluate
        printf '%s' "$line" | put ffi
        n=$((n + 1))
        [ $((n / 3 % 2)) -eq 0 ] && group+="$line"$'\n' || group+="$line"$'\r\n'
        if [ $((n % 3)) -eq 0 ]; then
            printf '%s' "$group" | put ffi
            { printf '\xff\x07'; printf '%s' "$group"; } | put lines
            group=""
        fi
    done <"$file"
done

for file in "${policies[@]}"; do
    put policy <"$file"
done
# Hostile shapes: nested far deeper than allowed, and a file cut short.
printf '%*s' 300 '' | tr ' ' '[' | put policy
head -c 10000 "${policies[0]}" | put policy
