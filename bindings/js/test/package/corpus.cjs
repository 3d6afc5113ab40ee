// The conformance corpus through an installed gonghui package: every request line through
// `evaluate` (when it is UTF-8) and `evaluateBytes`, every file through `evaluateBatchBytes`;
// the answers must be the corpus's bytes. Works in Node and, bundled, in a browser: the
// files are handed in as `{ stem, requests, answers }` with Uint8Array contents (in Node,
// read by read-corpus.cjs). `runPolicyCorpus` does the same under a `Policy` of each example
// policy file, with its own corpus (tests/policies).
"use strict";

function lines(bytes) {
  const out = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

function same(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Returns `{ cases, files, strings, mismatches }`; `mismatches` names each difference. */
function runCorpus(gonghui, pairs) {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const encoder = new TextEncoder();
  const result = { cases: 0, files: 0, strings: 0, mismatches: [] };
  for (const { stem, requests, answers } of pairs) {
    const batch = encoder.encode(gonghui.evaluateBatchBytes(requests));
    if (!same(batch, answers)) result.mismatches.push(`${stem}: evaluateBatchBytes`);
    result.files++;
    const requestLines = lines(requests);
    const answerLines = lines(answers);
    requestLines.forEach((request, i) => {
      const where = `${stem}.requests.jsonl:${i + 1}`;
      // A CR before the newline is the line ending's, as the core reads JSON Lines.
      const line = request[request.length - 1] === 0x0d ? request.subarray(0, -1) : request;
      if (!same(gonghui.evaluateBytes(line), answerLines[i])) result.mismatches.push(`${where} (evaluateBytes)`);
      let text = null;
      try {
        text = utf8.decode(line);
      } catch {
        // Not UTF-8: no JavaScript string holds it; evaluateBytes and the batch cover it.
      }
      if (text !== null) {
        if (gonghui.evaluate(text) !== utf8.decode(answerLines[i])) result.mismatches.push(`${where} (evaluate)`);
        result.strings++;
      }
      result.cases++;
    });
  }
  return result;
}

/**
 * The corpus of each policy file (tests/policies) under a `Policy` made from that file's bytes
 * (`files[stem]`), through the same API: the answers must be its corpus's bytes.
 */
function runPolicyCorpus(gonghui, files, pairs) {
  const result = { cases: 0, files: 0, strings: 0, mismatches: [] };
  for (const pair of pairs) {
    const policy = new gonghui.Policy(files[pair.stem]);
    try {
      if (policy.id !== pair.stem) result.mismatches.push(`${pair.stem}: the policy's id is ${policy.id}`);
      const one = runCorpus(policy, [pair]);
      for (const key of ["cases", "files", "strings"]) result[key] += one[key];
      result.mismatches.push(...one.mismatches);
    } finally {
      policy.free();
    }
  }
  return result;
}

module.exports = { runCorpus, runPolicyCorpus };
