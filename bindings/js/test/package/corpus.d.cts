// The types of corpus.cjs, for web/main.ts.
export interface Pair {
  stem: string;
  requests: Uint8Array;
  answers: Uint8Array;
}
export interface Result {
  cases: number;
  files: number;
  strings: number;
  mismatches: string[];
}
/** What the corpus needs of the package, or of one of its `Policy` objects. */
export interface Evaluator {
  evaluate(request: string): string;
  evaluateBytes(request: Uint8Array): Uint8Array;
  evaluateBatchBytes(lines: Uint8Array): string;
}
export function runCorpus(gonghui: Evaluator, pairs: Pair[]): Result;
export function runPolicyCorpus(
  gonghui: { Policy: new (file: string | Uint8Array) => Evaluator & { readonly id: string; free(): void } },
  files: { [stem: string]: Uint8Array },
  pairs: Pair[],
): Result;
