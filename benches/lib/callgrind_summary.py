"""Summarises a callgrind profile of benches/profile.sh for the table of
docs/PERFORMANCE.md: instructions per request spent in each kind of work
(exclusive cost of the functions, grouped by what they do), and the inclusive
cost of gonghui's own stages.

    python3 callgrind_summary.py CALLGRIND_OUT REQUESTS [TOP]
"""

import re
import subprocess
import sys
from collections import defaultdict

# What each function does, by the first pattern its symbol matches.
KINDS = [
    ("allocator (malloc, free, realloc)", r"malloc|free|realloc|_int_|tcache|consolidate|__rust_(alloc|dealloc|realloc)|alloc::alloc|unlink_chunk"),
    ("memcpy / memmove / memset / memcmp / strlen", r"mem(cpy|move|set|cmp)|strlen|__memcmp"),
    ("std::fmt (format!, write!, Display)", r"core::fmt|fmt::write|Formatter|<alloc::string::String as core::fmt::Write>|pad_integral|fmt::num"),
    ("serde_json Value: building, BTreeMap, dropping", r"serde_json::value|BTreeMap|btree|drop_in_place<serde_json"),
    ("serde_json parsing (strings, numbers, syntax)", r"serde_json::(de|read)|ParserNumber|parse_str|parse_any_number|deserialize_any"),
    ("serde_json serializing", r"serde_json::ser|Serializer|format_escaped_str|serialize_"),
    ("sha2 / hex (the stamp's digest)", r"sha2|Sha256|compress|hex"),
    ("dropping (drop_in_place)", r"drop_in_place"),
]

# gonghui's stages, inclusive.
STAGES = [
    ("Request::from_json (read the text)", r"Request::from_json"),
    ("  of which Request::from_value (Value to typed facts)", r"Request::from_value"),
    ("the answer: decide, explain, write the JSON", r"Policy>::answer|DecisionAnswer::(write|to_json)"),
    ("  of which the explanation's steps", r"explain_to|Decision::explain"),
]


def rows(path, inclusive):
    out = subprocess.run(
        ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100",
         "--auto=no", path],
        capture_output=True, text=True, check=True,
    ).stdout
    # The function table: after the header naming "file:function", up to the
    # first blank line.
    table = out.split("file:function", 1)[-1].split("\n\n", 1)[0]
    for line in table.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if m and "PROGRAM TOTALS" not in line:
            cost = int(m.group(1).replace(",", ""))
            name = re.sub(r" \[[^\]]*\]$", "", m.group(2))
            name = name.split(":", 1)[1] if ":" in name and not name.startswith("<") else name
            yield cost, name


def main():
    path, requests = sys.argv[1], int(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    exclusive = list(rows(path, False))
    total = sum(c for c, _ in exclusive)
    kinds = defaultdict(int)
    functions = defaultdict(int)
    for cost, name in exclusive:
        functions[name] += cost
        kind = next((k for k, p in KINDS if re.search(p, name)), None)
        kinds[kind or "gonghui's own code and the rest"] += cost
    print(f"  {total / requests:,.0f} instructions a request ({total:,} for {requests})")
    print("  by kind of work (exclusive):")
    for kind, cost in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"    {cost / requests:>8,.0f}  {100 * cost / total:5.1f}%  {kind}")
    inclusive = defaultdict(int)
    for cost, name in rows(path, True):
        inclusive[name] = max(inclusive[name], cost)
    print("  gonghui's stages (inclusive):")
    for label, pattern in STAGES:
        cost = max((c for n, c in inclusive.items() if re.search(pattern, n)), default=0)
        if cost:
            print(f"    {cost / requests:>8,.0f}  {100 * cost / total:5.1f}%  {label}")
    print(f"  the {top} costliest functions (exclusive):")
    for name, cost in sorted(functions.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {cost / requests:>8,.0f}  {100 * cost / total:5.1f}%  {name[:110]}")


if __name__ == "__main__":
    main()
