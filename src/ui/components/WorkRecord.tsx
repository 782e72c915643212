// One work's whole record, as the popup shows it on a paper page and the
// dashboard in each work's row: every author, the venue and year, the DOI and
// other ids (linked where they have a canonical address), the abstract on
// demand, Copy citation (APA, Chicago, IEEE, BibTeX) and the export of that
// one work. The citation styles are loaded on the first copy: the popup opens
// without them.
import { useState } from 'preact/hooks';
import type { LightWork, MergedWork } from '../../core/merge/types';
import { DataLink, Each, Facts } from './data';
import { ExportButtons } from './ExportButtons';
import { useProvenance } from './provenance';

type Style = 'apa' | 'chicago' | 'ieee' | 'bibtex';
const STYLES: [Style, string][] = [
  ['apa', 'APA'],
  ['chicago', 'Chicago'],
  ['ieee', 'IEEE'],
  ['bibtex', 'BibTeX'],
];

const ID_LABEL: Record<string, string> = { doi: 'DOI', arxiv: 'arXiv', pmid: 'PMID', pmcid: 'PMCID', dblp: 'DBLP', s2: 'Semantic Scholar', gscholar: 'Google Scholar', openreview: 'OpenReview', acl: 'ACL Anthology', openalex: 'OpenAlex' };
const ID_ORDER = Object.keys(ID_LABEL);

/** The canonical page of an id, built from the id alone (never a link the page gave). */
export function idHref(kind: string, id: string): string | undefined {
  const path = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  switch (kind) {
    case 'doi':
      return `https://doi.org/${path(id)}`;
    case 'arxiv':
      return `https://arxiv.org/abs/${path(id)}`;
    case 'pmid':
      return /^\d+$/.test(id) ? `https://pubmed.ncbi.nlm.nih.gov/${id}/` : undefined;
    case 'pmcid':
      return /^PMC\d+$/i.test(id) ? `https://www.ncbi.nlm.nih.gov/pmc/articles/${id.toUpperCase()}/` : undefined;
    case 'acl':
      return `https://aclanthology.org/${encodeURIComponent(id)}`;
    default:
      return undefined;
  }
}

/** The CSL item of one merged work with its citation key, through the export code (loaded on demand). */
async function citationOf(work: MergedWork, style: Style): Promise<string> {
  const [{ itemsFromMerged }, { formatCitation }] = await Promise.all([import('../../formats'), import('../../formats/cite-styles')]);
  return formatCitation(itemsFromMerged([work])[0]!, style);
}

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

export function WorkRecord(props: {
  work: LightWork;
  now(): Date;
  /** The popup shows the title; the dashboard's row already does. */
  showTitle?: boolean;
  /** Injected in tests; the clipboard otherwise. */
  copy?(text: string): Promise<void>;
}) {
  const { work: w } = props;
  const [copied, setCopied] = useState<{ label: string; text: string; ok: boolean; problem?: string } | undefined>();
  const ids = (Object.entries(w.ids) as [string, string][]).sort(([a], [b]) => ID_ORDER.indexOf(a) - ID_ORDER.indexOf(b));
  const provenance = useProvenance();
  async function copy(style: Style, label: string) {
    let text: string;
    try {
      text = await citationOf((await provenance([w]))[0]!, style);
    } catch (e) {
      setCopied({ label, text: '', ok: false, problem: e instanceof Error ? e.message : String(e) });
      return;
    }
    let ok = true;
    try {
      await (props.copy ?? clipboardCopy)(text);
    } catch {
      ok = false; // The text stays shown below to select by hand.
    }
    setCopied({ label, text, ok });
  }
  return (
    <div class="work-record">
      {props.showTitle !== false && (
        <p class="record-title" dir="auto">
          <bdi>{w.title ?? '(untitled)'}</bdi>
        </p>
      )}
      {w.authors && w.authors.length > 0 && (
        <p class="record-authors" dir="auto">
          <Each items={w.authors} />
        </p>
      )}
      {(w.venue || w.year) && (
        <p class="record-venue muted" dir="auto">
          <Facts items={[w.venue, w.year]} />
        </p>
      )}
      {ids.length > 0 && (
        <ul class="record-ids small">
          {ids.map(([kind, id]) => {
            const href = idHref(kind, id);
            return (
              <li>
                {ID_LABEL[kind] ?? kind}:{' '}
                <span dir="ltr">
                  <DataLink url={href}>{id}</DataLink>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {w.abstract && (
        <details class="record-abstract">
          <summary>Abstract</summary>
          <p dir="auto">
            <bdi>{w.abstract}</bdi>
          </p>
        </details>
      )}
      <div class="copy-citation" role="group" aria-label="Copy citation">
        <span class="small">Copy citation:</span>
        {STYLES.map(([style, label]) => (
          <button type="button" class="chip-button" data-style={style} onClick={() => copy(style, label)}>
            {label}
          </button>
        ))}
      </div>
      {copied?.problem !== undefined && (
        <p class="small muted" role="status">
          Not copied: {copied.problem}
        </p>
      )}
      {copied && copied.problem === undefined && (
        <>
          <p class="small muted" role="status">
            {copied.ok ? `${copied.label} citation copied.` : `Could not copy: select the ${copied.label} citation below.`}
          </p>
          <output class="citation" dir="auto">
            <bdi>{copied.text}</bdi>
          </output>
        </>
      )}
      <ExportButtons scope={{ works: [w], selection: true }} now={props.now} label="Export this work" />
    </div>
  );
}
