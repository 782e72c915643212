// Several series on one axis of years: BarChart's bars (same classes, same
// geometry) side by side per year, one colour per series and a legend. In its
// own module so the popup, which draws single series only, does not load it.
export interface SeriesBarChartProps {
  /** The shared axis (years ascending). */
  labels: string[];
  /** One value per label; null draws nothing (not stated), which is not 0. */
  series: { name: string; values: (number | null)[] }[];
  label: string;
  height?: number;
  width?: number;
}

/**
 * Several people's figures on one axis: the BarChart above with each label's
 * bars side by side, one colour per series (theme.css .series-N) and a legend.
 */
export function SeriesBarChart({ labels, series, label, height = 140, width = 560 }: SeriesBarChartProps) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (!labels.length || !values.length) return <p class="muted small chart-empty">No figures to chart.</p>;
  const max = Math.max(1, ...values);
  const axis = 16;
  const plot = height - axis;
  const step = width / labels.length;
  const group = Math.max(2, Math.min(14 * series.length, step * 0.8));
  const bar = group / series.length;
  const every = Math.ceil(labels.length / 10);
  const summary = `${label}: ${labels[0]}–${labels[labels.length - 1]}, ${series.map((s) => s.name).join(', ')}; highest ${max.toLocaleString('en')}`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={summary} preserveAspectRatio="none">
        <title>{summary}</title>
        {labels.map((k, i) => {
          const x0 = i * step + (step - group) / 2;
          return (
            <g key={k}>
              {series.map((s, j) => {
                const v = s.values[i];
                if (v === null || v === undefined) return null;
                const h = (v / max) * (plot - 4);
                return (
                  <rect class={`bar series-${j}`} x={x0 + j * bar} y={plot - h} width={Math.max(1, bar - 0.5)} height={h}>
                    <title>{`${s.name}, ${k}: ${v.toLocaleString('en')}`}</title>
                  </rect>
                );
              })}
              {i % every === 0 && (
                <text class="tick" x={x0 + group / 2} y={height - 3} text-anchor="middle">
                  {k}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="muted small">
        <ul class="legend">
          {series.map((s, j) => (
            <li>
              <span class={`swatch series-${j}`} aria-hidden="true" />
              <span dir="auto">{s.name}</span>
            </li>
          ))}
        </ul>
        {label}
      </figcaption>
    </figure>
  );
}
