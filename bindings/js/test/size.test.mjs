// The size budget of the shipped module (issue 4): at most 300 KB raw and 120 KB gzipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const RAW_BUDGET = 300_000;
const GZIP_BUDGET = 120_000;

for (const build of ["node", "web"]) {
  test(`size budget: pkg/${build}/gonghui_wasm_bg.wasm`, (t) => {
    const wasm = readFileSync(new URL(`../pkg/${build}/gonghui_wasm_bg.wasm`, import.meta.url));
    const gzipped = gzipSync(wasm, { level: 9 }).length;
    t.diagnostic(`${build}: ${wasm.length} bytes raw, ${gzipped} bytes gzipped (-9)`);
    assert.ok(wasm.length <= RAW_BUDGET, `${wasm.length} bytes raw > ${RAW_BUDGET}`);
    assert.ok(gzipped <= GZIP_BUDGET, `${gzipped} bytes gzipped > ${GZIP_BUDGET}`);
  });
}
