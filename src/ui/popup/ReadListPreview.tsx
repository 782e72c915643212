// What "Read this page" found, shown before anything is stored: the count,
// the fields, the first items, whose list it is (or nobody's), and the
// capture stored on confirm (list-capture.ts). Loaded by ReadThisPage.tsx on
// the click: the popup opens without it.

import { useState } from 'preact/hooks';
import type { ListPreview } from '../../shell/read-list';
import { listCapture } from './list-capture';
import { Facts } from '../components/data';
import type { FieldName } from '../../readers/list-reader/index';
import type { ReadThisPageData } from './ReadThisPage';

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

/** The preview of a read that found something (or nothing); `onFailed` hands a failed save back to the button's view. */
export function ReadListPreview({
  data,
  preview,
  onSaved,
  onClose,
  onFailed,
}: {
  data: ReadThisPageData;
  preview: ListPreview;
  onSaved(): void;
  onClose(): void;
  onFailed(message: string): void;
}) {
  const [owner, setOwner] = useState(preview.ownerGuess ?? '');
  const [isOwner, setIsOwner] = useState(false);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    setSaving(true);
    try {
      await data.saveList(listCapture(preview, { confirmed: isOwner, name: owner }, data.now()));
      onSaved();
    } catch (err) {
      onFailed(err instanceof Error ? err.message : String(err));
    }
  }

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
        <button type="button" class="link" onClick={onClose}>
          Close
        </button>
      </section>
    );
  const name = owner.trim();
  if (preview.paper) return <PaperPreview preview={preview} saving={saving} onSave={confirm} onCancel={onClose} />;
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
        <button type="button" class="primary" onClick={confirm} disabled={saving}>
          {saving ? 'Saving…' : `Save ${n.toLocaleString('en')} works`}
        </button>
        <button type="button" class="secondary" onClick={onClose} disabled={saving}>
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
