/**
 * A static file server for the e2e test: the built page on 127.0.0.1 at a random port, with each
 * page's own Content-Security-Policy (its <meta http-equiv>) sent as a header (as scripts/start.js
 * does), so the test sees what a user's browser enforces. Every request is logged in `requests`
 * (paths, in order), so a test can tell what the page fetched from this server.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".gif": "image/gif",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

const CSP_META = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i;

export interface StaticServer {
  origin: string;
  /** The path of every request so far, decoded, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The CSP an HTML file declares in its <meta http-equiv>, with entities decoded as a browser would. */
function cspOf(file: string): string | undefined {
  const raw = CSP_META.exec(fs.readFileSync(file, "utf8"))?.[1];
  return raw
    ?.replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export async function serveDir(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const csps = new Map<string, string | undefined>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
      requests.push(rel);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(path.normalize(root + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const headers: Record<string, string> = {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    };
    if (file.endsWith(".html")) {
      if (!csps.has(file)) csps.set(file, cspOf(file));
      const csp = csps.get(file);
      if (csp) headers["Content-Security-Policy"] = csp;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
