// Union-find with "cannot link" constraints. Each set carries tags
// ("doi" → value, "split:3" → side); a union is refused when both sets carry
// the same tag name with different values. The caller unions in a fixed order,
// so the result never depends on the input order.

export class ConstrainedUnionFind {
  private parent: number[];
  /**
   * Each root's tags as a flat list of names and values (name, value, name,
   * value…) in the order they were set: a set carries a handful (the kinds of
   * id that conflict, a user's splits), so a list beats a Map per element.
   */
  private tags: (string[] | undefined)[];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.tags = new Array<string[] | undefined>(n);
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    let c = i;
    while (this.parent[c] !== r) {
      const next = this.parent[c]!;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }

  /** Tag an element (before unions). Two values for one name on one element are kept as "conflicting with both". */
  tag(i: number, name: string, value: string): void {
    const r = this.find(i);
    const t = this.tags[r];
    // A list of its length for the usual element with one tag.
    if (!t) {
      this.tags[r] = [name, value];
      return;
    }
    const at = indexOfName(t, name);
    if (at < 0) t.push(name, value);
    else if (t[at + 1] !== value) t[at + 1] = `${t[at + 1]!}|${value}`;
  }

  /** `only`: check just the tags whose name starts with it (a user's join overrides id conflicts, not a user's split). */
  canUnion(a: number, b: number, only?: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ta = this.tags[ra];
    const tb = this.tags[rb];
    if (!ta || !tb) return true;
    const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
    for (let x = 0; x < small.length; x += 2) {
      const k = small[x]!;
      if (only !== undefined && !k.startsWith(only)) continue;
      const at = indexOfName(large, k);
      if (at >= 0 && !sameValues(small[x + 1]!, large[at + 1]!)) return false;
    }
    return true;
  }

  /** Joins the sets of a and b unless a constraint forbids it; returns whether they are now together. */
  union(a: number, b: number, only?: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!this.canUnion(ra, rb, only)) return false;
    // Smaller index as root keeps roots deterministic.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    const tc = this.tags[child];
    if (tc) {
      const tr = this.tags[root];
      if (!tr) this.tags[root] = tc;
      else for (let x = 0; x < tc.length; x += 2) if (indexOfName(tr, tc[x]!) < 0) tr.push(tc[x]!, tc[x + 1]!);
      this.tags[child] = undefined;
    }
    return true;
  }
}

/** Where a name is in a flat list of names and values, or -1. */
function indexOfName(t: readonly string[], name: string): number {
  for (let x = 0; x < t.length; x += 2) if (t[x] === name) return x;
  return -1;
}

// A value "x|y" (an element with two values for one tag) conflicts with any
// other set carrying that tag, except one with exactly the same value list.
function sameValues(a: string, b: string): boolean {
  return a === b;
}
