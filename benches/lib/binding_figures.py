"""Reads the output of the bindings' benchmarks (bindings/java/bench.sh: the C and the Java
benchmark; bindings/js/bench/evaluate.mjs) from standard input and prints their figures
for benches/run-all.sh: `figure<TAB>key<TAB>value` lines, microseconds a request for C and
Java (the median round, wall time), requests a second for Node (the median run).

    python3 binding_figures.py c-java
    python3 binding_figures.py wasm PREFIX     # PREFIX: wasm (the Node build), wasm_web
"""

import re
import sys

C_JAVA = {
    "gonghui_evaluate": "c_evaluate_us",
    "gonghui_evaluate_batch": "c_batch_us",
    "gonghui_evaluate_into": "c_into_us",
    "Gonghui.evaluateBytes": "java_bytes_us",
    "Gonghui.evaluateBatchBytes": "java_batch_bytes_us",
    "Gonghui.evaluateBatchTo": "java_batch_to_us",
    "Gonghui.evaluate": "java_evaluate_us",
    "Gonghui.evaluateBatch": "java_batch_us",
    "JVM: encode the request": "java_encode_us",
    "JVM: decode the answer": "java_decode_us",
    "JNA direct: evaluate_into": "java_jna_direct_us",
    "JNA proxy: evaluate_into": "java_jna_proxy_us",
    "JNA direct: evaluate_bytes+free": "java_jna_returning_us",
    "JSON Lines: one native call": "java_json_lines_us",
}

NODE = {
    "evaluateBytes(Uint8Array)": "bytes_per_s",
    "evaluate(string)": "evaluate_per_s",
    "evaluateObject(object)": "object_per_s",
    "evaluateBatch(1,000 lines)": "batch_per_s",
    "Node: TextEncoder.encodeInto request": "encode_per_s",
    "Node: TextDecoder.decode answer": "decode_per_s",
    "Node: Buffer.from answer": "buffer_per_s",
}


def main():
    kind = sys.argv[1]
    for line in sys.stdin:
        if kind == "c-java":
            m = re.match(r"^  (\S.*?\S) +([0-9.]+) us", line)
            if m and m.group(1) in C_JAVA:
                print(f"figure\t{C_JAVA[m.group(1)]}\t{m.group(2)}")
        else:
            m = re.match(r"^(\S.*?\S) +[0-9,]+ requests/s \(median ([0-9,]+)", line)
            if m and m.group(1) in NODE:
                print(f"figure\t{sys.argv[2]}_{NODE[m.group(1)]}\t{m.group(2).replace(',', '')}")


if __name__ == "__main__":
    main()
