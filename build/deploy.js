// Deployment on an office's own network (webpack.config.js):
//   npm run build -- --env publicUrl=https://host/path/   -> dist/manifest.xml names only that URL
//   npm run build -- --env catalog=\\server\share\xzzf    -> dist/register-catalog.reg as well
// See docs/deploy/README.md.
"use strict";
const crypto = require("crypto");

/** The origin manifest.xml is written for (what `npm start` serves). */
const DEFAULT_PUBLIC_URL = "https://localhost:3000/";

/** An absolute http(s) URL ending in "/", or an Error saying what is wrong with it. */
function normalizePublicUrl(value) {
  if (value === undefined || value === null || value === "" || value === true) return DEFAULT_PUBLIC_URL;
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`publicUrl 不是有效的网址：${value} / publicUrl is not a valid URL: ${value}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`publicUrl 必须是 https 网址：${value} / publicUrl must be an https URL: ${value}`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`publicUrl 不能带查询、锚点或用户名：${value} / publicUrl must not carry a query, fragment or credentials: ${value}`);
  let s = url.href;
  if (!s.endsWith("/")) s += "/";
  return s;
}

/** manifest.xml with every URL under the default origin moved under `publicUrl` (XML-escaped). */
function manifestForPublicUrl(xml, publicUrl) {
  const target = normalizePublicUrl(publicUrl);
  if (target === DEFAULT_PUBLIC_URL) return xml;
  const escaped = target.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return xml.split(DEFAULT_PUBLIC_URL).join(escaped);
}

/** A stable GUID for a catalog path (case-insensitive, like Windows paths): same path, same key. */
function catalogGuid(catalogPath) {
  const h = crypto
    .createHash("sha1")
    .update(`xzzf-stats trusted catalog\n${String(catalogPath).toLowerCase()}`, "utf8")
    .digest();
  h[6] = (h[6] & 0x0f) | 0x50; // version 5 (name-based, SHA-1)
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString("hex").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

/** A UNC shared-folder path (\\server\share[\folder…]), or an Error. */
function checkCatalogPath(p) {
  const s = String(p);
  if (!/^\\\\[^\\/:*?"<>|\r\n]+\\[^\\/:*?"<>|\r\n]+(?:\\[^\\/:*?"<>|\r\n]+)*\\?$/.test(s)) {
    throw new Error(
      `catalog 必须是共享文件夹路径，例如 \\\\server\\share\\xzzf：${s} / catalog must be a UNC shared-folder path such as \\\\server\\share\\xzzf: ${s}`,
    );
  }
  return s.replace(/\\$/, "");
}

/**
 * The .reg file that adds the shared folder to 信任中心 > 受信任的加载项目录 for the current user
 * (Microsoft: "Create a network shared folder catalog for task pane and content add-ins", the
 * TrustedCatalogs key; Flags 1 = show in menu). UTF-16LE with a BOM and CRLF line ends, as regedit
 * writes and reads "Windows Registry Editor Version 5.00" files.
 */
function registerCatalogReg(catalogPath) {
  const unc = checkCatalogPath(catalogPath);
  const guid = catalogGuid(unc);
  const regString = (s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = [
    "Windows Registry Editor Version 5.00",
    "",
    `; 行政执法统计填报助手：把共享文件夹 ${unc} 加为受信任的加载项目录（仅当前用户）。`,
    "; Adds the shared folder as a trusted add-in catalog for the current user. Then: Excel > 插入 > 我的加载项 > 共享文件夹.",
    `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${guid}]`,
    `"Id"=${regString(guid)}`,
    `"Url"=${regString(unc)}`,
    '"Flags"=dword:00000001',
    "",
  ];
  const text = lines.join("\r\n");
  return { guid, path: unc, text, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) };
}

module.exports = { DEFAULT_PUBLIC_URL, normalizePublicUrl, manifestForPublicUrl, catalogGuid, registerCatalogReg };
