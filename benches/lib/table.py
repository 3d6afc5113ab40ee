"""Prints the table of docs/PERFORMANCE.md from the figures benches/run-all.sh
collected (target/bench/figures.tsv: key, value): every figure with the command
that reproduces it, and each target with its ratio and whether it is met. A
figure not measured yet shows as "–".

    python3 table.py FIGURES_TSV
"""

import sys

CORE = "cargo bench -p gonghui --bench decide"
QUESTIONS = [
    ("venue", "venue_subsidy"),
    ("model_union", "model_union_award"),
    ("mutual_aid", "mutual_aid_subsidy"),
    ("nomination", "nomination_share"),
    ("studio", "studio_quota"),
    ("progress", "action_progress"),
]


def load(path):
    figures = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            if value:
                figures[key] = float(value)
    return figures


def rate(x):
    if x is None:
        return "–"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if x >= scale:
            return f"{x / scale:.3g} {unit}/s"
    return f"{x:.3g} /s"


def per(x):
    """Time per decision of a rate."""
    if not x:
        return "–"
    ns = 1e9 / x
    return f"{ns:.3g} ns" if ns < 1000 else f"{ns / 1000:.3g} µs"


def main():
    f = load(sys.argv[1])
    if f.get("openfisca_single_us"):
        f["openfisca_single_per_s"] = 1e6 / f["openfisca_single_us"]
    g = f.get
    rows = []

    def row(what, value, time, command):
        rows.append((what, value, time, command))

    row("plain function of the rule (the floor), 1,000,000 mutual-aid cases",
        rate(g("core_mutual_aid_million.plain_function_per_s")),
        per(g("core_mutual_aid_million.plain_function_per_s")), f"{CORE} mutual_aid_million")
    row("the same rule without a branch (headroom of a batch API, not a target)",
        rate(g("core_mutual_aid_million.plain_function_branchless_per_s")),
        per(g("core_mutual_aid_million.plain_function_branchless_per_s")), f"{CORE} mutual_aid_million")
    row("typed: `mutual_aid::decide` over 1,000,000 pre-built `MutualAidFacts`",
        rate(g("core_mutual_aid_million.typed_per_s")),
        per(g("core_mutual_aid_million.typed_per_s")), f"{CORE} mutual_aid_million")
    row("typed batch: `mutual_aid::amounts` over the same 1,000,000 `MutualAidFacts`",
        rate(g("core_mutual_aid_million.typed_batch_per_s")),
        per(g("core_mutual_aid_million.typed_batch_per_s")), f"{CORE} mutual_aid_million")
    row("typed batch by column: `mutual_aid::Cases` of the same 1,000,000 cases",
        rate(g("core_mutual_aid_million.typed_columns_per_s")),
        per(g("core_mutual_aid_million.typed_columns_per_s")), f"{CORE} mutual_aid_million")
    for short, question in QUESTIONS:
        key = f"core_typed.{short}_per_s"
        row(f"typed `{short}::decide` ({question}, the population's facts)", rate(g(key)),
            per(g(key)), f"{CORE} typed::{short}")
    for short, question in QUESTIONS:
        key = f"core_evaluate_json.{short}_per_s"
        row(f"`evaluate_json` {question} (half zh, half en)", rate(g(key)), per(g(key)),
            f"{CORE} evaluate_json::{short}")
    for stage, label in [
        ("parse", "`Request::from_json` (read the request)"),
        ("decide", "`Parameters::decide` (typed, through the question)"),
        ("decide_explain", "decide + `explain` (the steps' texts)"),
        ("answer", "`Policy::answer` (decide, explain, write the JSON)"),
        ("evaluate_json", "`evaluate_json` (all of it)"),
        ("evaluate_json_zh", "`evaluate_json`, Chinese answers only"),
    ]:
        key = f"core_mutual_aid_stages.{stage}_per_s"
        row(f"mutual aid, stage: {label}", rate(g(key)), per(g(key)),
            f"{CORE} mutual_aid_stages::{stage}")
    for key, label, command in [
        ("peers_floor_per_s", "peers run: plain function, 1,000,000 cases", "benches/peers/run.sh"),
        ("peers_typed_per_s", "peers run: gonghui typed", "benches/peers/run.sh"),
        ("peers_evaluate_json_per_s", "peers run: gonghui `evaluate_json`, full explanation", "benches/peers/run.sh"),
        ("peers_zen_per_s", "peers run: zen-engine 2.1.6, table + expression, precompiled, no explanation", "benches/peers/run.sh"),
        ("openfisca_gonghui_typed_per_s", "OpenFisca run: gonghui typed (`mutual_aid::decide` each)", "benches/peers/openfisca.sh"),
        ("openfisca_gonghui_batch_per_s", "OpenFisca run: gonghui typed batch (`mutual_aid::amounts`)", "benches/peers/openfisca.sh"),
        ("openfisca_gonghui_columns_per_s", "OpenFisca run: gonghui typed batch by column (`mutual_aid::Cases`)", "benches/peers/openfisca.sh"),
        ("openfisca_vectorised_per_s", "OpenFisca-Core 46.0.1, vectorised calculate, 1,000,000 cases", "benches/peers/openfisca.sh"),
        ("openfisca_single_per_s", "OpenFisca-Core 46.0.1, one case (build the simulation + calculate)", "benches/peers/openfisca.sh"),
        ("eval_jobs1_lines_per_s", "`gonghui eval`, 1,000,000 lines, one thread", "benches/eval.sh 1"),
        ("eval_jobs2_lines_per_s", "`gonghui eval --jobs 2`, 1,000,000 lines", "benches/eval.sh 2"),
        ("core_bindings_native.c_java_evaluate_json_per_s", "native `evaluate_json`, the C/Java bench's 10,000 requests", f"{CORE} bindings_native"),
        ("core_bindings_native.c_java_evaluate_lines_per_s", "native `evaluate_lines`, the same as one batch", f"{CORE} bindings_native"),
        ("core_bindings_native.js_evaluate_json_per_s", "native `evaluate_json`, the Node bench's 1,000 requests", f"{CORE} bindings_native"),
        ("core_bindings_native.js_evaluate_lines_per_s", "native `evaluate_lines`, the same as one batch", f"{CORE} bindings_native"),
    ]:
        row(label, rate(g(key)), per(g(key)), command)
    for key, label in [
        ("c_evaluate_us", "C `gonghui_evaluate`, one call a request"),
        ("c_into_us", "C `gonghui_evaluate_into`, one call a request (a reused buffer)"),
        ("c_batch_us", "C `gonghui_evaluate_batch`, per request (batch of 10,000)"),
        ("java_bytes_us", "Java `Gonghui.evaluateBytes`, one call a request"),
        ("java_batch_bytes_us", "Java `Gonghui.evaluateBatchBytes`, per request (batch of 10,000)"),
        ("java_batch_to_us", "Java `Gonghui.evaluateBatchTo` (JSON Lines to a stream), per request (10,000)"),
        ("java_evaluate_us", "Java `Gonghui.evaluate` (strings), one call a request"),
        ("java_batch_us", "Java `Gonghui.evaluateBatch` (strings), per request (batch of 10,000)"),
        ("java_encode_us", "the JVM alone: a request to UTF-8 (`Utf8.encode`)"),
        ("java_decode_us", "the JVM alone: an answer to a `String` (`new String(bytes, UTF_8)`)"),
        ("java_jna_direct_us", "JNA direct mapping: `gonghui_evaluate_into` alone"),
        ("java_jna_proxy_us", "JNA interface mapping: the same call"),
        ("java_jna_returning_us", "JNA direct: `gonghui_evaluate_bytes` + `gonghui_string_free` (no copy)"),
        ("java_json_lines_us", "Java, one `gonghui_evaluate_batch` call for all, decoded (no cutting)"),
    ]:
        us = g(key)
        row(label, rate(1e6 / us) if us else "–", f"{us:.3g} µs" if us else "–", "bindings/java/bench.sh")
    for prefix, build in (("wasm", "Node build"), ("wasm_web", "browsers' build")):
        command = "scripts/build-wasm.sh && node bindings/js/bench/evaluate.mjs 2 " + (
            "node" if prefix == "wasm" else "web")
        for key, label in [
            ("bytes_per_s", "`evaluateBytes(Uint8Array)`"),
            ("evaluate_per_s", "`evaluate(string)`"),
            ("object_per_s", "`evaluateObject(object)`"),
            ("batch_per_s", "`evaluateBatch` (1,000 lines)"),
        ]:
            row(f"WASM in Node, {build}: {label}", rate(g(f"{prefix}_{key}")), per(g(f"{prefix}_{key}")), command)
    for key, label in [
        ("wasm_encode_per_s", "Node alone: a request to UTF-8 (`TextEncoder.encodeInto`)"),
        ("wasm_decode_per_s", "Node alone: an answer to a string (`TextDecoder.decode`)"),
        ("wasm_buffer_per_s", "Node alone: an answer's bytes into a `Buffer` (`Buffer.from`, as `evaluateBytes` does)"),
    ]:
        row(label, rate(g(key)), per(g(key)), "node bindings/js/bench/evaluate.mjs 2 node")
    for mode in ("evaluate_json", "answer", "parse", "explain", "typed"):
        n = g(f"callgrind_{mode}_instructions")
        row(f"callgrind: instructions per mutual-aid request, `{mode}`",
            f"{n:,.0f}" if n else "–", "", f"benches/profile.sh {mode}")

    print("| figure | decisions/s | per decision | command |")
    print("|---|---:|---:|---|")
    for what, value, time, command in rows:
        print(f"| {what} | {value} | {time} | `{command}` |")

    def ratio(a, b):
        return a / b if a and b else None

    def fmt(x, unit="×"):
        return "–" if x is None else f"{x:.2f}{unit}" if x < 10 else f"{x:.1f}{unit}"

    def met(ok):
        return "–" if ok is None else ("**met**" if ok else "not met")

    targets = []
    # Time ratios (how many times the time of the reference) and speed ratios.
    t = ratio(g("core_mutual_aid_million.plain_function_per_s"), g("core_mutual_aid_million.typed_per_s"))
    targets.append(("typed path vs the plain function (time, 1,000,000 cases)", fmt(t), "≤ 3×",
                    met(t is not None and t <= 3) if t else "–"))
    ns = 1e9 / g("core_mutual_aid_million.typed_per_s") if g("core_mutual_aid_million.typed_per_s") else None
    targets.append(("typed path, time a decision", "–" if ns is None else f"{ns:.1f} ns", "≤ about 15 ns",
                    met(ns <= 15) if ns else "–"))
    r = ratio(g("peers_evaluate_json_per_s"), g("peers_zen_per_s"))
    targets.append(("`evaluate_json` with full explanation vs ZEN without (speed)", fmt(r), "≥ 5×",
                    met(r >= 5) if r else "–"))
    r = ratio(g("openfisca_gonghui_columns_per_s") or g("openfisca_gonghui_batch_per_s"), g("openfisca_vectorised_per_s"))
    targets.append(("typed batch of 1,000,000 vs OpenFisca vectorised (speed)", fmt(r), "≥ 10×",
                    met(r >= 10) if r else "–"))
    e1, e2 = g("eval_jobs1_lines_per_s"), g("eval_jobs2_lines_per_s")
    targets.append(("`gonghui eval`, one core", rate(e1).replace("/s", " lines/s"), "≥ 500 k lines/s",
                    met(e1 >= 500_000) if e1 else "–"))
    s = ratio(e2, e1)
    targets.append(("`gonghui eval --jobs 2` vs one thread (speed)", fmt(s), "near 2× (near-linear)",
                    met(s >= 1.8) if s else "–"))
    js_native = g("core_bindings_native.js_evaluate_json_per_s")
    w = ratio(js_native, g("wasm_bytes_per_s"))
    targets.append(("Node `evaluateBytes` vs native `evaluate_json` (time, same requests)", fmt(w), "≤ 2×",
                    met(w <= 2) if w else "–"))
    # The string API against native plus what Node itself spends on the strings: encoding
    # the request and decoding the answer (time per request, so the times add).
    boundary = (1 / g("wasm_encode_per_s") + 1 / g("wasm_decode_per_s")
                if g("wasm_encode_per_s") and g("wasm_decode_per_s") else None)
    w = ratio(1 / g("wasm_evaluate_per_s") if g("wasm_evaluate_per_s") else None,
              1 / js_native + boundary if js_native and boundary else None)
    targets.append(("Node `evaluate(string)` vs native `evaluate_json` + Node's encoding and decoding (time)",
                    fmt(w), "≤ 1.2×", met(w <= 1.2) if w else "–"))
    native_one = g("core_bindings_native.c_java_evaluate_json_per_s")
    native_batch = g("core_bindings_native.c_java_evaluate_lines_per_s")
    us = g("c_batch_us")
    c = us * native_batch / 1e6 if us and native_batch else None
    targets.append(("C batch vs native `evaluate_lines`, per request (time)", fmt(c), "≤ 1.5×",
                    met(c <= 1.5) if c else "–"))
    for key, label in (("java_batch_to_us", "Java bytes batch to a stream, `evaluateBatchTo`"),
                       ("java_batch_bytes_us", "Java bytes batch as a list, `evaluateBatchBytes`")):
        us = g(key)
        c = us * native_one / 1e6 if us and native_one else None
        targets.append((f"{label}, vs native `evaluate_json` per request (time)", fmt(c), "≤ 1.5×",
                        met(c <= 1.5) if c else "–"))
    jvm = (g("java_encode_us") or 0) + (g("java_decode_us") or 0)
    for key, label in (("java_evaluate_us", "Java `evaluate`"), ("java_batch_us", "Java `evaluateBatch`")):
        us = g(key)
        c = us / (1e6 / native_one + jvm) if us and native_one and jvm else None
        targets.append((f"{label} (strings) vs native `evaluate_json` + the JVM's encoding and decoding (time)",
                        fmt(c), "≤ 1.2×", met(c <= 1.2) if c else "–"))
    for key, label in (("c_evaluate_us", "C one call"), ("java_bytes_us", "Java `evaluateBytes`, one call")):
        us = g(key)
        c = us * native_one / 1e6 if us and native_one else None
        targets.append((f"{label} vs native `evaluate_json` (time; no target)", fmt(c), "–", "–"))
    print()
    print("| target | measured | target | |")
    print("|---|---:|---:|---|")
    for what, value, target, ok in targets:
        print(f"| {what} | {value} | {target} | {ok} |")


if __name__ == "__main__":
    main()
