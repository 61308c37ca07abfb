/**
 * Entry of the ES5 bundle run by duktape (tests/es5/duktape.test.ts): runs the classic pane's flows
 * over the seed and prints the summary as one JSON line. The seed's .xlsx bytes come in as
 * `SEED_XLSX_BASE64` and last year's as `LAST_YEAR_XLSX_BASE64`, defined by a script placed before the bundle (duktape has no file access).
 */
import { fromBase64, runFlow } from "./flow";

declare const SEED_XLSX_BASE64: string;
declare const LAST_YEAR_XLSX_BASE64: string;
/** What tests/es5/prelude.js took away from duktape's global object. */
declare const __removed: string[];

// What the run had to do without: so the test knows the fallbacks, not duktape's extras, did the work.
const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
console.log(
  `ES5-ENV ${JSON.stringify({ normalize: typeof "".normalize, TextDecoder: typeof g.TextDecoder, TextEncoder: typeof g.TextEncoder, removed: __removed })}`,
);

runFlow(fromBase64(SEED_XLSX_BASE64), fromBase64(LAST_YEAR_XLSX_BASE64)).then(
  (summary) => console.log(`ES5-SUMMARY ${JSON.stringify(summary)}`),
  (e: unknown) => console.log(`ES5-ERROR ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e)}`),
);
