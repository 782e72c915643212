// Node-side loading of saved pages into a DOM, for the command line, tests and
// benchmarks. Decodes bytes by the page's declared charset (a BOM, the HTTP
// header if known, <meta charset>, <meta http-equiv>, or the XML declaration),
// as a browser would, so Latin-1 pages read right.

import { DOMParser } from 'linkedom';

export function sniffCharset(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader && isKnown(fromHeader)) return fromHeader.toLowerCase();
  // The HTML spec's prescan looks at the first 1024 bytes; pages saved by tools
  // are sometimes re-indented, so look a little further.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const declared = m?.[1];
  if (declared && isKnown(declared)) return declared.toLowerCase();
  return 'utf-8';
}

function isKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodePage(bytes: Uint8Array, contentType?: string): string {
  return new TextDecoder(sniffCharset(bytes, contentType)).decode(bytes);
}

/**
 * Parse HTML into a Document. Saved pages come as found: some lack <html>
 * (Google omitted it in 2015), some are fragments; wrap them the way a
 * browser's parser would imply the missing elements.
 */
export function parseHtml(html: string): Document {
  let source = html;
  if (!/<body[\s>]/i.test(source)) source = `<html><head></head><body>${source}</body></html>`;
  else if (!/<html[\s>]/i.test(source)) source = `<html>${source}</html>`;
  return new DOMParser().parseFromString(source, 'text/html') as unknown as Document;
}

export function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Read a saved page from bytes into a Document, honouring its charset. */
export function loadHtml(bytes: Uint8Array, contentType?: string): Document {
  return parseHtml(decodePage(bytes, contentType));
}
