// "Save this page": read an unsupported page's embedded citation data once,
// or from now on for its whole host (a permission the user grants).
import { useState } from 'preact/hooks';

export function SaveThisPage(props: { url: string; saving: boolean; onSave(): void; enableSite(origin: string): Promise<boolean> }) {
  const origin = new URL(props.url).origin;
  const [enabled, setEnabled] = useState<boolean | undefined>();
  // The background refuses plain-http pages: say so instead of offering what would fail.
  if (!props.url.startsWith('https:'))
    return (
      <section class="save" aria-label="Save this page">
        <p class="muted small">
          This page is served over plain http, so Scholar Lens does not read it: anyone on the network between you and the site could have written
          what it shows. Open its https address to save it.
        </p>
      </section>
    );
  return (
    <section class="save" aria-label="Save this page">
      <button type="button" class="primary" onClick={props.onSave} disabled={props.saving}>
        {props.saving ? 'Reading this page…' : 'Save this page'}
      </button>
      <p class="muted small">Reads the article's embedded citation data on this page only, now. Nothing is sent anywhere.</p>
      <button type="button" class="link" onClick={async () => setEnabled(await props.enableSite(origin))}>
        Always read article pages on {new URL(props.url).host}
      </button>
      {enabled === true && <p class="small">Article pages on this site will be saved as you browse.</p>}
      {enabled === false && <p class="small">Permission was not granted; nothing changes.</p>}
    </section>
  );
}
