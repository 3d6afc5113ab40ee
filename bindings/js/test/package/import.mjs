// An ES module: `import` from the installed package, then the corpus.
import { createRequire } from "node:module";
import * as gonghui from "gonghui";
import { evaluateBytes } from "gonghui";

const require = createRequire(import.meta.url);
const { runCorpus } = require("./corpus.cjs");
const { readCorpus } = require("./read-corpus.cjs");
if (evaluateBytes !== gonghui.evaluateBytes) throw new Error("named and namespace imports differ");
const result = runCorpus(gonghui, readCorpus(process.argv[2]));
console.log(JSON.stringify({ resolved: import.meta.resolve("gonghui"), version: gonghui.version(), ...result }));
