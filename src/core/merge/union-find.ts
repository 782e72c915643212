// Union-find with "cannot link" constraints. Each set carries tags
// ("doi" → value, "split:3" → side); a union is refused when both sets carry
// the same tag name with different values. The caller unions in a fixed order,
// so the result never depends on the input order.

export class ConstrainedUnionFind {
  private parent: number[];
  private tags: (Map<string, string> | undefined)[];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.tags = new Array<Map<string, string> | undefined>(n);
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
    const m = (this.tags[r] ??= new Map());
    const old = m.get(name);
    if (old === undefined) m.set(name, value);
    else if (old !== value) m.set(name, `${old}|${value}`);
  }

  /** `only`: check just the tags whose name starts with it (a user's join overrides id conflicts, not a user's split). */
  canUnion(a: number, b: number, only?: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ta = this.tags[ra];
    const tb = this.tags[rb];
    if (!ta || !tb) return true;
    const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
    for (const [k, v] of small) {
      if (only !== undefined && !k.startsWith(only)) continue;
      const w = large.get(k);
      if (w !== undefined && !sameValues(v, w)) return false;
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
      const tr = (this.tags[root] ??= new Map());
      for (const [k, v] of tc) if (!tr.has(k)) tr.set(k, v);
      this.tags[child] = undefined;
    }
    return true;
  }
}

// A value "x|y" (an element with two values for one tag) conflicts with any
// other set carrying that tag, except one with exactly the same value list.
function sameValues(a: string, b: string): boolean {
  return a === b;
}
