// "Read this page": run the generic list reader in the tab, show what it
// found (count, fields, the first items), let the user say whose list it is
// (or nobody's), and store only on confirm. The popup opens with the button
// alone: what shows and stores the preview (ReadListPreview.tsx) is loaded
// on the click, while the tab reads.

import { useState } from 'preact/hooks';
import type { Capture } from '../../core/capture';
import type { ListPreview } from '../../shell/read-list';
import type { ReadListPreview as PreviewView } from './ReadListPreview';

export interface ReadThisPageData {
  /** Run the reader in the tab (activeTab) and return its preview; stores nothing. */
  readList(): Promise<ListPreview | { error: string }>;
  /** Store a confirmed capture (it goes through the background's validation like any capture). */
  saveList(capture: Capture): Promise<void>;
  now(): Date;
}

const previewView = () => import('./ReadListPreview');

type Phase =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'preview'; preview: ListPreview; View: typeof PreviewView }
  | { phase: 'failed'; message: string };

/**
 * `fallbackFor`: the name of the site whose own reader did not understand
 * this page; the generic readers are then offered in its place.
 */
export function ReadThisPage({ data, onSaved, fallbackFor }: { data: ReadThisPageData; onSaved(): void; fallbackFor?: string }) {
  const [state, setState] = useState<Phase>({ phase: 'idle' });

  async function read() {
    setState({ phase: 'reading' });
    try {
      const [r, { ReadListPreview }] = await Promise.all([data.readList(), previewView()]);
      if ('error' in r) return setState({ phase: 'failed', message: r.error });
      setState({ phase: 'preview', preview: r, View: ReadListPreview });
    } catch (err) {
      setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  if (state.phase === 'preview') {
    const { View } = state;
    return (
      <View
        data={data}
        preview={state.preview}
        onSaved={() => {
          setState({ phase: 'idle' });
          onSaved();
        }}
        onClose={() => setState({ phase: 'idle' })}
        onFailed={(message) => setState({ phase: 'failed', message })}
      />
    );
  }
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
}
