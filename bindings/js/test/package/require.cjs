// CommonJS: `require("gonghui")` from the installed package, then the corpus.
"use strict";
const gonghui = require("gonghui");
const { runCorpus } = require("./corpus.cjs");
const { readCorpus } = require("./read-corpus.cjs");

const result = runCorpus(gonghui, readCorpus(process.argv[2]));
console.log(JSON.stringify({ resolved: require.resolve("gonghui"), version: gonghui.version(), ...result }));
