// What keeps objects alive in a V8 heap snapshot (the .heapsnapshot JSON a
// DevTools protocol session's HeapProfiler.takeHeapSnapshot streams): the
// shortest path of strong edges from the snapshot's root to each object
// chosen, grouped by the path's edge names, so that "which copy of the
// library is held, and by what" can be read without the DevTools UI
// (bench/memory-phases.ts --retainers).

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[][]; edge_fields: string[]; edge_types: unknown[][] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/**
 * For every object node with all of the property names `props` (e.g. a stored
 * capture record: key, capture, timesSeen), the edges from the root to it;
 * answers the distinct paths (the last `depth` steps dropped into one "…"
 * when longer) with how many objects each holds.
 */
export function retainerPaths(json: string, props: readonly string[], o: { maxPath?: number } = {}): { path: string; objects: number }[] {
  const snap = JSON.parse(json) as Snapshot;
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const nodeTypes = snap.snapshot.meta.node_types[0] as string[];
  const edgeTypes = snap.snapshot.meta.edge_types[0] as string[];
  const N = nf.length;
  const E = ef.length;
  const [nType, nName, nEdges] = [nf.indexOf('type'), nf.indexOf('name'), nf.indexOf('edge_count')];
  const [eType, eName, eTo] = [ef.indexOf('type'), ef.indexOf('name_or_index'), ef.indexOf('to_node')];
  const count = snap.nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += snap.nodes[i * N + nEdges]! * E;
    firstEdge[i + 1] = e;
  }
  const edgeName = (e: number) => {
    const t = edgeTypes[snap.edges[e + eType]!]!;
    const v = snap.edges[e + eName]!;
    return t === 'element' || t === 'hidden' ? `[${v}]` : snap.strings[v]!;
  };
  const nodeName = (i: number) => {
    const t = nodeTypes[snap.nodes[i * N + nType]!]!;
    return t === 'object' || t === 'native' || t === 'closure' ? snap.strings[snap.nodes[i * N + nName]!]!.slice(0, 60) : `(${t})`;
  };
  // Shortest strong paths from the root (node 0).
  const parent = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  parent[0] = 0;
  const queue = new Uint32Array(count);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const i = queue[head++]!;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E) {
      const t = edgeTypes[snap.edges[e + eType]!]!;
      if (t === 'weak' || t === 'shortcut') continue;
      const to = snap.edges[e + eTo]! / N;
      if (parent[to] !== -1) continue;
      parent[to] = i;
      via[to] = e;
      queue[tail++] = to;
    }
  }
  const want = new Set(props);
  const groups = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    if (nodeTypes[snap.nodes[i * N + nType]!] !== 'object' || parent[i] === -1) continue;
    let seen = 0;
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e += E) if (edgeTypes[snap.edges[e + eType]!] === 'property' && want.has(snap.strings[snap.edges[e + eName]!]!)) seen++;
    if (seen < want.size) continue;
    const steps: string[] = [];
    for (let j = i; j !== 0; j = parent[j]!) steps.push(`${nodeName(parent[j]!)}.${edgeName(via[j]!)}`);
    steps.reverse();
    // Element indexes vary per object: the path's shape, not its positions.
    const shape = steps.map((s) => s.replace(/\[\d+\]$/, '[i]'));
    const max = o.maxPath ?? 14;
    const path = shape.length > max ? [...shape.slice(0, max - 2), '…', ...shape.slice(-2)].join(' → ') : shape.join(' → ');
    groups.set(path, (groups.get(path) ?? 0) + 1);
  }
  return [...groups].map(([path, objects]) => ({ path, objects })).sort((a, b) => b.objects - a.objects);
}
