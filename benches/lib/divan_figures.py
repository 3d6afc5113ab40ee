"""Reads divan's table (the output of `cargo bench -p gonghui --bench decide`)
from standard input and prints one `figure` line per benchmark: its median
throughput in decisions per second, named by its path in the tree
(`core_typed.mutual_aid_per_s`), for benches/run-all.sh.
"""

import re
import sys

UNITS = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}


def main():
    path = []  # (depth, name)
    pending = None
    for line in sys.stdin:
        line = line.rstrip("\n")
        if pending is not None:
            # fastest, slowest, median, mean (the tree's drawing before them
            # uses the same bars as the columns, so count the figures instead).
            rates = re.findall(r"([\d.]+) ([KMG]?)item/s", line)
            if len(rates) == 4:
                value, unit = rates[2]
                print(f"figure\tcore_{pending}_per_s\t{float(value) * UNITS[unit]:.0f}")
            pending = None
            continue
        m = re.match(r"^([│ ]*)[├╰]─ (\S+)\s+(.*)$", line)
        if not m:
            continue
        depth = len(m.group(1)) // 3
        path = [p for p in path if p[0] < depth] + [(depth, m.group(2))]
        if re.match(r"[\d.]+ (ns|µs|ms|s)\b", m.group(3)):
            names = [n for _, n in path if n not in ("common", "suite")]
            pending = ".".join(names)


if __name__ == "__main__":
    main()
