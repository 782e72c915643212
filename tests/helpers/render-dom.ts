// A linkedom document for component tests: Preact renders into whatever
// `document` is global, so a test file installs this one for its tests and
// puts the previous one back after them.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterAll, beforeAll } from 'vitest';

export interface RenderDom {
  dom: ReturnType<typeof parseHTML>;
  /** Render a component into a fresh element of the document's body. */
  mount(node: () => unknown): Element;
  click(el: Element): boolean;
}

export function useRenderDom(): RenderDom {
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  const saved = { document: globalThis.document };
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = dom.document;
  });
  afterAll(() => {
    (globalThis as { document?: unknown }).document = saved.document;
  });
  return {
    dom,
    mount(node) {
      const root = dom.document.createElement('div');
      dom.document.body.appendChild(root);
      render(node() as never, root as never);
      return root as unknown as Element;
    },
    click: (el) => el.dispatchEvent(new dom.window.Event('click')),
  };
}

/** An element's text with whitespace runs collapsed. */
export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
