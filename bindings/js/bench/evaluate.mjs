// How many mutual-aid requests a second each API answers in Node, beside what Node itself
// spends encoding a request to UTF-8, decoding an answer, and copying an answer's bytes out
// of the module into a Buffer (a benchmark, not a test: nothing here passes or fails). Run
// after scripts/build-wasm.sh:
//
//   node bindings/js/bench/evaluate.mjs [SECONDS_PER_RUN] [node|web]
//
// `node` (the default) measures the package as Node loads it (pkg/node, the build for
// speed); `web` measures the browsers' build (pkg/web, the build for size) in Node.
// The requests are 1,000 distinct mutual-aid requests (chains, enrolment histories, years
// and premiums varied, eligible and not), cycled. Each API is run three times after a
// warm-up; the best run is reported, with the median.
import { readFileSync } from "node:fs";

const seconds = Number(process.argv[2] ?? 2);
const build = process.argv[3] ?? "node";
let gonghui;
if (build === "web") {
  gonghui = await import("../pkg/web/gonghui_wasm.js");
  gonghui.initSync({ module: readFileSync(new URL("../pkg/web/gonghui_wasm_bg.wasm", import.meta.url)) });
} else if (build === "node") {
  gonghui = await import("gonghui");
} else {
  throw new Error(`unknown build ${build}: node or web`);
}
const { evaluate, evaluateBytes, evaluateBatch, evaluateObject, version } = gonghui;

const CHAINS = ["steel", "aviation", "food", "new_energy", "pharmaceuticals"];
const HISTORIES = [[2023], [2023, 2024], [2024, 2025], [2023, 2024, 2025], [2022, 2023], [2023, 2025], [2025, 2026]];

const objects = Array.from({ length: 1000 }, (_, i) => ({
  id: `bench-${i}`,
  question: "mutual_aid_subsidy",
  lang: i % 2 ? "en" : "zh",
  facts: {
    chains: i % 7 === 0 ? [] : [CHAINS[i % CHAINS.length]],
    clusters: i % 5 === 0 ? ["aviation"] : [],
    enrolled_years: HISTORIES[i % HISTORIES.length],
    year: 2023 + (i % 4),
    premium_fen: 100_000 + i * 12_345,
  },
}));
const texts = objects.map((o) => JSON.stringify(o));
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const requestBytes = texts.map((t) => encoder.encode(t));
const answerBytes = requestBytes.map((r) => evaluateBytes(r));
const batch = texts.join("\n") + "\n";
for (let i = 0; i < 1000; i++) {
  if (decoder.decode(answerBytes[i]) !== evaluate(texts[i])) throw new Error(`evaluate and evaluateBytes differ at ${i}`);
}
// What wasm-bindgen's glue does with a string argument: encodeInto a buffer of the string's
// worst-case size (here a reused one).
const scratch = new Uint8Array(1 << 16);
// What the Node build's evaluateBytes does with the answer: Buffer.from a view of the
// module's memory (here views of one large array holding the same answers).
const memory = new Uint8Array(answerBytes.reduce((n, a) => n + a.length, 0));
let at = 0;
const answerViews = answerBytes.map((a) => { memory.set(a, at); at += a.length; return memory.subarray(at - a.length, at); });

function timed(fn, limit) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(limit * 1e9));
  let now = start;
  while (now < end) {
    for (let k = 0; k < 10; k++) fn(n++);
    now = process.hrtime.bigint();
  }
  return { n, elapsed: Number(now - start) / 1e9 };
}

let sink = 0;
function run(name, perCall, fn) {
  timed(fn, Math.min(seconds, 0.5)); // warm-up
  const rates = [];
  for (let r = 0; r < 3; r++) {
    const { n, elapsed } = timed(fn, seconds);
    rates.push((n * perCall) / elapsed);
  }
  rates.sort((a, b) => a - b);
  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  const us = (x) => (1e6 / x).toFixed(2);
  console.log(`${name.padEnd(34)} ${fmt(rates[2]).padStart(10)} requests/s (median ${fmt(rates[1])}; ${us(rates[1])} us)`);
}

console.log(`gonghui ${version()} in Node ${process.version}, ${process.arch}, the ${build} build; ${seconds} s per run`);
const answer = JSON.parse(evaluate(texts[3]));
if (answer.error) console.log(`note: the sample request gets an error answer: ${answer.error.message}`);
run("evaluateBytes(Uint8Array)", 1, (i) => { sink += evaluateBytes(requestBytes[i % 1000]).length; });
run("evaluate(string)", 1, (i) => { sink += evaluate(texts[i % 1000]).length; });
run("evaluateObject(object)", 1, (i) => { sink += evaluateObject(objects[i % 1000]) === null; });
run("evaluateBatch(1,000 lines)", 1000, () => { sink += evaluateBatch(batch).length; });
run("Node: TextEncoder.encodeInto request", 1, (i) => { sink += encoder.encodeInto(texts[i % 1000], scratch).written; });
run("Node: TextDecoder.decode answer", 1, (i) => { sink += decoder.decode(answerBytes[i % 1000]).length; });
run("Node: Buffer.from answer", 1, (i) => { sink += Buffer.from(answerViews[i % 1000]).length; });
if (sink === 0.5) console.log(sink);
