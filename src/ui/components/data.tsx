// How the extension pages show what came from outside: captured pages,
// backups, imported files. Such text is anybody's: a link may be
// `javascript:`, a name may carry a right-to-left override, a venue may be
// 99 000 characters without a space. So a link from data is drawn only for
// http and https, and every data string is direction-isolated on its own
// (<bdi>, or FSI…PDI where no element can go: an <option>, SVG text, a
// dialog's sentence), so it cannot turn the text beside it around. Wrapping
// is the stylesheet's: theme.css breaks any over-long word (overflow-wrap:
// anywhere). The convention test checks no component renders an href from
// data any other way.
import type { ComponentChildren } from 'preact';
import { parseUrl } from '../../core/url';

/** The address as a link target when it is an http or https URL; undefined for anything else (javascript:, data:, vbscript:, relative). */
export function safeHref(url: string | undefined): string | undefined {
  const u = url ? parseUrl(url.trim()) : undefined;
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : undefined;
}

/** A link to an address from data, opened in a new tab; just its content when the address is not http(s). */
export function DataLink({ url, children, class: className }: { url: string | undefined; children: ComponentChildren; class?: string }) {
  const href = safeHref(url);
  if (!href) return className ? <span class={className}>{children}</span> : <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noreferrer" {...(className ? { class: className } : {})}>
      {children}
    </a>
  );
}

/** A data string isolated inside plain text, for where no <bdi> can go. */
export { isolated } from '../../core/text';

/** Values from data in a row ("venue · 2021 · Google Scholar, DBLP"): each one isolated, empty ones left out. */
export function Facts({ items, sep = ' · ' }: { items: (string | number | undefined | readonly string[])[]; sep?: string }) {
  const shown = items.filter((x) => x !== undefined && x !== '' && !(Array.isArray(x) && x.length === 0));
  return (
    <>
      {shown.map((x, i) => (
        <>
          {i > 0 && sep}
          {typeof x === 'number' ? x : typeof x === 'string' ? <bdi>{x}</bdi> : <Each items={x as readonly string[]} />}
        </>
      ))}
    </>
  );
}

/** Several data strings joined (authors, site names), each isolated. */
export function Each({ items, sep = ', ' }: { items: readonly string[]; sep?: string }) {
  return (
    <>
      {items.map((x, i) => (
        <>
          {i > 0 && sep}
          <bdi>{x}</bdi>
        </>
      ))}
    </>
  );
}
