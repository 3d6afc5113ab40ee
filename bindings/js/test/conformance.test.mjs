// The whole conformance corpus through the Node build: each request alone, and each
// requests file as one batch, must give the core's answers byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluateBatch, evaluateBatchBytes } from "gonghui";
import { loadCorpus, caseName } from "./corpus.mjs";

const corpus = loadCorpus();
const total = corpus.reduce((n, p) => n + p.cases.length, 0);

test(`conformance corpus: ${corpus.length} files, ${total} cases`, { skip: total === 0 && "no corpus pairs yet" }, async (t) => {
  let single = 0;
  for (const pair of corpus) {
    await t.test(pair.stem, () => {
      for (const c of pair.cases) {
        // A line that is not UTF-8 cannot be a JS string: the batch below covers it.
        if (c.request === null) continue;
        assert.equal(evaluate(c.request), c.answer, caseName(pair.stem, c));
        single++;
      }
      const expected = pair.answers.toString("utf8");
      assert.equal(evaluateBatchBytes(pair.requests), expected, `${pair.stem}: batch of the file's bytes`);
      if (pair.cases.every((c) => c.request !== null)) {
        assert.equal(evaluateBatch(pair.requests.toString("utf8")), expected, `${pair.stem}: batch of its text`);
      }
    });
  }
  t.diagnostic(`cases compared in Node: ${single} alone, ${total} in ${corpus.length} batches`);
});
