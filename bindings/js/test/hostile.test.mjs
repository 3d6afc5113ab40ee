// Hostile input: whatever a caller passes, the answer is a JSON error object (never a
// throw, a trap or a hang), and the module goes on answering afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate, evaluateBatch, evaluateBatchBytes, evaluateBytes, evaluateObject } from "gonghui";

const CODES = new Set([
  "malformed_request", "unknown_question", "missing_field", "unknown_field",
  "invalid_value", "unknown_parameter",
]);

function assertError(answer, what) {
  assert.equal(typeof answer, "string", what);
  assert.ok(!answer.includes("\n"), `${what}: one line`);
  const parsed = JSON.parse(answer);
  assert.ok(parsed.error && CODES.has(parsed.error.code), `${what}: error answer, got ${answer.slice(0, 200)}`);
  return parsed.error;
}

const mutualAid = {
  id: "ok",
  question: "mutual_aid_subsidy",
  facts: { chains: ["steel"], enrolled_years: [2024, 2025], year: 2025, premium_fen: 1200000 },
};

// The answer to a well-formed request before any hostile input, to check afterwards that
// nothing was left broken inside the module.
const before = evaluate(JSON.stringify(mutualAid));

const cases = {
  "empty": "",
  "whitespace": " \t\r\n ",
  "not JSON": "this is not JSON",
  "truncated": '{"question":"mutual_aid_subsidy","facts":{',
  "an array": "[]",
  "null": "null",
  "a number": "42",
  "a string": '"catalog"',
  "trailing garbage": '{"question":"catalog"} x',
  "NUL alone": "\u0000",
  "NUL inside a code": '{"question":"catalog\u0000"}',
  "NUL before the object": '\u0000{"question":"catalog"}',
  "lone surrogate, raw": '{"question":"\ud800"}',
  "lone surrogate, escaped": '{"question":"\\ud800"}',
  "lone low surrogate, escaped": '{"question":"catalog","id":"\\udc00"}',
  "unknown question": '{"question":"free_money","facts":{}}',
  "deep arrays": "[".repeat(100_000) + "]".repeat(100_000),
  "deep objects": '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000),
  "deep facts": '{"question":"mutual_aid_subsidy","facts":' + '{"a":'.repeat(50_000) + "{}" + "}".repeat(50_000) + "}",
  "a 1 MB string id": JSON.stringify({ id: "x".repeat(1 << 20), question: "nope" }),
  "a 1e400 premium": '{"question":"mutual_aid_subsidy","facts":{"chains":["steel"],"enrolled_years":[2024],"year":2024,"premium_fen":1e400}}',
  "a premium past 2^53": '{"question":"mutual_aid_subsidy","facts":{"chains":["steel"],"enrolled_years":[2024],"year":2024,"premium_fen":9007199254740993}}',
  "a fractional premium": '{"question":"mutual_aid_subsidy","facts":{"chains":["steel"],"enrolled_years":[2024],"year":2024,"premium_fen":0.5}}',
  "a negative premium": '{"question":"mutual_aid_subsidy","facts":{"chains":["steel"],"enrolled_years":[2024],"year":2024,"premium_fen":-1}}',
};

const utf8 = new TextDecoder();

for (const [what, request] of Object.entries(cases)) {
  test(`hostile: ${what}`, () => {
    const answer = evaluate(request);
    assertError(answer, what);
    // The same through the bytes API (a lone surrogate becomes U+FFFD in UTF-8 here, so
    // only the kind of answer is compared).
    assertError(utf8.decode(evaluateBytes(new TextEncoder().encode(request))), `${what} (bytes)`);
  });
}

test("hostile: 100 MB of digits, bare and as a premium", { timeout: 120_000 }, () => {
  const digits = "9".repeat(100 * 1024 * 1024);
  assertError(evaluate(digits), "bare digits");
  const request = `{"question":"mutual_aid_subsidy","facts":{"chains":["steel"],"enrolled_years":[2024],"year":2024,"premium_fen":${digits}}}`;
  assertError(evaluate(request), "digits as premium");
  const typed = evaluateObject({ question: "mutual_aid_subsidy", facts: { premium_fen: digits } });
  assert.ok(typed.error && CODES.has(typed.error.code), "typed");
});

test("hostile: evaluateBytes answers bytes that are not UTF-8 with an error", () => {
  for (const bytes of [[0xff, 0xfe], [0x7b, 0xc3, 0x28, 0x7d], [0x22, 0xed, 0xa0, 0x80, 0x22], [0xc0, 0xaf]]) {
    assertError(utf8.decode(evaluateBytes(Uint8Array.from(bytes))), `bytes ${bytes}`);
  }
});

test("hostile: evaluateBytes given no bytes is a TypeError or an error answer, never a decision", () => {
  const catalog = '{"question":"catalog"}';
  for (const v of [undefined, null]) assert.throws(() => evaluateBytes(v), TypeError);
  // A string is not bytes: it is read as an array of non-numbers (zero bytes), never as text.
  for (const v of [catalog, 42, {}, new ArrayBuffer(4)]) {
    assertError(utf8.decode(evaluateBytes(v)), `${typeof v} ${String(v).slice(0, 20)}`);
  }
});

test("hostile: bytes that are not UTF-8 get one error line each", () => {
  const bytes = Uint8Array.from([0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80, 0x0a]);
  const out = evaluateBatchBytes(bytes);
  const answers = out.split("\n");
  assert.equal(answers.pop(), "", "every answer line ends in \\n");
  assert.equal(answers.length, 3);
  for (const a of answers) assertError(a, "non-UTF-8 line");
});

test("hostile: a batch of broken lines answers every line, in order", () => {
  const input = Object.values(cases).filter((r) => !r.includes("\n") && r.length < 1000).join("\n") + "\n";
  const answers = evaluateBatch(input).split("\n");
  assert.equal(answers.pop(), "");
  assert.equal(answers.length, input.split("\n").length - 1);
});

test("hostile: a value that is not a string is a TypeError, never a wrong answer", () => {
  for (const v of [undefined, null, 42, {}, [1, 2]]) {
    assert.throws(() => evaluate(v), TypeError);
    assert.throws(() => evaluateBatch(v), TypeError);
  }
});

test("hostile: the typed twin answers an error object for values JSON cannot write", () => {
  const cyclic = { question: "catalog" };
  cyclic.self = cyclic;
  for (const [what, v] of [["undefined", undefined], ["a BigInt", 10n], ["a cycle", cyclic],
    ["a function", () => 1], ["a symbol", Symbol("x")], ["null", null], ["a string", "catalog"]]) {
    const answer = evaluateObject(v);
    assert.ok(answer.error && CODES.has(answer.error.code), `${what}: ${JSON.stringify(answer)}`);
  }
});

test("hostile: the module still answers as before afterwards", () => {
  assert.equal(evaluate(JSON.stringify(mutualAid)), before);
  assert.equal(utf8.decode(evaluateBytes(new TextEncoder().encode(JSON.stringify(mutualAid)))), before);
});
