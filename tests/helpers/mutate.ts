/**
 * A mutation fuzzer for .xlsx files: byte-level damage (flipped bits, cuts, splices from another
 * file, duplicated ranges, a zeroed central directory, lying size fields) and damage inside the
 * parts (XML cut, tags dropped or doubled, absurd attribute values, entity and DOCTYPE tricks) that
 * gets past the zip layer to the XML readers. Every mutation is driven by a seeded PRNG, so a case
 * is reproduced from its seed alone.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { concatBytes } from "../../src/host/xlsx/bytes";

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}

function eocdAt(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Offsets of the central directory records (PK\x01\x02). */
function centralRecords(b: Uint8Array): number[] {
  const eocd = eocdAt(b);
  if (eocd < 0) return [];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const start = dv.getUint32(eocd + 16, true);
  const out: number[] = [];
  let p = start;
  while (p + 46 <= b.length && dv.getUint32(p, true) === 0x02014b50 && out.length < 100_000) {
    out.push(p);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}

export interface Mutation {
  name: string;
  /** `donor` is another valid file, for splices. */
  apply(b: Uint8Array, rng: Prng, donor: Uint8Array): Uint8Array;
}

const SIZES = [0, 1, 2, 0x7f, 0xffff, 0x10000, 0x7fffffff, 0xfffffffe, 0xffffffff];

/** Changes of the zip bytes as they stand. */
export const BYTE_MUTATIONS: Mutation[] = [
  {
    name: "flip-bits",
    apply(b, rng) {
      const out = new Uint8Array(b);
      for (let k = 1 + rng.int(8); k > 0; k--) out[rng.int(out.length)] ^= 1 << rng.int(8);
      return out;
    },
  },
  {
    name: "random-bytes",
    apply(b, rng) {
      const out = new Uint8Array(b);
      const at = rng.int(out.length);
      out.set(rng.bytes(Math.min(1 + rng.int(32), out.length - at)), at);
      return out;
    },
  },
  { name: "cut-end", apply: (b, rng) => b.slice(0, rng.int(b.length)) },
  { name: "cut-start", apply: (b, rng) => b.slice(1 + rng.int(b.length - 1)) },
  {
    name: "cut-middle",
    apply(b, rng) {
      const a = rng.int(b.length);
      const len = 1 + rng.int(Math.min(4096, b.length - a));
      return concat(b.subarray(0, a), b.subarray(a + len));
    },
  },
  {
    name: "insert-bytes",
    apply(b, rng) {
      const at = rng.int(b.length);
      return concat(b.subarray(0, at), rng.bytes(1 + rng.int(64)), b.subarray(at));
    },
  },
  {
    name: "splice-donor",
    apply(b, rng, donor) {
      const at = rng.int(b.length);
      const from = rng.int(donor.length);
      const len = 1 + rng.int(Math.min(8192, donor.length - from));
      return concat(b.subarray(0, at), donor.subarray(from, from + len), b.subarray(Math.min(b.length, at + len)));
    },
  },
  {
    name: "duplicate-range",
    apply(b, rng) {
      const a = rng.int(b.length);
      const len = 1 + rng.int(Math.min(8192, b.length - a));
      const at = rng.int(b.length);
      return concat(b.subarray(0, at), b.subarray(a, a + len), b.subarray(at));
    },
  },
  {
    name: "zero-central-directory",
    apply(b) {
      const out = new Uint8Array(b);
      const records = centralRecords(out);
      const eocd = eocdAt(out);
      if (records.length) out.fill(0, records[0], eocd < 0 ? out.length : eocd);
      return out;
    },
  },
  {
    name: "zero-eocd",
    apply(b) {
      const out = new Uint8Array(b);
      const eocd = eocdAt(out);
      if (eocd >= 0) out.fill(0, eocd, Math.min(out.length, eocd + 22));
      return out;
    },
  },
  {
    name: "eocd-fields",
    apply(b, rng) {
      const out = new Uint8Array(b);
      const eocd = eocdAt(out);
      if (eocd < 0) return out;
      const dv = new DataView(out.buffer);
      const field = rng.pick([8, 10, 12, 16, 20]);
      if (field === 12 || field === 16) dv.setUint32(eocd + field, rng.pick(SIZES) >>> 0, true);
      else dv.setUint16(eocd + field, rng.pick(SIZES) & 0xffff, true);
      return out;
    },
  },
  {
    name: "central-sizes",
    apply(b, rng) {
      const out = new Uint8Array(b);
      const records = centralRecords(out);
      if (!records.length) return out;
      const dv = new DataView(out.buffer);
      const p = rng.pick(records);
      // compressed size, uncompressed size, local header offset, method, flags, name/extra lengths
      const field = rng.pick([20, 24, 42, 10, 8, 28, 30]);
      if (field >= 20 && field !== 28 && field !== 30) dv.setUint32(p + field, rng.pick(SIZES) >>> 0, true);
      else dv.setUint16(p + field, rng.pick(SIZES) & 0xffff, true);
      return out;
    },
  },
  {
    name: "local-header",
    apply(b, rng) {
      const out = new Uint8Array(b);
      const records = centralRecords(out);
      if (!records.length) return out;
      const dv = new DataView(out.buffer);
      const local = dv.getUint32(rng.pick(records) + 42, true);
      if (local + 30 > out.length) return out;
      const field = rng.pick([0, 8, 26, 28]);
      if (field === 0) dv.setUint32(local, rng.next() < 0.5 ? 0 : 0x02014b50, true);
      else dv.setUint16(local + field, rng.pick(SIZES) & 0xffff, true);
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Inside the parts: the zip stays valid, the XML does not

type TextEdit = (xml: string, rng: Prng) => string;

function tagStarts(xml: string): number[] {
  const out: number[] = [];
  for (let i = xml.indexOf("<"); i >= 0 && out.length < 50_000; i = xml.indexOf("<", i + 1)) out.push(i);
  return out;
}

const ODD_VALUES = [
  "",
  "0",
  "-1",
  "A0",
  "XFD1048577",
  "ZZZZ1",
  "A99999999999",
  "1e308",
  "NaN",
  "__proto__",
  "constructor",
  "&#0;",
  "&#x110000;",
  "&unknown;",
  "\u0000",
  "A1:XFD1048576",
  "9".repeat(40),
  "'\"<>",
];

const TEXT_EDITS: Array<{ name: string; edit: TextEdit }> = [
  { name: "xml-cut", edit: (x, rng) => x.slice(0, rng.int(x.length)) },
  {
    name: "xml-drop-tag",
    edit(x, rng) {
      const starts = tagStarts(x);
      if (!starts.length) return x;
      const a = rng.pick(starts);
      const e = x.indexOf(">", a);
      return e < 0 ? x : x.slice(0, a) + x.slice(e + 1);
    },
  },
  {
    name: "xml-double-element",
    edit(x, rng) {
      const starts = tagStarts(x);
      if (!starts.length) return x;
      const a = rng.pick(starts);
      const b = x.indexOf("<", a + 1 + rng.int(400));
      return b < 0 ? x : x.slice(0, b) + x.slice(a, b) + x.slice(b);
    },
  },
  {
    name: "xml-attribute",
    edit(x, rng) {
      const re = /(\s[A-Za-z:]+=")([^"]*)(")/g;
      const hits = [...x.matchAll(re)].slice(0, 20_000);
      if (!hits.length) return x;
      const h = rng.pick(hits);
      const at = (h.index ?? 0) + h[1].length;
      return x.slice(0, at) + rng.pick(ODD_VALUES) + x.slice(at + h[2].length);
    },
  },
  {
    name: "xml-text",
    edit(x, rng) {
      const at = rng.int(x.length);
      const junk = rng.pick([
        "&lol;",
        "&#xD800;",
        "]]>",
        "<![CDATA[",
        "<!--",
        '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
        "\uFFFF",
        "𠮷",
        '<c r="A1">',
        "</row>",
        "<v>1e999</v>",
      ]);
      return x.slice(0, at) + junk + x.slice(at);
    },
  },
  {
    name: "xml-shared-index",
    edit(x, rng) {
      // a shared string index or a style index out of range
      return x
        .replace(/<v>(\d+)<\/v>/, () => `<v>${rng.pick(["-1", "4294967296", "99999999", "1.5", "0x10"])}</v>`)
        .replace(/ s="\d+"/, ` s="${rng.pick(["-1", "65536", "x"])}"`);
    },
  },
];

/** A mutation that unzips, damages one XML part (or the zip's list of parts) and zips again. */
export const PART_MUTATIONS: Mutation[] = [
  ...TEXT_EDITS.map(({ name, edit }): Mutation => ({
    name,
    apply(b, rng) {
      const parts = safeUnzip(b);
      if (!parts) return b;
      const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
      if (!names.length) return b;
      // sheets and shared strings most of the time: that is where the reader works hardest
      const preferred = names.filter((n) => /worksheets\/|sharedStrings|workbook\.xml/.test(n));
      const target = preferred.length && rng.next() < 0.8 ? rng.pick(preferred) : rng.pick(names);
      parts[target] = strToU8(edit(strFromU8(parts[target]), rng));
      return zipAgain(parts);
    },
  })),
  {
    name: "drop-part",
    apply(b, rng) {
      const parts = safeUnzip(b);
      if (!parts) return b;
      delete parts[rng.pick(Object.keys(parts))];
      return zipAgain(parts);
    },
  },
  {
    name: "rename-part",
    apply(b, rng) {
      const parts = safeUnzip(b);
      if (!parts) return b;
      const from = rng.pick(Object.keys(parts));
      const to = rng.pick(Object.keys(parts));
      parts[to] = parts[from];
      return zipAgain(parts);
    },
  },
];

/**
 * The parts of a zip, or null when it cannot be unzipped or declares a part over 16 MiB: fflate
 * allocates each part's declared size up front, and a mutated directory may declare gigabytes.
 */
function safeUnzip(b: Uint8Array): Record<string, Uint8Array> | null {
  let tooBig = false;
  try {
    const parts = unzipSync(b, {
      filter: (f) => {
        if (f.originalSize > 16 * 1024 * 1024 || f.size > 16 * 1024 * 1024) tooBig = true;
        return !tooBig;
      },
    });
    return tooBig ? null : parts;
  } catch {
    return null;
  }
}

function zipAgain(parts: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [n, v] of Object.entries(parts)) z[n] = [v, { mtime: new Date(2024, 0, 1) }];
  return zipSync(z, { level: 1 });
}

export const MUTATIONS: Mutation[] = [...BYTE_MUTATIONS, ...PART_MUTATIONS];

export interface FuzzCase {
  seed: number;
  /** The mutations applied, in order. */
  applied: string[];
  bytes: Uint8Array;
}

/**
 * The file of case `seed`: 1–3 mutations (byte and part mutations alike) of one of the bases, a
 * donor for splices taken from the others.
 */
export function fuzzCase(seed: number, bases: readonly Uint8Array[]): FuzzCase {
  const rng = new Prng(seed);
  let bytes = bases[rng.int(bases.length)];
  const donor = bases[rng.int(bases.length)];
  const applied: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const m = rng.pick(MUTATIONS);
    applied.push(m.name);
    bytes = m.apply(bytes, rng, donor);
  }
  return { seed, applied, bytes };
}
