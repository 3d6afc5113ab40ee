// TypeScript, CommonJS, strict: `import = require`, types through the package's `exports`.
import gonghui = require("gonghui");

const bytes: Uint8Array = gonghui.evaluateBytes(new Uint8Array([0x7b, 0x7d]));
const answer: gonghui.Answer = gonghui.evaluateObject({ question: "catalog" });
console.log(bytes.length, "error" in answer, gonghui.version());
