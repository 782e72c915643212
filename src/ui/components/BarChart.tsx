// A bar chart as inline SVG: no chart library, fixed height so nothing
// jumps while it loads. Each bar carries its figure as a <title>; the whole
// chart has a text summary for screen readers.

export interface BarChartProps {
  /** [label, value] in display order (years ascending). */
  data: [string, number][];
  label: string;
  height?: number;
  width?: number;
}

export function BarChart({ data, label, height = 110, width = 380 }: BarChartProps) {
  if (!data.length) return <p class="muted small chart-empty">No figures to chart.</p>;
  const max = Math.max(1, ...data.map(([, v]) => v));
  const axis = 16;
  const plot = height - axis;
  const step = width / data.length;
  const bar = Math.max(2, Math.min(28, step * 0.7));
  const every = Math.ceil(data.length / 10);
  const first = data[0]!;
  const last = data[data.length - 1]!;
  const summary = `${label}: ${first[0]}–${last[0]}, highest ${max.toLocaleString('en')}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={summary} preserveAspectRatio="none">
        <title>{summary}</title>
        {data.map(([k, v], i) => {
          const h = (v / max) * (plot - 4);
          const x = i * step + (step - bar) / 2;
          return (
            <g key={k}>
              <rect class="bar" x={x} y={plot - h} width={bar} height={h}>
                <title>{`${k}: ${v.toLocaleString('en')}`}</title>
              </rect>
              {i % every === 0 && (
                <text class="tick" x={x + bar / 2} y={height - 3} text-anchor="middle">
                  {k}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="muted small">{label}</figcaption>
    </figure>
  );
}

/** Year-keyed figures as chart data, every year in the range filled (0 where missing). */
export function yearSeries(byYear: Record<string, number>): [string, number][] {
  const years = Object.keys(byYear).map(Number).filter(Number.isInteger);
  if (!years.length) return [];
  const out: [string, number][] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push([String(y), byYear[String(y)] ?? 0]);
  return out;
}
