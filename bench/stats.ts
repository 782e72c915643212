// What every figure is made of: a name, a value, a budget and whether it held.
// Figures are medians over several runs; ratios are taken within one run and
// the median of those ratios reported, so a slow moment affects both sides.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Upper bound; absent for figures that are only reported. */
  budget?: number;
  /** How the figure was obtained, when the name alone does not say. */
  note?: string;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function verdict(f: Figure): 'pass' | 'FAIL' | '' {
  if (f.budget === undefined) return '';
  return f.value <= f.budget ? 'pass' : 'FAIL';
}

export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4;
  return Number(v.toFixed(digits));
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [f.name, `${round(f.value)} ${f.unit}`, f.budget === undefined ? '—' : `≤ ${f.budget} ${f.unit}`, verdict(f) || 'reported']);
  const head = ['figure', 'value', 'budget', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table as Markdown, for the README. */
export function markdown(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.name} | ${round(f.value)} ${f.unit} | ${f.budget === undefined ? '—' : `≤ ${f.budget} ${f.unit}`} | ${verdict(f) || 'reported'} |`);
  return ['| figure | value | budget | result |', '|---|---|---|---|', ...rows].join('\n');
}
