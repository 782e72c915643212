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
// No prototype: an entity name comes from the text ("&constructor;" must stay as it is).
const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });
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

/**
 * Parse XML text into a root element named "#document". Never throws, and
 * takes time linear in the text whatever its nesting: a closing tag is matched
 * against the open elements by a count per name, so a close nobody opened
 * costs nothing and a matched one pops what it closes (each element is pushed
 * and popped once). No recursion, so no depth overflows the stack.
 */
export function parseXmlText(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  // How many elements of each name are open: a Map, since names come from the text.
  const open = new Map<string, number>();
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
      if (!open.get(name)) continue;
      // Close everything opened since the nearest element of this name, that one included.
      for (;;) {
        const el = stack.pop()!;
        open.set(el.name, open.get(el.name)! - 1);
        if (el.name === name) break;
      }
    } else if (opening) {
      const el: XmlElement = { name: opening.toLowerCase(), attrs: readAttrs(attrText ?? ''), children: [] };
      top().children.push(el);
      if (!selfClose) {
        stack.push(el);
        open.set(el.name, (open.get(el.name) ?? 0) + 1);
      }
    }
  }
  pushText(text.slice(last));
  return root;
}

function readAttrs(s: string): Record<string, string> {
  // No prototype: attribute names come from the text (an attribute "__proto__" is just an attribute).
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
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

/** Every node below `el` (text and elements) at any depth, in document order, without recursion (any depth is safe). */
function* nodesBelow(el: XmlElement): Generator<XmlElement | string> {
  // A stack of positions: the element whose children are being walked, and the next child's index.
  const stack: [XmlElement, number][] = [[el, 0]];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const [parent, i] = frame;
    if (i >= parent.children.length) {
      stack.pop();
      continue;
    }
    frame[1] = i + 1;
    const c = parent.children[i]!;
    yield c;
    if (typeof c !== 'string') stack.push([c, 0]);
  }
}

/** Every element below `el` at any depth, in document order. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const n of nodesBelow(el)) if (typeof n !== 'string') yield n;
}

/** First element of this name at any depth, in document order. */
export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const d of descendants(el)) if (d.name === name) return d;
  return undefined;
}

/** All the text below an element, in document order. */
export function xmlText(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  for (const n of nodesBelow(el)) if (typeof n === 'string') parts.push(n);
  return parts.join('');
}
