/**
 * node's zlib as the fast reader's codec: native inflate and CRC-32, about twice the speed of
 * fflate and the JavaScript CRC, with no warming up per worker thread.
 *
 * Inflating goes through one zlib handle per thread, reset between entries, into one output buffer.
 * `zlib.inflateRawSync` builds a Transform stream, a handle and fresh output buffers for every call and
 * closes them after: for the 5-8 small parts of a report that set-up cost several times the inflating
 * itself (2,100 parts of 300 reports: 25-99 ms against 12 ms, the first pass the slowest), and a batch
 * reader thread is busiest early, while that code is still cold. The handle is node's own binding
 * (`process.binding("zlib")`, deprecated in the documentation only, and the same object every zlib
 * stream wraps), on the node versions it was checked against; it is tried once per thread on a known
 * stream and, if anything about it differs (the permission model, say), every call goes through
 * `inflateRawSync` as before.
 */
import * as zlib from "zlib";
import type { ZipCodec } from "../host/xlsx/fastReader";

const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** The binding's zlib context, as node's lib/zlib.js drives it. */
interface ZlibHandle {
  init(windowBits: number, level: number, memLevel: number, strategy: number, state: Uint32Array, callback: () => void, dictionary: undefined): unknown;
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number) => void;
}

type ZlibBinding = { Zlib: new (mode: number) => ZlibHandle };

/** Output buffers up to this size are kept for the next entry; larger ones are made for their entry alone. */
const KEPT_OUTPUT_MAX = 1024 * 1024;

/** Inflates raw deflate streams through one reused zlib handle. */
export class HandleInflater {
  private handle: ZlibHandle | null = null;
  private readonly state = new Uint32Array(2);
  private error: string | null = null;
  private out = new Uint8Array(0);
  /** Where a stream that filled its buffer shows whether it had more. */
  private readonly probe = new Uint8Array(64);

  constructor(private readonly binding: ZlibBinding) {}

  /**
   * `data` inflated into at most `limit` bytes, or null when it holds more; throws on damaged data.
   * The result is a view of a buffer the next call overwrites: use it before inflating again.
   */
  inflate(data: Uint8Array, limit: number): Uint8Array | null {
    const h = this.open();
    const out = this.output(limit);
    const state = this.state;
    this.error = null;
    h.writeSync(zlib.constants.Z_FINISH, data, 0, data.length, out, 0, limit);
    this.failed();
    const produced = limit - state[0];
    if (state[0] === 0) {
      // the buffer is full: the stream may end exactly here, or hold more
      const left = state[1];
      h.writeSync(zlib.constants.Z_FINISH, data, data.length - left, left, this.probe, 0, this.probe.length);
      this.failed();
      if (state[0] !== this.probe.length) {
        h.reset();
        return null;
      }
    }
    h.reset();
    return out.subarray(0, produced);
  }

  private open(): ZlibHandle {
    if (this.handle) return this.handle;
    const h = new this.binding.Zlib(zlib.constants.INFLATERAW);
    h.onerror = (message) => {
      this.error = message;
    };
    h.init(15, 0, 8, 0, this.state, () => undefined, undefined);
    this.handle = h;
    return h;
  }

  private output(limit: number): Uint8Array {
    if (limit > KEPT_OUTPUT_MAX) return new Uint8Array(limit);
    if (this.out.length < limit) this.out = new Uint8Array(Math.min(KEPT_OUTPUT_MAX, Math.max(limit, 2 * this.out.length, 64 * 1024)));
    return this.out;
  }

  /** Throws the error zlib reported during the last write; the handle is not used again after one. */
  private failed(): void {
    if (this.error === null) return;
    const message = this.error;
    this.handle?.close();
    this.handle = null;
    throw new Error(message);
  }
}

/** A raw deflate stream of "abc" with a known result, to try the binding on before trusting it. */
const PROBE_STREAM = Uint8Array.of(0x4b, 0x4c, 0x4a, 0x06, 0x00);

/**
 * The node versions whose zlib binding this drives as their own lib/zlib.js does (read and tested on
 * node 20). Only these: the binding checks its arguments with CHECKs, which end the process instead
 * of throwing, so a changed signature in another version could not be caught by the probe below. To
 * add a version, read its lib/zlib.js (the `handle.init` and `handle.writeSync` calls) and run
 * src/cli/nodeZip.test.ts on it; every other version inflates through inflateRawSync.
 */
const VERIFIED_NODE_MAJORS = [20];

/** The reused-handle inflater when this node is one of those and its binding behaves as expected; null otherwise. */
export function handleInflater(given?: unknown, nodeVersion: string = process.versions.node): HandleInflater | null {
  if (!VERIFIED_NODE_MAJORS.includes(Number(nodeVersion.split(".")[0]))) return null;
  // asked only here, after the version: another node is never even asked for its binding
  const binding = given === undefined ? zlibBinding() : given;
  if (!binding || typeof (binding as ZlibBinding).Zlib !== "function") return null;
  try {
    const inflater = new HandleInflater(binding as ZlibBinding);
    for (let i = 0; i < 2; i++) {
      const out = inflater.inflate(PROBE_STREAM, 4);
      if (!out || out.length !== 3 || out[0] !== 0x61 || out[1] !== 0x62 || out[2] !== 0x63) return null;
    }
    if (inflater.inflate(PROBE_STREAM, 2) !== null) return null;
    return inflater;
  } catch {
    return null;
  }
}

function zlibBinding(): unknown {
  try {
    const get = (process as { binding?: (name: string) => unknown }).binding;
    return typeof get === "function" ? get.call(process, "zlib") : null;
  } catch {
    return null;
  }
}

function viaStream(data: Uint8Array, limit: number): Uint8Array | null {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: limit });
  } catch (e) {
    // the output would pass the limit: the entry holds more than it declared
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
}

/**
 * node's zlib as a codec. `inflater` gives the reused-handle inflater (asked once, on the first entry)
 * or null, for `inflateRawSync` on every call.
 */
export function nodeZipCodec(inflater: () => HandleInflater | null): ZipCodec {
  let chosen: HandleInflater | null | undefined;
  return {
    inflateRaw(data, limit) {
      if (chosen === undefined) chosen = inflater();
      return chosen ? chosen.inflate(data, limit) : viaStream(data, limit);
    },
    // zlib.crc32 arrived in node 20.15; older nodes keep the JavaScript CRC
    crc32: nativeCrc ? (data) => nativeCrc(data) >>> 0 : undefined,
  };
}

export const NODE_ZIP: ZipCodec = nodeZipCodec(() => handleInflater());
