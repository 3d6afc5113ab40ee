// The differential corpus (crates/gonghui/tests/differential.rs) through the WebAssembly
// build in Node: each request alone with `evaluate`, and the whole file with
// `evaluateBatch` and `evaluateBatchBytes`, must give the core's answers byte for byte.
//
//   node scripts/reliability/wasm-differential.mjs REQUESTS.jsonl ANSWERS.jsonl
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { evaluate, evaluateBatch, evaluateBatchBytes } = require("../../bindings/js/pkg/node/gonghui_wasm.js");

const [requestsPath, answersPath] = process.argv.slice(2);
const requestBytes = readFileSync(requestsPath);
const requests = requestBytes.toString("utf8");
const answers = readFileSync(answersPath, "utf8");
const lines = requests.split("\n").slice(0, -1);
const expected = answers.split("\n").slice(0, -1);

let passed = 0;
let failed = 0;
const fail = (what) => {
  failed++;
  if (failed <= 5) console.error(`FAIL: ${what}`);
};
if (lines.length !== expected.length) fail(`${lines.length} requests but ${expected.length} answers`);
lines.forEach((line, i) => (evaluate(line) === expected[i] ? passed++ : fail(`line ${i + 1}: ${line.slice(0, 200)}`)));
evaluateBatch(requests) === answers ? passed++ : fail("evaluateBatch of the whole file");
evaluateBatchBytes(requestBytes) === answers ? passed++ : fail("evaluateBatchBytes of the whole file");
console.log(`wasm: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
