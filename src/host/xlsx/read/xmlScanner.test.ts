import { Scanner } from "./xmlScanner";

/** The tags a scanner reads, as `name`, `/name` or `name/`. */
function tags(xml: string): string[] {
  const sc = new Scanner(xml);
  const out: string[] = [];
  while (sc.next()) out.push(sc.closing ? `/${sc.name}` : sc.selfClosing ? `${sc.name}/` : sc.name);
  return out;
}

/** Characters that String.prototype.indexOf looked at while `f` ran (each call: from its start to its hit, or to the end). */
function charsSearched(f: () => void): number {
  const original = String.prototype.indexOf;
  let n = 0;
  const spy = jest.spyOn(String.prototype, "indexOf").mockImplementation(function (this: string, what: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const hit = original.call(this, what, start);
    n += (hit < 0 ? this.length : hit) - start;
    return hit;
  });
  try {
    f();
  } finally {
    spy.mockRestore();
  }
  return n;
}

describe("Scanner markup declarations", () => {
  it("skips <!DOCTYPE> with and without an internal subset, comments and CDATA", () => {
    expect(tags('<!DOCTYPE x [ <!ENTITY e "<b>"> ]><a><!-- <c/> --><![CDATA[<d/>]]><e/></a>')).toEqual(["a", "e/", "/a"]);
    expect(tags("<!DOCTYPE x><a/>")).toEqual(["a/"]);
    // a `[` after the declaration's `>` is not a subset: the tag after the declaration is read
    expect(tags("<!DOCTYPE x><a>[</a><b/>")).toEqual(["a", "/a", "b/"]);
    expect(tags("<a/><!DOCTYPE x [ never closed")).toEqual(["a/"]);
    expect(tags("<a/><!x")).toEqual(["a/"]);
  });

  it("does work in proportion to the text for many <!…> declarations (once it searched to the end for each)", () => {
    const n = 4000;
    const xml = `<a>${"<!x>".repeat(n)}<b/></a>`;
    let read: string[] = [];
    const searched = charsSearched(() => {
      read = tags(xml);
    });
    expect(read).toEqual(["a", "b/", "/a"]);
    // before the fix: some n²/2 × 4 characters (32 million here); now a few per character
    expect(searched).toBeLessThan(10 * xml.length);
  });
});
