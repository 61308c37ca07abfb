#!/usr/bin/env node
// Regenerates the add-in icons (assets/icon-<size>.png): a blue rounded square with a white check mark.
// No image tooling needed: shapes are rasterised with 8×8 supersampling and written by a minimal PNG
// encoder (RGBA, zlib from Node). Run: node assets/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd]; // Fluent UI brand blue
const WHITE = [0xff, 0xff, 0xff];

// CRC-32 as PNG wants it (polynomial 0xEDB88320).
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Geometry in unit coordinates (0..1, y down).
const MARGIN = 0.03;
const RADIUS = 0.2;
const CHECK = [
  [0.26, 0.53],
  [0.43, 0.69],
  [0.75, 0.34],
];
const STROKE = 0.115; // full width of the check mark

function insideRoundedSquare(x, y) {
  const lo = MARGIN + RADIUS;
  const hi = 1 - MARGIN - RADIUS;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function onCheck(x, y) {
  return Math.min(distToSegment(x, y, CHECK[0], CHECK[1]), distToSegment(x, y, CHECK[1], CHECK[2])) <= STROKE / 2;
}

function render(size) {
  const SS = 8;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (insideRoundedSquare(x, y)) {
            if (onCheck(x, y)) fg++;
            else bg++;
          }
        }
      }
      const cover = bg + fg;
      const i = (py * size + px) * 4;
      if (cover === 0) continue; // fully transparent
      for (let c = 0; c < 3; c++) out[i + c] = Math.round((BLUE[c] * bg + WHITE[c] * fg) / cover);
      out[i + 3] = Math.round((255 * cover) / (SS * SS));
    }
  }
  return encodePng(size, size, out);
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { render, encodePng, SIZES };
