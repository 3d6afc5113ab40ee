// The conformance corpus's pairs read from a directory, in Node, for corpus.cjs.
"use strict";
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

/** Every STEM.requests.jsonl / STEM.answers.jsonl pair of `dir`, sorted by stem. */
function readCorpus(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".requests.jsonl"))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -".requests.jsonl".length);
      return {
        stem,
        requests: new Uint8Array(readFileSync(join(dir, f))),
        answers: new Uint8Array(readFileSync(join(dir, `${stem}.answers.jsonl`))),
      };
    });
}

/** The policy file of each pair: `dir/STEM.json`'s bytes, by stem. */
function readPolicyFiles(dir, pairs) {
  const files = {};
  for (const { stem } of pairs) files[stem] = new Uint8Array(readFileSync(join(dir, `${stem}.json`)));
  return files;
}

module.exports = { readCorpus, readPolicyFiles };
