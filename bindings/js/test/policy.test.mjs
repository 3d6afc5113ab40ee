// A policy file of one's own through the Node build: each corpus of tests/policies under its
// file of examples/policies (loaded from its text and from its bytes), each request alone (as
// a string, as bytes, as an object) and each file as one batch, byte for byte; the published
// policy as the default; the broken example's PolicyError, byte for byte the problems C and
// Java give; hostile files; free() and then a call.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Policy, evaluate, evaluateBatch } from "gonghui";
import { lines, decode, loadCorpus, policiesDir as policies, policyFilesDir as files } from "./corpus.mjs";

const stems = loadCorpus(policies).map((p) => p.stem);

test("tests/policies has a corpus", () => assert.ok(stems.includes("example-extended-2027"), `${stems}`));

for (const stem of stems) {
  const file = readFileSync(`${files}${stem}.json`);
  const requests = readFileSync(`${policies}${stem}.requests.jsonl`);
  const answers = readFileSync(`${policies}${stem}.answers.jsonl`);
  const requestLines = lines(requests);
  const answerLines = lines(answers);

  for (const [how, given] of [["its text", file.toString("utf8")], ["its bytes", file], ["a Uint8Array", new Uint8Array(file)]]) {
    test(`policy file ${stem}, loaded from ${how}: its corpus byte for byte`, (t) => {
      const policy = new Policy(given);
      try {
        assert.equal(policy.id, stem);
        assert.match(policy.digest, /^sha256:[0-9a-f]{64}$/);
        assert.ok(answers.toString("utf8").includes(`"parameters":"${policy.digest}"`));
        assert.equal(requestLines.length, answerLines.length);
        requestLines.forEach((request, i) => {
          const name = `${stem}.requests.jsonl:${i + 1}`;
          const expected = decode(answerLines[i]);
          assert.deepEqual(Buffer.from(policy.evaluateBytes(request)), answerLines[i], `${name} (bytes)`);
          assert.equal(policy.evaluate(decode(request)), expected, name);
          assert.equal(JSON.stringify(policy.evaluateObject(JSON.parse(decode(request)))), expected, `${name} (object)`);
        });
        assert.equal(policy.evaluateBatchBytes(requests), answers.toString("utf8"), "batch of the file's bytes");
        assert.equal(policy.evaluateBatch(requests.toString("utf8")), answers.toString("utf8"), "batch of its text");
        t.diagnostic(`${requestLines.length} cases under ${policy.id}, alone (string, bytes, object) and as batches`);
      } finally {
        policy.free();
      }
    });
  }
}

test("Policy.published() is the policy the functions answer under", () => {
  const requests = readFileSync(`${policies}example-extended-2027.requests.jsonl`, "utf8");
  const published = Policy.published();
  assert.equal(published.id, "jiangxi-1269");
  assert.match(published.digest, /^sha256:[0-9a-f]{64}$/);
  assert.equal(published.evaluateBatch(requests), evaluateBatch(requests));
  const first = requests.split("\n")[0];
  assert.match(published.evaluate(first), /"policy":"jiangxi-1269","outcome":"ineligible"/);
  // Freeing one published Policy frees that wrapper alone.
  published.free();
  assert.equal(Policy.published().evaluate(first), evaluate(first));
});

test("the broken example throws a PolicyError: the problems of C and Java, byte for byte", () => {
  const broken = readFileSync(`${policies}broken-example.json`);
  const expected = readFileSync(`${policies}broken-example.problems.json`, "utf8");
  for (const given of [broken, broken.toString("utf8")]) {
    assert.throws(() => new Policy(given), (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, "PolicyError");
      assert.equal(`${e.message}\n`, expected);
      assert.equal(e.code, "invalid_policy");
      assert.deepEqual(e.problems, JSON.parse(e.message).error.problems);
      assert.equal(e.problems.length, 4);
      assert.deepEqual(e.problems.map((p) => p.field), [
        "parameters[9].id", "mutual_aid.rate_percent", "mutual_aid.rate_percent", "union.six_norms.per_year",
      ]);
      assert.equal(e.problems[0].en, 'the rules read no parameter "union.six_norms.per_yaer"; the catalog lists the parameters');
      return true;
    });
  }
});

test("hostile policy files are refused with their problems, and the module answers as before", () => {
  const before = evaluate('{"question":"catalog"}');
  for (const [name, file] of [
    ["empty", ""],
    ["empty bytes", new Uint8Array(0)],
    ["not UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["not JSON", "policy, please"],
    ["an array", "[]"],
    ["an empty object", "{}"],
    ["a lone surrogate", '{"policy":"\ud800"}'],
    ["10 MB of spaces", " ".repeat(10_000_000)],
    ["a million levels", "[".repeat(1_000_000)],
  ]) {
    assert.throws(() => new Policy(file), (e) => {
      assert.equal(e.name, "PolicyError", name);
      assert.ok(e.problems.length > 0, name);
      assert.match(e.message, /^\{"error":\{"code":"invalid_policy","field":null,/, name);
      return true;
    }, name);
  }
  for (const value of [undefined, null, 42, {}, [1, 2], true]) {
    assert.throws(() => new Policy(value), TypeError, String(value));
  }
  assert.equal(evaluate('{"question":"catalog"}'), before);
});

test("free(), then a call: an Error, not a crash, and the module answers as before", () => {
  const policy = new Policy(readFileSync(`${files}example-extended-2027.json`));
  const request = readFileSync(`${policies}example-extended-2027.requests.jsonl`, "utf8").split("\n")[0];
  const answer = policy.evaluate(request);
  policy.free();
  for (const call of [
    () => policy.evaluate(request),
    () => policy.evaluateBytes(Buffer.from(request)),
    () => policy.evaluateBatch(`${request}\n`),
    () => policy.evaluateBatchBytes(Buffer.from(`${request}\n`)),
    () => policy.evaluateObject(JSON.parse(request)),
    () => policy.id,
    () => policy.free(),
  ]) {
    assert.throws(call, (e) => e instanceof Error && /null pointer passed to rust/.test(e.message));
  }
  // Another policy from the same file gives the same answers: nothing was left broken.
  const again = new Policy(readFileSync(`${files}example-extended-2027.json`));
  assert.equal(again.evaluate(request), answer);
  again.free();
});
