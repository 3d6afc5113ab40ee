// `tsc` checks the TypeScript types (crates/gonghui-wasm/src/types.d.ts, emitted into both
// builds' .d.ts) against the corpus: every answer must be an `Answer` and every request
// that got a decision a `Request`, as object literals, so that a field the core adds,
// renames or retypes fails here until the types say it too. Also checks test/types/usage.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCorpus, caseName, policiesDir } from "./corpus.mjs";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = `${pkgDir}node_modules/typescript/bin/tsc`;
const outDir = fileURLToPath(new URL("../../../target/js/types/", import.meta.url));

function runTsc(args, cwd = pkgDir) {
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd, encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

test("tsc: test/types/usage.ts uses the package through its exports", () => {
  assert.equal(runTsc(["-p", "tsconfig.json"]), "");
});

// The conformance corpus and the example policy files' corpus (the same shapes, other values).
const corpus = [...loadCorpus(), ...loadCorpus(policiesDir)];
const cases = corpus.flatMap((p) => p.cases.map((c) => ({ ...c, name: caseName(p.stem, c) })));

for (const build of ["node", "web"]) {
  test(`tsc: every corpus answer and request fits the types of pkg/${build}`, { skip: cases.length === 0 && "no corpus pairs yet" }, (t) => {
    const where = [];
    const body = [`import type { Answer, Request } from ${JSON.stringify(`${pkgDir}pkg/${build}/gonghui_wasm.js`)};`];
    body.push("export const answers: Answer[] = [");
    for (const c of cases) {
      if (c.answer === null) continue;
      body.push(`${c.answer},`);
      where[body.length] = c.name;
    }
    body.push("];", "export const requests: Request[] = [");
    let requests = 0;
    for (const c of cases) {
      if (c.request === null || c.answer === null || JSON.parse(c.answer).error) continue;
      body.push(`${c.request},`);
      where[body.length] = c.name;
      requests++;
    }
    body.push("];", "");
    mkdirSync(outDir, { recursive: true });
    const file = `${outDir}corpus-${build}.ts`;
    writeFileSync(file, body.join("\n"));
    const errors = runTsc([
      "--noEmit", "--strict", "--exactOptionalPropertyTypes", "--target", "es2022",
      "--module", "esnext", "--moduleResolution", "bundler", "--types", "", "--lib", "es2022,dom", file,
    ], outDir);
    // Name the case each error is on (tsc says file(line,col)).
    const named = errors.replace(/corpus-\w+\.ts\((\d+),\d+\)/g, (m, line) => `${m} [${where[line] ?? "?"}]`);
    const lines = named.split("\n").filter(Boolean);
    const shown = lines.slice(0, 20).join("\n") + (lines.length > 20 ? `\n… and ${lines.length - 20} more` : "");
    assert.ok(lines.length === 0, `the types disagree with the corpus (see ${file}):\n${shown}`);
    t.diagnostic(`${cases.length} answers and ${requests} requests type-checked`);
  });
}
