// The whole conformance corpus through the Node build: each request alone (as a string and
// as bytes), and each requests file as one batch, must give the core's answers byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluateBatch, evaluateBatchBytes, evaluateBytes } from "gonghui";
import { loadCorpus, caseName } from "./corpus.mjs";

const corpus = loadCorpus();
const total = corpus.reduce((n, p) => n + p.cases.length, 0);

test(`conformance corpus: ${corpus.length} files, ${total} cases`, { skip: total === 0 && "no corpus pairs yet" }, async (t) => {
  let single = 0;
  for (const pair of corpus) {
    await t.test(pair.stem, () => {
      for (const c of pair.cases) {
        // Bytes, whether or not they are UTF-8 (a CR before the newline is the line ending's).
        const request = c.requestBytes.at(-1) === 0x0d ? c.requestBytes.subarray(0, -1) : c.requestBytes;
        const answer = evaluateBytes(request);
        assert.ok(answer instanceof Uint8Array, "evaluateBytes answers a Uint8Array");
        assert.deepEqual(Buffer.from(answer), c.answerBytes, `${caseName(pair.stem, c)} (bytes)`);
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
  t.diagnostic(`cases compared in Node: ${total} alone as bytes, ${single} as strings, ${total} in ${corpus.length} batches`);
});
