// A small, forgiving XML reader for the data payloads adapters receive as text
// (DBLP person XML, arXiv's Atom feed). Adapters must stay pure functions that
// run the same in a content script, in Node and in tests, so they cannot rely
// on a global DOMParser; and saved payloads are often re-serialized (wrapped in
// <html><body>, attributes reordered, tag names lower-cased), which a strict
// parser would reject. This one never throws: unbalanced tags are closed where
// the document makes it obvious, anything else is kept as text.

export interface XmlElement {
  /** Lower-cased qualified name, prefix kept (e.g. "arxiv:primary_category"). */
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

// ISO Latin-1 entity names for U+00A0..U+00FF: DBLP's DTD declares these and
// older dumps use them in text.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
LATIN1.forEach((n, i) => (ENTITIES[n] = String.fromCharCode(0xa0 + i)));

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>|<\/\s*([^\s>]+)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Parse XML text into a root element named "#document". Never throws. */
export function parseXmlText(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  let last = 0;
  const pushText = (s: string) => {
    if (s) top().children.push(decodeEntities(s));
  };
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    pushText(text.slice(last, at));
    last = at + m[0].length;
    const [, cdata, closing, opening, attrText, selfClose] = m;
    if (cdata !== undefined) top().children.push(cdata);
    else if (closing) {
      const name = closing.toLowerCase();
      const i = stack.map((e) => e.name).lastIndexOf(name);
      if (i > 0) stack.length = i;
    } else if (opening) {
      const el: XmlElement = { name: opening.toLowerCase(), attrs: readAttrs(attrText ?? ''), children: [] };
      top().children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  pushText(text.slice(last));
  return root;
}

function readAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) {
    const name = m[1];
    if (name) attrs[name.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el, name)[0];
}

/** First element of this name at any depth, in document order. */
export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of elements(el)) {
    if (c.name === name) return c;
    const deeper = findFirst(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

export function xmlText(el: XmlElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (typeof c === 'string' ? c : xmlText(c))).join('');
}
