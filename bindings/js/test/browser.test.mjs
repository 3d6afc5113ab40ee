// The browser build in a real browser: Debian's Chromium, headless, driven by
// playwright-core (no browser is ever downloaded). It opens the demo page (examples/web)
// from a local static server, uses it as a person would, saves screenshots under
// target/js/, and runs the whole conformance corpus inside Chromium, comparing bytes, and
// the corpus of each example policy file under a Policy loaded from that file.
//
// Skipped when /usr/bin/chromium is missing, unless GONGHUI_REQUIRE_BROWSER=1 (as
// scripts/test-js.sh sets, after installing it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../../examples/web/serve.mjs";
import { loadCorpus, policiesDir } from "./corpus.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const required = process.env.GONGHUI_REQUIRE_BROWSER === "1";
const skip = !existsSync(CHROMIUM) && !required && `no browser at ${CHROMIUM}`;

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const shots = join(repo, "target/js");

let server;
let context;
let profile;
let page;
const problems = [];
const foreign = [];

before(async () => {
  if (skip) return;
  server = await serve({
    mounts: {
      "/": join(repo, "examples/web"),
      "/conformance/": join(repo, "tests/conformance"),
      "/policies/": join(repo, "tests/policies"),
      "/policy-files/": join(repo, "examples/policies"),
    },
  });
  profile = mkdtempSync(join(tmpdir(), "gonghui-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  // Offline: the page may load nothing but what the local server serves.
  page.on("request", (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const panel = (q) => page.locator(`#panel-${q}`);
const answerText = (q, field) => panel(q).locator(`[data-answer="${field}"]`).innerText();

test("browser: the mutual-aid form answers as the user types", { skip }, async () => {
  await page.goto(`${server.url}?lang=zh#mutual_aid_subsidy`);
  await page.waitForSelector("body[data-ready=true]");
  const form = panel("mutual_aid_subsidy").locator("form");
  await assert.doesNotReject(panel("mutual_aid_subsidy").waitFor({ state: "visible" }));

  // The request of CONTRACT.md's example: steel, enrolled 2023-2025, year 2025, premium 12,000 yuan.
  for (const box of await form.locator('fieldset[data-fact="chains"] input, fieldset[data-fact="clusters"] input').all()) {
    await box.setChecked((await box.getAttribute("value")) === "steel" && (await box.locator("xpath=ancestor::fieldset").getAttribute("data-fact")) === "chains");
  }
  for (const box of await form.locator('fieldset[data-fact="enrolled_years"] input').all()) {
    await box.setChecked(["2023", "2024", "2025"].includes(await box.getAttribute("value")));
  }
  await form.getByLabel("申请补贴的年度").selectOption("2025");
  const premium = form.getByLabel("该年度保费（元）");
  await premium.fill("12000");
  assert.equal(await answerText("mutual_aid_subsidy", "amount_yuan"), "¥4,800.00");
  assert.equal(await answerText("mutual_aid_subsidy", "rate_percent"), "40%");
  assert.equal(await answerText("mutual_aid_subsidy", "outcome"), "✓ 符合条件");

  // Typing recomputes: 40% of 12,345.67 yuan is 4,938.268, half up to the fen (POLICY I2).
  await premium.fill("");
  await premium.pressSequentially("12345.67");
  assert.equal(await answerText("mutual_aid_subsidy", "amount_yuan"), "¥4,938.27");

  // Each reason cites its clause.
  const cites = await panel("mutual_aid_subsidy").locator(".steps .cites").allInnerTexts();
  assert.ok(cites.length > 0 && cites.every((c) => /\b[CI]\d+\b/.test(c)), `clauses cited: ${cites}`);

  // A third decimal of a yuan is no amount: the library says so at the field.
  await premium.fill("100.001");
  assert.equal(await panel("mutual_aid_subsidy").locator('[data-field="premium_fen"].invalid').count(), 1);
  await premium.fill("12000");
  await page.screenshot({ path: join(shots, "demo-mutual-aid-zh.png"), fullPage: true });
});

test("browser: switching to English changes the page and the library's reasons", { skip }, async () => {
  const zhSteps = await panel("mutual_aid_subsidy").locator(".steps .step-text").allInnerTexts();
  await page.locator("#lang").click();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.getByRole("tab", { selected: true }).innerText(), "Mutual-aid subsidy");
  assert.equal(await answerText("mutual_aid_subsidy", "outcome"), "✓ Eligible");
  assert.equal(await answerText("mutual_aid_subsidy", "amount_yuan"), "¥4,800.00");
  const enSteps = await panel("mutual_aid_subsidy").locator(".steps .step-text").allInnerTexts();
  assert.equal(enSteps.length, zhSteps.length);
  assert.notDeepEqual(enSteps, zhSteps);
  await page.screenshot({ path: join(shots, "demo-mutual-aid-en.png"), fullPage: true });
});

test("browser: the mutual-aid schedule shows each year and the total", { skip }, async () => {
  await page.getByRole("tab", { name: "Mutual-aid schedule" }).click();
  // Joining in 2023 with a premium of 12,000 yuan: 6,000 + 6,000 + 4,800 + 3,600 (C18).
  assert.equal(await answerText("mutual_aid_schedule", "total_yuan"), "¥20,400.00");
  assert.equal(await panel("mutual_aid_schedule").locator(".schedule tbody tr").count(), 4);
});

test("browser: the progress view draws the article's 2023 figures against the targets", { skip }, async () => {
  // By keyboard, as the tabs pattern says: End selects the last tab, the progress view.
  await page.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("End");
  const progress = panel("action_progress");
  await progress.waitFor({ state: "visible" });
  assert.equal(await page.getByRole("tab", { selected: true }).innerText(), "Special action progress");
  const caption = (target) => progress.locator(`[data-row="${target}"] .bar-caption`).innerText();
  assert.match(await caption("skill_competitions"), /^✓ 143 \/ 100 · 143\.0% · met/);
  assert.match(await caption("recuperation_workers"), /^✓ 11,500 \/ 10,000 · 115\.0% · met/);
  assert.match(await caption("model_workers"), /no figure in the article/);
  assert.equal(await progress.locator(".bar-row.met").count(), 6);
  const bar = await progress.locator('[data-row="skill_competitions"] .fill').getAttribute("width");
  assert.equal(Number(bar), 95.33);

  // A changed figure redraws its bar.
  const input = progress.locator('input[data-target="singles_mixers"]');
  await input.fill("50");
  assert.match(await caption("singles_mixers"), /^✗ 50 \/ 100 · 50\.0% · not met/);
  await input.fill("219");
  await page.screenshot({ path: join(shots, "demo-progress-en.png"), fullPage: true });

  // On a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.checkVisibility())
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { by: document.documentElement.scrollWidth - window.innerWidth, wide: wide.slice(0, 5) };
  });
  assert.ok(overflow.by <= 0, `the page is ${overflow.by}px wider than a 375px screen: ${overflow.wide}`);
  await page.screenshot({ path: join(shots, "demo-progress-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

const stems = loadCorpus().map((p) => p.stem);

test("browser: the whole corpus gives the same bytes in Chromium", { skip: skip || (stems.length === 0 && "no corpus pairs yet") }, async (t) => {
  const result = await page.evaluate(async (stems) => {
    const { evaluate, evaluateBatchBytes, evaluateBytes, evaluateObject } = await import("/pkg/gonghui_wasm.js");
    const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    const lines = (b) => { const s = utf8.decode(b).split("\n"); s.pop(); return s; };
    const out = { single: 0, bytes: 0, batches: 0, twin: 0, mismatches: [] };
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    for (const stem of stems) {
      const req = await bytes(`/conformance/${stem}.requests.jsonl`);
      const ans = await bytes(`/conformance/${stem}.answers.jsonl`);
      const expected = utf8.decode(ans);
      const got = new TextEncoder().encode(evaluateBatchBytes(req));
      if (got.length !== ans.length || got.some((b, i) => b !== ans[i])) out.mismatches.push(`${stem}: batch`);
      out.batches++;
      // Each line as bytes (a CR before the newline is the line ending's).
      const rawLines = (b) => { const out = []; let s = 0; b.forEach((x, i) => { if (x === 10) { out.push(b.subarray(s, i)); s = i + 1; } }); return out; };
      const ansRaw = rawLines(ans);
      rawLines(req).forEach((line, i) => {
        const request = line.at(-1) === 13 ? line.subarray(0, -1) : line;
        if (!same(evaluateBytes(request), ansRaw[i])) out.mismatches.push(`${stem}.requests.jsonl:${i + 1} (bytes)`);
        out.bytes++;
      });
      let reqLines;
      try { reqLines = lines(req); } catch { continue; }
      const ansLines = expected.split("\n");
      reqLines.forEach((line, i) => {
        if (evaluate(line) !== ansLines[i]) out.mismatches.push(`${stem}.requests.jsonl:${i + 1}`);
        out.single++;
        let obj;
        try { obj = JSON.parse(line); } catch { return; }
        if (obj === null || typeof obj !== "object" || Array.isArray(obj) || JSON.stringify(obj) !== line) return;
        if (JSON.stringify(evaluateObject(obj)) !== ansLines[i]) out.mismatches.push(`${stem}.requests.jsonl:${i + 1} (evaluateObject)`);
        out.twin++;
      });
    }
    return out;
  }, stems);
  t.diagnostic(`cases compared in Chromium: ${result.single} alone, ${result.bytes} alone as bytes, ${result.batches} batches, ${result.twin} through evaluateObject`);
  assert.deepEqual(result.mismatches, []);
});

const policyStems = loadCorpus(policiesDir).map((p) => p.stem);

test("browser: a policy file of one's own gives its corpus's bytes in Chromium", { skip: skip || (policyStems.length === 0 && "no policy corpus") }, async (t) => {
  const result = await page.evaluate(async (stems) => {
    const { Policy } = await import("/pkg/gonghui_wasm.js");
    const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    const rawLines = (b) => { const out = []; let s = 0; b.forEach((x, i) => { if (x === 10) { out.push(b.subarray(s, i)); s = i + 1; } }); return out; };
    const out = { cases: 0, batches: 0, mismatches: [] };
    for (const stem of stems) {
      const file = await bytes(`/policy-files/${stem}.json`);
      const req = await bytes(`/policies/${stem}.requests.jsonl`);
      const ans = await bytes(`/policies/${stem}.answers.jsonl`);
      for (const given of [file, utf8.decode(file)]) {
        const policy = new Policy(given);
        if (policy.id !== stem) out.mismatches.push(`${stem}: id ${policy.id}`);
        const ansLines = rawLines(ans);
        rawLines(req).forEach((line, i) => {
          if (!same(policy.evaluateBytes(line), ansLines[i])) out.mismatches.push(`${stem}:${i + 1} (bytes)`);
          if (policy.evaluate(utf8.decode(line)) !== utf8.decode(ansLines[i])) out.mismatches.push(`${stem}:${i + 1}`);
          out.cases++;
        });
        if (policy.evaluateBatchBytes(req) !== utf8.decode(ans)) out.mismatches.push(`${stem}: batch of bytes`);
        if (policy.evaluateBatch(utf8.decode(req)) !== utf8.decode(ans)) out.mismatches.push(`${stem}: batch of text`);
        out.batches += 2;
        policy.free();
        try {
          policy.evaluate("{}");
          out.mismatches.push(`${stem}: answered after free()`);
        } catch (e) {
          if (!(e instanceof Error)) out.mismatches.push(`${stem}: after free(), not an Error`);
        }
      }
    }
    // The broken example: a PolicyError, its message the problems C and Java give.
    const broken = await bytes("/policies/broken-example.json");
    const expected = utf8.decode(await bytes("/policies/broken-example.problems.json"));
    try {
      new Policy(broken);
      out.mismatches.push("broken-example.json: loaded");
    } catch (e) {
      if (e.name !== "PolicyError" || `${e.message}\n` !== expected || e.problems.length !== 4) {
        out.mismatches.push(`broken-example.json: ${e.name}: ${e.message}`);
      }
    }
    return out;
  }, policyStems);
  t.diagnostic(`policy files in Chromium: ${result.cases} cases alone (bytes and strings), ${result.batches} batches, the broken example's problems`);
  assert.deepEqual(result.mismatches, []);
});

test("browser: no page errors, and nothing fetched from outside the local server", { skip }, () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
});
