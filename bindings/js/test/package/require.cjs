// CommonJS: `require("gonghui")` from the installed package, then the corpus, and each policy
// file's corpus under its Policy.
"use strict";
const gonghui = require("gonghui");
const { runCorpus, runPolicyCorpus } = require("./corpus.cjs");
const { readCorpus, readPolicyFiles } = require("./read-corpus.cjs");

const [corpusDir, policiesDir, policyFilesDir] = process.argv.slice(2);
const result = runCorpus(gonghui, readCorpus(corpusDir));
const pairs = readCorpus(policiesDir);
const policies = runPolicyCorpus(gonghui, readPolicyFiles(policyFilesDir, pairs), pairs);
console.log(JSON.stringify({ resolved: require.resolve("gonghui"), version: gonghui.version(), ...result, policies }));
