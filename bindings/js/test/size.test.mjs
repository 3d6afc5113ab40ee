// The size budget of the shipped module (issue 4): at most 300 KB raw and 120 KB gzipped,
// as GNU `gzip -9` counts it (Node's zlib writes some 4% more for the same module).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RAW_BUDGET = 300_000;
const GZIP_BUDGET = 120_000;

for (const build of ["node", "web"]) {
  test(`size budget: pkg/${build}/gonghui_wasm_bg.wasm`, (t) => {
    const file = fileURLToPath(new URL(`../pkg/${build}/gonghui_wasm_bg.wasm`, import.meta.url));
    const wasm = readFileSync(file);
    const gzipped = execFileSync("gzip", ["-9c", file], { maxBuffer: 1 << 26 }).length;
    t.diagnostic(`${build}: ${wasm.length} bytes raw, ${gzipped} bytes gzip -9`);
    assert.ok(wasm.length <= RAW_BUDGET, `${wasm.length} bytes raw > ${RAW_BUDGET}`);
    assert.ok(gzipped <= GZIP_BUDGET, `${gzipped} bytes gzipped > ${GZIP_BUDGET}`);
  });
}
