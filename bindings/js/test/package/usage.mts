// TypeScript, an ES module, strict: the package's types come through its `exports`.
import { evaluate, evaluateBatchBytes, evaluateBytes, evaluateObject, version } from "gonghui";
import type { Answer, MutualAidSubsidyRequest } from "gonghui";

const request: MutualAidSubsidyRequest = {
  id: "app-0042",
  question: "mutual_aid_subsidy",
  lang: "en",
  facts: { chains: ["steel"], clusters: [], enrolled_years: [2023, 2024, 2025], year: 2025, premium_fen: 1200000 },
};
const answer: Answer = evaluateObject(request);
if (!("error" in answer) && answer.question === "mutual_aid_subsidy") {
  const fen: number = answer.amount_fen;
  console.log(fen, answer.outcome);
}
const bytes: Uint8Array = evaluateBytes(new TextEncoder().encode(JSON.stringify(request)));
const text: string = evaluate(JSON.stringify(request)) + evaluateBatchBytes(bytes);
console.log(version(), text.length);

// @ts-expect-error: evaluateBytes takes bytes, not a string
evaluateBytes("{}");

// A policy file of one's own, from the installed package's types.
import { Policy } from "gonghui";
import type { PolicyError } from "gonghui";
try {
  const policy = new Policy("{}");
  const under: Uint8Array = policy.evaluateBytes(bytes);
  console.log(policy.id, policy.digest, under.length);
  policy.free();
} catch (e) {
  console.log((e as PolicyError).problems.map((p) => p.field));
}
