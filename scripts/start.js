#!/usr/bin/env node
// npm start            -> webpack (development, watching) + serve dist/ on https://localhost:3000
// npm start -- --prod  -> one production build, then serve it
// npm start -- --http  -> skip certificates, plain http (Excel will not load the add-in over http)
// PORT=4000 npm start  -> another port (dist/manifest.xml is rewritten to match; sideload that one)
//
// Serves only on the loopback interface, never opens a browser, and exits cleanly on SIGINT/SIGTERM.
"use strict";
/* global clearTimeout */
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const PORT = Number.parseInt(process.env.PORT || "3000", 10);
const PROD = process.argv.includes("--prod");
const FORCE_HTTP = process.argv.includes("--http");
const MANIFEST_ORIGIN = "https://localhost:3000";

const log = (...args) => console.log(...args);
const warn = (...args) => console.warn(...args);

if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) {
  console.error(`PORT 无效：${process.env.PORT} / invalid PORT: ${process.env.PORT}`);
  process.exit(2);
}

/** The page's CSP, read from the page shell so header and <meta> never drift apart. */
function readCsp() {
  const html = fs.readFileSync(path.join(ROOT, "src/taskpane/index.html"), "utf8");
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error("src/taskpane/index.html has no Content-Security-Policy meta");
  return m[1];
}
const CSP = readCsp();

// ───────────────────────── certificates ─────────────────────────

const children = new Set();

/**
 * office-addin-dev-certs, run in a child process in its own session: its CA install shells out to
 * `sudo`, which must not sit waiting for a password (nor block this process). Resolves to
 * { cert, key, ca } or rejects with the reason.
 */
function devCertsInChild(timeoutMs) {
  const code = `
    console.log = (...a) => console.error(...a); // keep stdout for the result
    require("office-addin-dev-certs").getHttpsServerOptions().then(
      (o) => process.stdout.write(JSON.stringify({ cert: String(o.cert), key: String(o.key), ca: String(o.ca) })),
      (e) => { console.error(e && e.message ? e.message : String(e)); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", code], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32", // new session: no controlling terminal for sudo
      windowsHide: true,
    });
    children.add(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => {
      killChild(child);
      reject(new Error(`timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      children.delete(child);
      reject(e);
    });
    child.on("exit", (status) => {
      clearTimeout(timer);
      children.delete(child);
      if (status === 0) {
        try {
          return resolve(JSON.parse(out));
        } catch {
          return reject(new Error("unreadable output"));
        }
      }
      const reason = err.trim().split("\n").filter(Boolean).slice(-2).join(" ").slice(0, 300);
      reject(new Error(reason || `exit ${status}`));
    });
  });
}

function killChild(child) {
  try {
    if (process.platform !== "win32")
      process.kill(-child.pid, "SIGTERM"); // its whole session
    else child.kill();
  } catch {
    /* already gone */
  }
}

/** Files office-addin-dev-certs generated even if trusting its CA failed. */
function devCertFilesIfPresent() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return null;
  const pair = { cert: fs.readFileSync(cert, "utf8"), key: fs.readFileSync(key, "utf8") };
  try {
    const crypto = require("crypto");
    const x509 = new crypto.X509Certificate(pair.cert);
    if (new Date(x509.validTo) <= new Date() || !x509.checkPrivateKey(crypto.createPrivateKey(pair.key))) return null;
  } catch {
    return null;
  }
  return pair;
}

/** A throwaway CA + localhost certificate made in memory with mkcert (a dependency of office-addin-dev-certs). */
async function selfSignedInProcess() {
  const from = path.dirname(require.resolve("office-addin-dev-certs/package.json", { paths: [ROOT] }));
  const mkcert = require(require.resolve("mkcert", { paths: [from, ROOT] }));
  const ca = await mkcert.createCA({ organization: "xzzf-stats dev CA", countryCode: "CN", state: "-", locality: "-", validity: 30 });
  const leaf = await mkcert.createCert({ ca, domains: ["localhost", "127.0.0.1", "::1"], validity: 30 });
  return { cert: leaf.cert, key: leaf.key, ca: ca.cert };
}

