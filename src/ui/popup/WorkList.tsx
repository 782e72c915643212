// Works as the popup lists them: title (a link when it has one), a line of
// facts, the citation count.
import type { Work } from '../../core/capture';
import type { ItemMark } from '../model/work-checks';
import { DataLink, Facts } from '../components/data';

export function WorkList({ works }: { works: Work[] }) {
  const shown = works.slice(0, 100);
  return (
    <>
      <ol>
        {shown.map((w) => (
          <WorkItem work={w} meta={[w.venue, w.year]} citesTitle="Citations the page states" />
        ))}
      </ol>
      {works.length > shown.length && <p class="muted small">and {works.length - shown.length} more</p>}
    </>
  );
}

/** One work in a list: its title (a link when it has one), a line of facts, its marks, its citation count. */
export function WorkItem(props: {
  work: { title?: string; url?: string; citations?: number };
  meta: (string | number | undefined | readonly string[])[];
  citesTitle: string;
  marks?: readonly ItemMark[];
}) {
  const w = props.work;
  const marks = props.marks ?? [];
  return (
    <li>
      <span class="title" dir="auto">
        <DataLink url={w.url}>{w.title ?? '(untitled)'}</DataLink>
      </span>
      <span class="meta">
        <Facts items={props.meta} />
      </span>
      {marks.length > 0 && (
        <span class="marks">
          {marks.map((m) => (
            <span class={`mark mark--${m.kind}`} title={m.title}>
              {m.label}
            </span>
          ))}
        </span>
      )}
      {w.citations !== undefined && (
        <span class="cites" title={props.citesTitle}>
          {w.citations.toLocaleString('en')}
        </span>
      )}
    </li>
  );
}
