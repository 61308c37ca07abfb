/**
 * A worker of `xzzf check` over many files: reads and analyses the files it is sent, one at a time,
 * and posts back each result already printed. Runs only from the compiled CLI (dist-cli), never under ts-jest.
 */
import { parentPort, workerData } from "worker_threads";
import { checkFile, renderResult, type CheckFormat, type CheckOptions, type RenderedResult } from "./check";
import { translator } from "./io";

interface Init {
  settings: CheckOptions["settings"];
  prior?: CheckOptions["prior"];
  lang: CheckOptions["lang"];
  format: CheckFormat;
}

const init = workerData as Init;
const opts: CheckOptions = { settings: init.settings, prior: init.prior, lang: init.lang, t: translator(init.lang) };

parentPort?.on("message", (job: { index: number; file: string }) => {
  let result: RenderedResult;
  try {
    result = renderResult(checkFile(job.file, opts), init.format, opts.t, opts.lang);
  } catch (e) {
    // an engine bug on one file must not lose the others: report it as that file's error
    const failed = { file: job.file, year: null, tables: [], findings: [], error: `内部错误：${(e as Error).message}` };
    result = renderResult(failed, init.format, opts.t, opts.lang);
  }
  parentPort?.postMessage({ index: job.index, result });
});
