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
