// A modal confirmation on the native <dialog>: focus moves into it, Escape
// cancels, and focus returns to the button that opened it. Tab wraps inside
// it: a modal <dialog> makes the page inert, but Chromium still lets Tab leave
// for the browser's own toolbar.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmRequest {
  /** Markup, so data in it can sit in its own <bdi>. */
  title: ComponentChildren;
  body: ComponentChildren;
  action: string;
  /** What it returns is handed to whoever asked (the dashboard takes a delete's patch from it). */
  run(): Promise<unknown> | void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (request && !d.open) d.showModal();
    if (!request && d.open) d.close();
  }, [request]);
  return (
    <dialog ref={ref} class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={onClose} onKeyDown={keepFocusInside}>
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-body">{request.body}</p>
          <div class="actions">
            <button type="button" class="chip-button" autofocus onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                await request.run();
                onClose();
              }}
            >
              {request.action}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

function keepFocusInside(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const d = e.currentTarget as HTMLDialogElement;
  const stops = [...d.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')].filter((el) => !(el as HTMLButtonElement).disabled);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !d.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !d.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}
