// The conformance corpus (tests/conformance, see its README) as the JS tests read it:
// every STEM.requests.jsonl / STEM.answers.jsonl pair that exists, found by glob, so cases
// added to the corpus run here without any change to the tests.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const corpusDir = fileURLToPath(new URL("../../../tests/conformance/", import.meta.url));
/** The corpus of each example policy file (tests/policies), answered under examples/policies/STEM.json. */
export const policiesDir = fileURLToPath(new URL("../../../tests/policies/", import.meta.url));
export const policyFilesDir = fileURLToPath(new URL("../../../examples/policies/", import.meta.url));

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Splits a JSON Lines file (every line ends in "\n") into its lines, without the "\n". */
export function lines(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop();
  return parts.map((p) => Buffer.from(p, "latin1"));
}

/** Decodes one line as UTF-8, or null when it is not (such a line can only be sent as bytes). */
export function decode(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Every pair of `dir` (the conformance corpus unless told), sorted by stem: `{ stem, requests, answers }` with the files' bytes, and
 * `cases`: `{ n, request, answer, requestBytes, answerBytes }` per line (`request` null when
 * the line is not UTF-8; the bytes are the line's, without its "\n").
 */
export function loadCorpus(dir = corpusDir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".requests.jsonl"))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -".requests.jsonl".length);
      const requests = readFileSync(dir + f);
      const answers = readFileSync(`${dir}${stem}.answers.jsonl`);
      const req = lines(requests);
      const ans = lines(answers);
      if (req.length !== ans.length) {
        throw new Error(`${stem}: ${req.length} request lines but ${ans.length} answer lines`);
      }
      const cases = req.map((r, i) => ({
        n: i + 1, request: decode(r), answer: decode(ans[i]), requestBytes: r, answerBytes: ans[i],
      }));
      return { stem, requests, answers, cases };
    });
}

/** The case's name for messages: its request's `id` where it has one, else its line. */
export function caseName(stem, c) {
  const id = c.request?.match(/"id"\s*:\s*"([^"]*)"/)?.[1];
  return `${stem}.requests.jsonl:${c.n}${id ? ` (${id})` : ""}`;
}
