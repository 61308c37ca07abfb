/**
 * A pure function of a text, remembered for the texts a batch repeats: the workbooks of a batch carry
 * the same labels, unit names, contact lines and often the same explanations, and the engine folds
 * and judges each of them with Unicode normalisation and several regular expressions. Everything is
 * forgotten once `max` texts are remembered, so memory stays flat over any batch.
 */
export function memoByText<T>(compute: (text: string) => T, max: number): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      if (memo.size >= max) memo.clear();
      value = compute(text);
      memo.set(text, value);
    }
    return value;
  };
}
