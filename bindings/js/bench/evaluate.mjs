// How many mutual-aid requests a second `evaluate` answers in Node (a benchmark, not a
// test: nothing here passes or fails). Run after scripts/build-wasm.sh:
//
//   node bindings/js/bench/evaluate.mjs [SECONDS_PER_RUN]
//
// The requests are 1,000 distinct mutual-aid requests (chains, enrolment histories, years
// and premiums varied, eligible and not), cycled. Each API is run three times after a
// warm-up; the best run is reported, with the median.
import { evaluate, evaluateBatch, evaluateObject, version } from "gonghui";

const seconds = Number(process.argv[2] ?? 2);
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
const batch = texts.join("\n") + "\n";

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

function run(name, perCall, fn) {
  timed(fn, Math.min(seconds, 0.5)); // warm-up
  const rates = [];
  for (let r = 0; r < 3; r++) {
    const { n, elapsed } = timed(fn, seconds);
    rates.push((n * perCall) / elapsed);
  }
  rates.sort((a, b) => a - b);
  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  console.log(`${name.padEnd(34)} ${fmt(rates[2]).padStart(10)} requests/s (median ${fmt(rates[1])})`);
}

console.log(`gonghui ${version()} in Node ${process.version}, ${process.arch}; ${seconds} s per run`);
const answer = JSON.parse(evaluate(texts[3]));
if (answer.error) console.log(`note: the sample request gets an error answer: ${answer.error.message}`);
run("evaluate(string)", 1, (i) => evaluate(texts[i % 1000]));
run("evaluateObject(object)", 1, (i) => evaluateObject(objects[i % 1000]));
run("evaluateBatch(1,000 lines)", 1000, () => evaluateBatch(batch));
