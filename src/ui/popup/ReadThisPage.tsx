// "Read this page": run the generic list reader in the tab, show what it
// found (count, fields, the first items), let the user say whose list it is
// (or nobody's), and store only on confirm.

import { useState } from 'preact/hooks';
import type { Capture } from '../../core/capture';
import type { ListPreview } from '../../shell/read-list';
import { listCapture } from './list-capture';
import { Facts } from '../components/data';
import type { FieldName } from '../../readers/list-reader/index';

export interface ReadThisPageData {
  /** Run the reader in the tab (activeTab) and return its preview; stores nothing. */
  readList(): Promise<ListPreview | { error: string }>;
  /** Store a confirmed capture (it goes through the background's validation like any capture). */
  saveList(capture: Capture): Promise<void>;
  now(): Date;
}

const FIELD_LABEL: Record<FieldName, string> = {
  title: 'titles',
  authors: 'authors',
  year: 'years',
  venue: 'venues',
  abstract: 'abstracts',
  citations: 'citation counts',
  ids: 'DOI/arXiv ids',
  url: 'links',
};

const SHOWN = 5;

type Phase =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'preview'; preview: ListPreview }
  | { phase: 'saving'; preview: ListPreview }
  | { phase: 'failed'; message: string };

/**
 * `fallbackFor`: the name of the site whose own reader did not understand
 * this page; the generic readers are then offered in its place.
 */
export function ReadThisPage({ data, onSaved, fallbackFor }: { data: ReadThisPageData; onSaved(): void; fallbackFor?: string }) {
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [owner, setOwner] = useState('');
  const [isOwner, setIsOwner] = useState(false);

  async function read() {
    setState({ phase: 'reading' });
    try {
      const r = await data.readList();
      if ('error' in r) return setState({ phase: 'failed', message: r.error });
      setOwner(r.ownerGuess ?? '');
      setIsOwner(false);
      setState({ phase: 'preview', preview: r });
    } catch (err) {
      setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function confirm(preview: ListPreview) {
    setState({ phase: 'saving', preview });
    try {
      await data.saveList(listCapture(preview, { confirmed: isOwner, name: owner }, data.now()));
      setState({ phase: 'idle' });
      onSaved();
    } catch (err) {
      setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  if (state.phase === 'idle' || state.phase === 'reading' || state.phase === 'failed')
    return (
      <section class="read-list" aria-label="Read this page">
        <button type="button" class="primary" onClick={read} disabled={state.phase === 'reading'}>
          {state.phase === 'reading' ? 'Reading this page…' : 'Read this page'}
        </button>
        {fallbackFor ? (
          <p class="small fallback-offer">
            {fallbackFor}'s reader could not read this page, so nothing was saved. The generic readers may still find its works (a publication list, or
            one article's citation metadata): they show you what they find before anything is saved.
          </p>
        ) : (
          <p class="muted small">Looks for a list of publications on this page (any site) and shows it to you before anything is saved.</p>
        )}
        {state.phase === 'failed' && (
          <p class="status status--bad" role="alert">
            The page could not be read: {state.message}
          </p>
        )}
      </section>
    );

  const { preview } = state;
  const n = preview.works.length;
  if (n === 0)
    return (
      <section class="read-list" aria-label="Read this page">
        <p class="status status--warn" role="status">
          No list of works found on this page
          {preview.notes[0] ? (
            <>
              : <bdi>{preview.notes[0]}</bdi>
            </>
          ) : (
            '.'
          )}
        </p>
        <button type="button" class="link" onClick={() => setState({ phase: 'idle' })}>
          Close
        </button>
      </section>
    );
  const name = owner.trim();
  if (preview.paper) return <PaperPreview preview={preview} saving={state.phase === 'saving'} onSave={() => confirm(preview)} onCancel={() => setState({ phase: 'idle' })} />;
  return (
    <section class="read-list preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        Found {n.toLocaleString('en')} {n === 1 ? 'work' : 'works'} on this page
      </h2>
      <p class="small found">
        With {preview.found.map((f) => `${FIELD_LABEL[f]} (${preview.fields[f]})`).join(', ')}.{' '}
        <span class="muted">Confidence {Math.round(preview.confidence * 100)}%.</span>
      </p>
      <ol class="preview-works">
        {preview.works.slice(0, SHOWN).map((w, i) => (
          <li>
            <span class="title" dir="auto">
              {w.title ?? (
                <em>
                  (no title) <bdi>{w.abstract?.slice(0, 80)}</bdi>…
                </em>
              )}
            </span>
            <span class="meta small muted">
              <Facts items={[authorsShort(w.authors), w.venue, w.year]} />
            </span>
            {preview.reasons?.[i]?.length ? (
              <span class="reasons small muted" title="Why this was read as a work">
                {preview.reasons[i]!.join(', ')}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {n > SHOWN && <p class="muted small">and {(n - SHOWN).toLocaleString('en')} more</p>}
      <label class="owner-field small">
        Whose list is this?
        <input type="text" value={owner} onInput={(e) => setOwner((e.target as HTMLInputElement).value)} placeholder="Name (optional)" dir="auto" />
      </label>
      <label class="owner-check small">
        <input type="checkbox" checked={isOwner && !!name} disabled={!name} onChange={(e) => setIsOwner((e.target as HTMLInputElement).checked)} />
        {name ? (
          <span>
            This is <bdi>{name}</bdi>'s list of works
          </span>
        ) : (
          'Type a name to attribute this list to someone'
        )}
      </label>
      <p class="muted small">
        {isOwner && name ? (
          <>
            Saved as <bdi>{name}</bdi>'s author page.
          </>
        ) : (
          'Saved as a list of works that belongs to nobody in particular.'
        )}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => confirm(preview)} disabled={state.phase === 'saving'}>
          {state.phase === 'saving' ? 'Saving…' : `Save ${n.toLocaleString('en')} works`}
        </button>
        <button type="button" class="secondary" onClick={() => setState({ phase: 'idle' })} disabled={state.phase === 'saving'}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** One article read from its citation tags: shown as the paper it is, saved as a paper page. */
function PaperPreview({ preview, saving, onSave, onCancel }: { preview: ListPreview; saving: boolean; onSave(): void; onCancel(): void }) {
  const w = preview.works[0]!;
  return (
    <section class="read-list preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Found one article on this page</h2>
      <p class="small found">From its citation metadata.</p>
      <ol class="preview-works">
        <li>
          <span class="title" dir="auto">
            {w.title}
          </span>
          <span class="meta small muted">
            <Facts items={[authorsShort(w.authors), w.venue, w.year]} />
          </span>
        </li>
      </ol>
      <div class="actions">
        <button type="button" class="primary" onClick={onSave} disabled={saving}>
          {saving ? 'Saving…' : 'Save this article'}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** The first three authors, each shown isolated, and "…" when there are more. */
function authorsShort(authors: string[] | undefined): string[] | undefined {
  if (!authors?.length) return undefined;
  return [...authors.slice(0, 3), ...(authors.length > 3 ? ['…'] : [])];
}
