// What the popup shows when the library cannot be shown (the store cannot be
// read, or merging failed on what it holds): the reason, and the two ways out
// that need no working library — restore a backup (in the dashboard, which
// has the file picker) or erase everything. Never a blank popup.
import { useState } from 'preact/hooks';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import type { PopupData } from './popup-data';

export function Recovery({ problem, data, onErased }: { problem: string; data: Pick<PopupData, 'dashboardUrl' | 'eraseAll'>; onErased(): void }) {
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  return (
    <section class="recovery" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Your library could not be shown</h2>
      <p>
        <bdi>{problem}</bdi>. What you saved is still stored: restore a backup, or erase everything and start again.
      </p>
      <div class="actions">
        <a class="chip-button" href={data.dashboardUrl()} target="_blank" rel="noreferrer">
          Restore a backup…
        </a>
        <button
          type="button"
          class="danger"
          onClick={() =>
            setConfirm({
              title: 'Erase everything?',
              body: 'Every saved page, your decisions and settings will be deleted from this browser. Make a backup in the dashboard first if you may want them back.',
              action: 'Erase everything',
              run: async () => {
                await data.eraseAll();
                onErased();
              },
            })
          }
        >
          Erase everything…
        </button>
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
