// An ES module: `import` from the installed package, then the corpus, and each policy file's
// corpus under its Policy.
import { createRequire } from "node:module";
import * as gonghui from "gonghui";
import { evaluateBytes } from "gonghui";

const require = createRequire(import.meta.url);
const { runCorpus, runPolicyCorpus } = require("./corpus.cjs");
const { readCorpus, readPolicyFiles } = require("./read-corpus.cjs");
if (evaluateBytes !== gonghui.evaluateBytes) throw new Error("named and namespace imports differ");
const [corpusDir, policiesDir, policyFilesDir] = process.argv.slice(2);
const result = runCorpus(gonghui, readCorpus(corpusDir));
const pairs = readCorpus(policiesDir);
const policies = runPolicyCorpus(gonghui, readPolicyFiles(policyFilesDir, pairs), pairs);
console.log(JSON.stringify({ resolved: import.meta.resolve("gonghui"), version: gonghui.version(), ...result, policies }));