/** Same with the openssl command line, if mkcert is unavailable. */
function selfSignedWithOpenssl() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xzzf-cert-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    const r = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-days",
        "30",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      ],
      { stdio: "ignore", timeout: 30000 },
    );
    if (r.status !== 0) throw new Error("openssl failed");
    return { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves to { tls: {cert,key,...} | null, note: string } */
async function getTls() {
  if (FORCE_HTTP) return { tls: null, note: "按 --http 要求使用 http。/ Plain http, as asked by --http." };
  const interactive = Boolean(process.stdin.isTTY) && !process.env.CI;
  try {
    const tls = await devCertsInChild(interactive ? 120000 : 30000);
    return { tls, note: "证书：office-addin-dev-certs（已受信任）。/ Certificate: office-addin-dev-certs (trusted)." };
  } catch (e) {
    warn(
      `office-addin-dev-certs 未能安装受信任的开发证书：${e.message}\n` +
        `office-addin-dev-certs could not install a trusted dev certificate: ${e.message}\n` +
        "  要信任证书，请在有管理员权限的终端运行 / to trust it, run with admin rights: npx office-addin-dev-certs install",
    );
  }
  const untrusted =
    "证书未受信任：浏览器会警告，Excel 可能拒绝加载。/ The certificate is NOT trusted: browsers will warn and Excel may refuse to load the pane.";
  const files = devCertFilesIfPresent();
  if (files)
    return { tls: files, note: `证书：~/.office-addin-dev-certs（CA 未安装）。/ Certificate: ~/.office-addin-dev-certs (CA not installed). ${untrusted}` };
  try {
    return {
      tls: await selfSignedInProcess(),
      note: `证书：临时自签名（mkcert，进程内生成）。/ Certificate: throwaway self-signed (mkcert, in process). ${untrusted}`,
    };
  } catch {
    /* try openssl next */
  }
  try {
    return { tls: selfSignedWithOpenssl(), note: `证书：临时自签名（openssl）。/ Certificate: throwaway self-signed (openssl). ${untrusted}` };
  } catch {
    return {
      tls: null,
      note: "无法生成证书，改用 http；Excel 只加载 https 加载项，但网页版可用。/ No certificate could be made; falling back to plain http. Excel only loads https add-ins, the web page still works.",
    };
  }
}

// ───────────────────────── static server ─────────────────────────

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function origin(scheme) {
  return `${scheme}://localhost:${PORT}`;
}

/** manifest.xml with the dev-server origin swapped in when not on the default https://localhost:3000. */
function manifestFor(scheme) {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  return xml.split(MANIFEST_ORIGIN).join(origin(scheme));
}

function handler(scheme) {
  return (req, res) => {
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cache-Control", "no-cache");
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(405, "Method Not Allowed\n");
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      return send(400, "Bad Request\n");
    }
    if (rel.includes("\0")) return send(400, "Bad Request\n");
    if (rel === "/") rel = "/index.html";
    if (rel === "/manifest.xml") return send(200, manifestFor(scheme), MIME[".xml"]);
    let file = path.resolve(DIST, "." + rel);
    if (file !== DIST && !file.startsWith(DIST + path.sep)) return send(403, "Forbidden\n");
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, "index.html");
        st = fs.existsSync(file) ? fs.statSync(file) : null;
      }
      if (err || !st || !st.isFile()) return send(404, "Not Found\n");
      res.writeHead(200, { "Content-Type": MIME[path.extname(file).toLowerCase()] || "application/octet-stream", "Content-Length": st.size });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    });
  };
}

