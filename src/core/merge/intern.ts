// One string per distinct value within a merge: words, stems and keys recur
// across thousands of titles and names, and holding each once is most of what
// the merge's records weigh (issue 16, merge memory). Local to a merge, so
// nothing outlives it.

/** A function returning, for each string, the first equal string it was given. */
export function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const k = seen.get(s);
    if (k !== undefined) return k;
    seen.set(s, s);
    return s;
  };
}
