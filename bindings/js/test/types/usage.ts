// How a TypeScript caller uses the package; `tsc` checks it (test/types.test.mjs) through the
// package's own `exports`, so a broken types path or signature fails the tests.
import { evaluate, evaluateBatch, evaluateBatchBytes, evaluateBytes, evaluateObject, version } from "gonghui";
import type { Answer, MutualAidSubsidyRequest, Request } from "gonghui";

const request: MutualAidSubsidyRequest = {
  id: "app-0042",
  question: "mutual_aid_subsidy",
  lang: "en",
  facts: { chains: ["steel"], clusters: [], enrolled_years: [2023, 2024, 2025], year: 2025, premium_fen: 1200000 },
};

const answer: Answer = evaluateObject(request);
if ("error" in answer) {
  const where: string | null = answer.error.field;
  console.log(answer.error.code, where, answer.error.message);
} else if (answer.question === "mutual_aid_subsidy") {
  const fen: number = answer.amount_fen;
  const yuan: string = answer.amount_yuan;
  console.log(answer.outcome, answer.rate_percent, fen, yuan);
  for (const step of answer.explanation) console.log(step.clause, step.holds, step.text);
}

const text: string = evaluate(JSON.stringify(request));
const bytes: Uint8Array = evaluateBytes(new TextEncoder().encode(JSON.stringify(request)));
// @ts-expect-error: evaluateBytes takes bytes; a string is evaluate's
evaluateBytes(text);
void bytes;
const lines: string = evaluateBatch(`${text}\n`) + evaluateBatchBytes(new TextEncoder().encode(`${text}\n`));
const catalog: Request = { question: "catalog" };
console.log(version(), lines, evaluateObject(catalog));

// @ts-expect-error: an unknown chain code is a type error
const wrong: Request = { question: "model_union_award", facts: { chains: ["steal"], tier: "six_haves" } };
void wrong;

// A policy file of one's own: the same methods under it, and a typed refusal.
import { Policy } from "gonghui";
import type { PolicyError, PolicyProblem } from "gonghui";

const file: string | Uint8Array = new TextEncoder().encode("{}");
try {
  const policy = new Policy(file);
  const id: string = policy.id;
  const digest: string = policy.digest;
  const under: string = policy.evaluate(JSON.stringify(request)) + policy.evaluateBatch(`${text}\n`);
  const underBytes: Uint8Array = policy.evaluateBytes(new TextEncoder().encode(JSON.stringify(request)));
  const underObject: Answer = policy.evaluateObject(request);
  console.log(id, digest, under, underBytes.length, policy.evaluateBatchBytes(underBytes), underObject);
  // @ts-expect-error: the id is read, not written
  policy.id = "another";
  policy.free();
} catch (e) {
  const refused = e as PolicyError;
  if (refused.name === "PolicyError") {
    const problems: PolicyProblem[] = refused.problems;
    for (const p of problems) console.log(p.field, p.zh, p.en);
  }
}
const published: Policy = Policy.published();
// @ts-expect-error: a policy file is text or bytes
new Policy(42);
void published;
