// Horizontal bars for ranked names (co-authors), inline SVG with the figures as text.
import { isolated } from './data';
export function HBars({ data, label }: { data: [string, number][]; label: string }) {
  if (!data.length) return <p class="muted small chart-empty">Nothing to chart.</p>;
  const max = Math.max(1, ...data.map(([, v]) => v));
  const row = 18;
  const width = 420;
  const labelW = 170;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${data.length * row}`} width="100%" height={data.length * row} role="img" aria-label={`${label}: ${data.map(([k, v]) => `${k} ${v}`).join(', ')}`}>
        {data.map(([k, v], i) => (
          <g key={k}>
            <text class="tick" x={labelW - 6} y={i * row + 13} text-anchor="end">
              {isolated(k.length > 28 ? `${k.slice(0, 27)}…` : k)}
            </text>
            <rect class="bar" x={labelW} y={i * row + 3} width={((width - labelW - 30) * v) / max} height={row - 6}>
              <title>{`${isolated(k)}: ${v}`}</title>
            </rect>
            <text class="tick" x={labelW + ((width - labelW - 30) * v) / max + 4} y={i * row + 13}>
              {v}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="muted small">{label}</figcaption>
    </figure>
  );
}
