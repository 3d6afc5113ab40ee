// A page built with esbuild from the installed package: the browser build through the
// package's `exports`, its `.wasm` emitted by esbuild as an asset (`--loader:.wasm=file`)
// and fetched from there. `window.runCorpus` runs the conformance corpus in the page, and
// `window.runPolicyCorpus` each example policy file's corpus under its `Policy`.
import init, { evaluateObject, version } from "gonghui";
import * as gonghui from "gonghui";
import wasmUrl from "gonghui/gonghui_wasm_bg.wasm";
// The same runner as in Node (CommonJS, bundled by esbuild).
import { runCorpus, runPolicyCorpus } from "../corpus.cjs";

declare global {
  interface Window {
    ready: Promise<string>;
    runCorpus: (stems: string[]) => Promise<ReturnType<typeof runCorpus>>;
    runPolicyCorpus: (stems: string[]) => Promise<ReturnType<typeof runPolicyCorpus>>;
  }
}

window.ready = init({ module_or_path: wasmUrl }).then(() => {
  const answer = evaluateObject({ question: "catalog", lang: "en" });
  document.body.dataset["ready"] = "true";
  return `gonghui ${version()}: ${"error" in answer ? answer.error.code : answer.question}`;
});

window.runCorpus = async (stems) => {
  await window.ready;
  const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const pairs = [];
  for (const stem of stems) {
    pairs.push({
      stem,
      requests: await bytes(`/conformance/${stem}.requests.jsonl`),
      answers: await bytes(`/conformance/${stem}.answers.jsonl`),
    });
  }
  return runCorpus(gonghui, pairs);
};

window.runPolicyCorpus = async (stems) => {
  await window.ready;
  const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const pairs = [];
  const files: { [stem: string]: Uint8Array } = {};
  for (const stem of stems) {
    files[stem] = await bytes(`/policy-files/${stem}.json`);
    pairs.push({
      stem,
      requests: await bytes(`/policies/${stem}.requests.jsonl`),
      answers: await bytes(`/policies/${stem}.answers.jsonl`),
    });
  }
  return runPolicyCorpus(gonghui, files, pairs);
};
