import { memoByText } from "./textMemo";

describe("memoByText", () => {
  it("computes each text once until the memo is full, then starts afresh", () => {
    const compute = jest.fn((t: string) => t.length);
    const len = memoByText(compute, 3);
    expect(["a", "bb", "a", "ccc", "bb"].map(len)).toEqual([1, 2, 1, 3, 2]);
    expect(compute.mock.calls.map((c) => c[0])).toEqual(["a", "bb", "ccc"]);
    // a fourth text clears the three remembered ones
    expect(len("dddd")).toBe(4);
    expect(len("a")).toBe(1);
    expect(compute.mock.calls.map((c) => c[0])).toEqual(["a", "bb", "ccc", "dddd", "a"]);
  });

  it("remembers falsy results too", () => {
    const compute = jest.fn(() => false);
    const judge = memoByText(compute, 10);
    judge("无");
    judge("无");
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