/** Listens on IPv4 and (if available) IPv6 loopback only: nothing is reachable from the network. */
async function listen(tls) {
  const scheme = tls ? "https" : "http";
  const servers = [];
  for (const host of ["127.0.0.1", "::1"]) {
    const server = tls ? https.createServer(tls, handler(scheme)) : http.createServer(handler(scheme));
    try {
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(PORT, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      servers.push(server);
    } catch (e) {
      if (host === "::1" && servers.length > 0 && (e.code === "EADDRNOTAVAIL" || e.code === "EAFNOSUPPORT")) continue;
      for (const s of servers) s.close();
      throw e;
    }
  }
  return { scheme, servers };
}

// ───────────────────────── build ─────────────────────────

function startBuild(onFirstBuild) {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: PROD ? "production" : "development" });
  const compiler = webpack(config);
  const color = Boolean(process.stdout.isTTY);
  let first = true;
  const report = (err, stats) => {
    if (err) console.error(err.stack || String(err));
    else log(stats.toString({ preset: "minimal", colors: color, timings: true }));
    const ok = !err && !stats.hasErrors();
    if (first) {
      first = false;
      onFirstBuild(ok);
    } else if (ok) {
      afterBuild();
      log(`[${new Date().toLocaleTimeString()}] 已重新构建 / rebuilt`);
    }
  };
  if (PROD) {
    compiler.run((err, stats) => {
      report(err, stats);
      compiler.close(() => {});
    });
    return { close: (cb) => cb() };
  }
  return compiler.watch({ aggregateTimeout: 300 }, report);
}

let scheme = "https";
/** dist/manifest.xml must name the origin actually served. */
function afterBuild() {
  if (origin(scheme) === MANIFEST_ORIGIN || !fs.existsSync(DIST)) return;
  fs.writeFileSync(path.join(DIST, "manifest.xml"), manifestFor(scheme));
}

function printHelp() {
  const o = origin(scheme);
  const manifest = o === MANIFEST_ORIGIN ? `${path.join(ROOT, "manifest.xml")}  (= dist/manifest.xml)` : path.join(DIST, "manifest.xml");
  const help = fs.readFileSync(path.join(__dirname, "sideload-help.txt"), "utf8").split("{{ORIGIN}}").join(o).split("{{MANIFEST}}").join(manifest);
  log(`\n${help}`);
  if (scheme === "http")
    log("注意：当前为 http，Excel 不会加载此加载项；网页版仍可使用。/ Note: serving http, so Excel will not load the add-in; the web page still works.\n");
  log(`正在提供 ${DIST}，地址 ${o}/ （仅本机）。按 Ctrl+C 停止。不会自动打开浏览器。`);
  log(`Serving ${DIST} at ${o}/ (this machine only). Press Ctrl+C to stop. No browser is opened.`);
  log(`网页版 / Web page: ${o}/index.html\n`);
}

// ───────────────────────── main ─────────────────────────

async function main() {
  let servers = [];
  let watching = null;
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    if (signal) log(`\n收到 ${signal}，正在退出… / ${signal} received, shutting down…`);
    for (const c of children) killChild(c);
    for (const s of servers) {
      s.close();
      if (typeof s.closeAllConnections === "function") s.closeAllConnections();
    }
    const done = () => process.exit(); // exit code 0 unless a failure set process.exitCode
    if (watching) watching.close(done);
    else done();
    setTimeout(done, 3000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  log(`正在构建（${PROD ? "production" : "development，监视文件变化"}）… / Building (${PROD ? "production" : "development, watching"})…`);
  const firstBuild = new Promise((resolve) => {
    watching = startBuild(resolve);
  });
  const [{ tls, note }, ok] = await Promise.all([getTls(), firstBuild]);
  if (stopping) return;
  if (!ok) {
    console.error("构建失败，见上。/ The build failed, see above.");
    if (PROD) {
      process.exitCode = 1;
      return stop();
    }
    log("继续监视文件变化，修复后会自动重建。/ Still watching; it rebuilds once fixed.");
  }
  scheme = tls ? "https" : "http";
  afterBuild();
  try {
    ({ servers } = await listen(tls));
  } catch (e) {
    console.error(
      e.code === "EADDRINUSE"
        ? `端口 ${PORT} 已被占用（可设 PORT=其他端口）。/ Port ${PORT} is in use (set PORT to another one).`
        : `无法启动服务器 / cannot start the server: ${e.message}`,
    );
    process.exitCode = 1;
    return stop();
  }
  log(note);
  printHelp();
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
