// The npm package as a user gets it: `npm pack`, the tarball installed with
// `npm install --offline` into an empty project (target/js/package/app), and used from there
// by `require`, `import`, TypeScript (strict, the types found through the package's
// `exports`) and an esbuild bundle in Chromium, each running the conformance corpus, and each
// example policy file's corpus under its `Policy`, against the installed copy (the fixtures
// are in test/package, see its README).
//
// The browser part is skipped when /usr/bin/chromium is missing, unless
// GONGHUI_REQUIRE_BROWSER=1 (as scripts/test-js.sh sets, after installing it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../../examples/web/serve.mjs";
import { loadCorpus, policiesDir as policyCorpusDir } from "./corpus.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const noBrowser = !existsSync(CHROMIUM) && process.env.GONGHUI_REQUIRE_BROWSER !== "1" && `no browser at ${CHROMIUM}`;

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = join(pkgDir, "test/package");
const work = join(repo, "target/js/package");
const app = join(work, "app");
const corpusDir = join(repo, "tests/conformance");
const policiesDir = join(repo, "tests/policies");
const policyFilesDir = join(repo, "examples/policies");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const corpus = loadCorpus();
const totalCases = corpus.reduce((n, p) => n + p.cases.length, 0);
const policyCorpus = loadCorpus(policyCorpusDir);
const policyCases = policyCorpus.reduce((n, p) => n + p.cases.length, 0);

const run = (file, args, cwd) => execFileSync(file, args, { cwd, encoding: "utf8", stdio: "pipe" });
const node = (args, cwd = app) => run(process.execPath, args, cwd);

let packed;

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "tarball"), { recursive: true });
  [packed] = JSON.parse(run("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", join(work, "tarball")], pkgDir));
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`);
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", join(work, "tarball", packed.filename)], app);
  cpSync(fixtures, app, { recursive: true });
});

test("npm pack: both builds, the types, README and licences, and no dependencies", () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const build of ["node", "web"]) {
    for (const file of ["gonghui_wasm.js", "gonghui_wasm.d.ts", "gonghui_wasm_bg.wasm"]) {
      assert.ok(files.includes(`pkg/${build}/${file}`), `pkg/${build}/${file} in ${files}`);
    }
  }
  for (const file of ["package.json", "README.md", "LICENSE", "LICENSE-MIT", "LICENSE-APACHE", "pkg/node/package.json"]) {
    assert.ok(files.includes(file), `${file} in ${files}`);
  }
  assert.equal(packed.files.length, 12, `nothing else is packed: ${files}`);
  assert.deepEqual(pkg.dependencies ?? {}, {});
  assert.deepEqual(pkg.peerDependencies ?? {}, {});
  assert.deepEqual(pkg.optionalDependencies ?? {}, {});
  // Installed offline, the package brought nothing with it.
  assert.deepEqual(readdirSync(join(app, "node_modules")).filter((d) => !d.startsWith(".")), ["gonghui"]);
});

for (const [how, script] of [["require", "require.cjs"], ["import", "import.mjs"]]) {
  test(`Node, ${how}: the corpus from the installed package, the Node build`, { skip: totalCases === 0 && "no corpus pairs yet" }, (t) => {
    const result = JSON.parse(node([script, corpusDir, policiesDir, policyFilesDir]));
    assert.ok(result.resolved.endsWith("node_modules/gonghui/pkg/node/gonghui_wasm.js"), result.resolved);
    assert.equal(result.version, pkg.version);
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.cases, totalCases);
    assert.deepEqual(result.policies.mismatches, []);
    assert.equal(result.policies.cases, policyCases);
    t.diagnostic(`${result.cases} cases (${result.strings} as strings too) and ${result.files} files byte-identical; `
      + `under policy files: ${result.policies.cases} cases and ${result.policies.files} file(s)`);
  });
}

// tsc from bindings/js's own devDependencies, run in the scratch project.
const tsc = (project) => {
  try {
    return { out: node([join(pkgDir, "node_modules/typescript/bin/tsc"), "-p", project, "--listFiles"]), errors: "" };
  } catch (e) {
    return { out: "", errors: `${e.stdout}${e.stderr}` };
  }
};

test("TypeScript: strict, ES module and CommonJS, types through the exports' node condition", () => {
  const { out, errors } = tsc("tsconfig.json");
  assert.equal(errors, "");
  assert.match(out, /node_modules\/gonghui\/pkg\/node\/gonghui_wasm\.d\.ts/);
});

test("TypeScript: strict, bundler resolution for the page, types of the browser build", () => {
  const { out, errors } = tsc("web/tsconfig.json");
  assert.equal(errors, "");
  assert.match(out, /node_modules\/gonghui\/pkg\/web\/gonghui_wasm\.d\.ts/);
});

let server;
let context;
let profile;

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("esbuild bundle in Chromium: the .wasm asset is found and the corpus gives the same bytes", { skip: noBrowser }, async (t) => {
  const dist = join(app, "dist");
  run(join(pkgDir, "node_modules/.bin/esbuild"), [
    "web/main.ts", "--bundle", "--format=esm", "--platform=browser", "--target=es2022",
    "--loader:.wasm=file", "--asset-names=[name]-[hash]", `--outdir=${dist}`, "--log-level=warning",
  ], app);
  cpSync(join(app, "web/index.html"), join(dist, "index.html"));
  const assets = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
  assert.equal(assets.length, 1, `one .wasm emitted: ${assets}`);
  // The browsers' build, not Node's.
  assert.equal(statSync(join(dist, assets[0])).size, statSync(join(pkgDir, "pkg/web/gonghui_wasm_bg.wasm")).size);

  server = await serve({
    mounts: { "/": dist, "/conformance/": corpusDir, "/policies/": policiesDir, "/policy-files/": policyFilesDir },
  });
  profile = mkdtempSync(join(tmpdir(), "gonghui-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const problems = [];
  const wasm = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.url().endsWith(".wasm")) wasm.push(`${r.status()} ${r.headers()["content-type"]} ${r.url()}`); });
  await page.goto(`${server.url}index.html`);
  const ready = await page.evaluate(() => window.ready);
  assert.match(ready, /^gonghui \d+\.\d+\.\d+: catalog$/);
  assert.deepEqual(wasm, [`200 application/wasm ${server.url}${assets[0]}`]);

  const result = await page.evaluate((stems) => window.runCorpus(stems), corpus.map((p) => p.stem));
  assert.deepEqual(result.mismatches, []);
  assert.equal(result.cases, totalCases);
  const policies = await page.evaluate((stems) => window.runPolicyCorpus(stems), policyCorpus.map((p) => p.stem));
  assert.deepEqual(policies.mismatches, []);
  assert.equal(policies.cases, policyCases);
  assert.deepEqual(problems, []);
  t.diagnostic(`${result.cases} cases (${result.strings} as strings too) and ${result.files} files byte-identical in Chromium; `
    + `under policy files: ${policies.cases} cases and ${policies.files} file(s)`);
});
