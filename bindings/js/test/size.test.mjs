// The size budget of the module browsers download (pkg/web, the build for size): at most
// 300 KB raw and 120 KB gzipped, as GNU `gzip -9` counts it (Node's zlib writes some 4% more
// for the same module); README.md, "Size", says what the bytes are and why the budget is that. The build for Node (pkg/node, the build for speed) is not
// downloaded by browsers; its bound only catches a build gone wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BUDGETS = {
  web: { raw: 300_000, gzip: 120_000 },
  node: { raw: 600_000, gzip: 240_000 },
};

for (const [build, budget] of Object.entries(BUDGETS)) {
  test(`size budget: pkg/${build}/gonghui_wasm_bg.wasm`, (t) => {
    const file = fileURLToPath(new URL(`../pkg/${build}/gonghui_wasm_bg.wasm`, import.meta.url));
    const wasm = readFileSync(file);
    const gzipped = execFileSync("gzip", ["-9c", file], { maxBuffer: 1 << 26 }).length;
    t.diagnostic(`${build}: ${wasm.length} bytes raw, ${gzipped} bytes gzip -9`);
    assert.ok(wasm.length <= budget.raw, `${wasm.length} bytes raw > ${budget.raw}`);
    assert.ok(gzipped <= budget.gzip, `${gzipped} bytes gzipped > ${budget.gzip}`);
  });
}
