/**
 * Starts the batch's worker. Apart from the rest because webpack bundles the worker from exactly this
 * expression (its own chunk, same origin, so the page's CSP `script-src 'self'` admits it), and
 * `import.meta` has no meaning in the jest/CommonJS build of the other modules.
 */
export function spawnCheckWorker(): Worker {
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./checkWorker.ts", import.meta.url));
}
