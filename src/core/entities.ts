// Character references as publishers leave them in text that has already been
// through an HTML parser: meta contents escaped twice ("&amp;ouml;" arrives as
// "&ouml;"), numeric references ("&#246;", "&#xF6;"), and the old
// typesetting escape some publisher systems still emit, "|[ouml]|" for ö.
// A browser shows those literally, but the publisher meant the character.
// Also markup in strings: data records (IEEE, OpenAlex) carry titles with
// <sub>/<sup>/<i> and formulas inside the string.

// Accented letters are named letter + accent ("ouml", "Eacute", "ccaron"):
// composing the base letter with the combining mark and normalizing covers the
// whole family (Latin-1 and Latin Extended-A) without a table of each.
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c',
  macr: '\u0304',
  breve: '\u0306',
  ogon: '\u0328',
  dot: '\u0307',
  dblac: '\u030b',
};

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>',
  szlig: 'ß', aelig: 'æ', AElig: 'Æ', oelig: 'œ', OElig: 'Œ', oslash: 'ø', Oslash: 'Ø', eth: 'ð', ETH: 'Ð', thorn: 'þ', THORN: 'Þ',
  lstrok: 'ł', Lstrok: 'Ł', dstrok: 'đ', Dstrok: 'Đ', inodot: 'ı', imath: 'ı',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  middot: '·', bull: '•', prime: '′', Prime: '″', deg: '°', plusmn: '±', times: '×', divide: '÷', minus: '−', micro: 'µ',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', iexcl: '¡', iquest: '¿', shy: '\u00ad', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', rarr: '→', larr: '←', harr: '↔', sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾',
};
// Greek letters by name, both cases (alpha α … omega ω, Alpha Α …).
'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega'
  .split(' ')
  .forEach((n, i) => {
    NAMED[n] = String.fromCharCode(0x3b1 + i);
    if (n !== 'sigmaf') NAMED[n[0]!.toUpperCase() + n.slice(1)] = String.fromCharCode(0x391 + i);
  });

/** The character an entity name stands for, or undefined when it is not one we know. */
export function namedEntity(name: string): string | undefined {
  // Names are case-sensitive, as in HTML (Ouml is Ö, ouml is ö).
  if (Object.prototype.hasOwnProperty.call(NAMED, name)) return NAMED[name];
  const m = /^([A-Za-z])(acute|grave|circ|tilde|uml|ring|cedil|caron|macr|breve|ogon|dot|dblac)$/.exec(name);
  if (m) {
    const composed = (m[1]! + ACCENTS[m[2]!]!).normalize('NFC');
    return composed.length === 1 ? composed : undefined;
  }
  return undefined;
}

function codePoint(body: string): string | undefined {
  const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
  return Number.isSafeInteger(n) && n > 0 && n < 0x110000 && !(n >= 0xd800 && n < 0xe000) ? String.fromCodePoint(n) : undefined;
}

const REFERENCE = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);|\|\[([a-z][a-z0-9]*)\]\|/gi;

/**
 * Decode the character references left in already-parsed text: named, numeric
 * and the "|[name]|" escape, repeated while something changes (at most three
 * rounds: "&amp;amp;ouml;" is three escapes deep). Unknown names stay as written.
 */
export function decodeLeftoverEntities(s: string): string {
  if (!/[&|]/.test(s)) return s;
  let out = s;
  for (let round = 0; round < 3; round++) {
    const next = out.replace(REFERENCE, (whole, ref: string | undefined, bar: string | undefined) => {
      if (ref !== undefined) return (ref[0] === '#' ? codePoint(ref) : namedEntity(ref)) ?? whole;
      return namedEntity(bar!) ?? whole;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

// Elements whose end is a break between words; every other tag (sub, sup, i,
// b, span, inline-formula, mml:*) is inline and its text joins its neighbours'.
const BLOCK_TAG = /^(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|jats:p|jats:sec|jats:title)$/i;

/**
 * The text of a string that holds markup, as a browser would show it:
 * "TaSe<sub>3</sub>" → "TaSe3", "<p>One</p><p>Two</p>" → "One Two",
 * entities decoded. The string is never parsed as a document (no DOM, no scripts).
 */
export function markupText(s: string): string {
  const withoutComments = s.replace(/<!--[\s\S]*?-->/g, '');
  const text = withoutComments.replace(/<\/?([A-Za-z][\w:.-]*)(?:\s[^<>]*)?\/?>/g, (_m, name: string) => (BLOCK_TAG.test(name) ? ' ' : ''));
  return decodeLeftoverEntities(text);
}
