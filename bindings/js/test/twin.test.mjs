// The typed twin `evaluateObject` against the string API: the same answers as objects, and
// every number exact (an answer re-serialised by JSON.stringify is the core's bytes again).
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluateObject, version } from "gonghui";
import { readFileSync } from "node:fs";
import { loadCorpus, caseName } from "./corpus.mjs";

const corpus = loadCorpus();

function parseObject(text) {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

test("typed twin agrees with evaluate on every corpus request that is a JSON object", { skip: corpus.length === 0 && "no corpus pairs yet" }, (t) => {
  let compared = 0;
  let exact = 0;
  for (const pair of corpus) {
    for (const c of pair.cases) {
      const request = c.request === null ? undefined : parseObject(c.request);
      if (request === undefined) continue;
      const name = caseName(pair.stem, c);
      // JSON.parse then stringify may rewrite a number's text (1.50 → 1.5) or drop a
      // duplicate key; the twin must then answer what the string API answers to that text.
      const text = JSON.stringify(request);
      const answer = evaluateObject(request);
      assert.deepEqual(answer, JSON.parse(evaluate(text)), name);
      if (text === c.request) {
        assert.deepEqual(answer, JSON.parse(c.answer), name);
        exact++;
      }
      assert.equal(JSON.stringify(answer), evaluate(text), `${name}: an answer's numbers survive JSON.parse`);
      compared++;
    }
  }
  t.diagnostic(`typed twin compared on ${compared} requests (${exact} byte-identical to their corpus line)`);
});

test("typed twin keeps integers up to 2^53 - 1 exact", () => {
  for (const premium of [1, 999, 1200000, 2 ** 53 - 1]) {
    const request = {
      question: "mutual_aid_subsidy",
      facts: { chains: ["steel"], enrolled_years: [2024], year: 2024, premium_fen: premium },
    };
    const text = evaluate(JSON.stringify(request));
    assert.equal(JSON.stringify(evaluateObject(request)), text);
  }
});

test("version() is the crate's and the npm package's version", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const cargo = readFileSync(new URL("../../../Cargo.toml", import.meta.url), "utf8");
  const crate = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
  assert.equal(version(), crate);
  assert.equal(pkg.version, crate);
});
