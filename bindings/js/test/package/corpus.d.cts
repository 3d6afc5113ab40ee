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
export function runCorpus(
  gonghui: {
    evaluate(request: string): string;
    evaluateBytes(request: Uint8Array): Uint8Array;
    evaluateBatchBytes(lines: Uint8Array): string;
  },
  pairs: Pair[],
): Result;
