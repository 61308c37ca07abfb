/**
 * Parsed package parts that recur between the workbooks of a batch: the workbook part, its
 * relationships and the styles. Workbooks filled in from one template and saved by the same program
 * carry these parts byte for byte alike, and inflating and parsing them again for every file was
 * about a seventh of reading one (node's inflate costs as much to set up as to run on a part this
 * small). A part is reused only when its stored bytes equal those it was first parsed from — not
 * merely its CRC — so the result is always what parsing it again would give.
 *
 * Callers must not modify what they get: the same object is handed to every workbook that has the part.
 */
export class PartCache {
  private readonly byKey = new Map<string, Array<{ stored: Uint8Array; value: unknown }>>();
  private size = 0;

  constructor(
    /** Parts remembered at most; all are forgotten when it is reached, so memory stays flat over any batch. */
    private readonly maxParts = 32,
    /** Larger parts are always parsed: comparing them would cost more than it saves, and they are seldom alike. */
    private readonly maxStoredBytes = 64 * 1024,
  ) {}

  /**
   * The parsed part: remembered when a part of this kind with exactly these stored bytes, and the
   * same declared method, CRC and size, was parsed before; from `parse` otherwise. A part `parse`
   * refuses (it throws) is not remembered, and one declared otherwise is parsed (and refused) again.
   */
  get<T>(kind: string, stored: Uint8Array, declared: { method: number; crc32: number; size: number }, parse: () => T): T {
    if (stored.length > this.maxStoredBytes) return parse();
    const key = `${kind}|${declared.method}|${declared.crc32}|${declared.size}|${stored.length}`;
    const seen = this.byKey.get(key);
    if (seen) for (const s of seen) if (sameBytes(s.stored, stored)) return s.value as T;
    const value = parse();
    if (this.size >= this.maxParts) {
      this.byKey.clear();
      this.size = 0;
    }
    const entry = { stored: stored.slice(), value };
    if (seen && this.byKey.has(key)) seen.push(entry);
    else this.byKey.set(key, [entry]);
    this.size++;
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
