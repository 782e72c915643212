// Tokens and their features, the same for training and parsing. As in
// AnyStyle and ParsCit, a token is a whitespace-separated word with its
// punctuation; its features are its form (capitalization, digits,
// punctuation), its place (position, after how many full stops, inside quotes
// or brackets, after a year), a few dictionaries (months, name particles,
// venue and publisher words) and the same for its neighbours. Features are
// hashed into a fixed number of buckets so the weights stay a small table.

import { fnv1a } from './dataset';

export function tokenize(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

const MONTHS = new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre spring summer fall autumn winter'.split(' '),
);
const PARTICLES = new Set('van von der den de del della di da du le la dos das ter ten zu bin al el ibn'.split(' '));
const VENUE = new Set(
  'journal j proceedings proc conference conf symposium workshop transactions trans review rev letters lett annals ann bulletin bull quarterly magazine international int natl national acad sci science research studies society soc advances adv acta archives arch reports rep progress physical phys chemical chem med medical clin clinical biol biology ieee acm meeting congress forum series lecture notes'.split(' '),
);
const PUBLISHER = new Set('press publishers publisher publishing verlag books university univ. co inc ltd llc editions éditions wiley springer elsevier routledge sage academic'.split(' '));
const EDITOR = new Set(['ed', 'eds', 'ed.', 'eds.', 'editor', 'editors', '(ed.)', '(eds.)', 'hrsg', 'hg', 'dir']);

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const CYRILLIC = /[\u0400-\u04ff]/u;
const ARABIC = /[\u0600-\u06ff]/u;
const OPEN_QUOTE = /^[("'\[]*["“„«‘'`]/u;
const OPEN_QUOTE_CH = /^[("'\[]*(["“„«‘'`])/u;
const CLOSE_QUOTE = /(["”»’'])[.,;:!?)\]]*$/u;
// What closes each opening quote (German „…“ and reversed «…» included).
const CLOSER: Record<string, string> = { '"': '"”“', '“': '”"“', '„': '“”"', '«': '»', '‘': '’\'', "'": "'’", '`': "'’" };
const LEAD = /^[^\p{L}\p{N}]+/u;
const TRAIL = /[^\p{L}\p{N}]+$/u;

/** Shape of a word: A upper, a lower, 0 digit, other characters kept, runs collapsed. */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 7; i++) {
    const code = w.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = 'A';
    else if (code >= 97 && code <= 122) c = 'a';
    else if (code >= 48 && code <= 57) c = '0';
    else if (code < 128) c = w[i]!;
    else {
      const ch = w[i]!;
      const up = ch.toUpperCase();
      const lo = ch.toLowerCase();
      c = up !== lo ? (ch === up ? 'A' : 'a') : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? '0' : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

interface TokenInfo {
  core: string;
  lower: string;
  shape: string;
  lead: string;
  trail: string;
  dict: string;
  initial: boolean;
  /** A short capitalized word with a stop ("Syst.", "Bot.", "Front."): journal abbreviations. */
  abbr: boolean;
  /** endsSegment of the token, computed once. */
  ends: boolean;
  year: boolean;
  /** The word as a feature: lower case, or its shape when it holds digits. */
  word: string;
}

function infoOf(tok: string): TokenInfo {
  const lead = LEAD.exec(tok)?.[0] ?? '';
  const trail = tok.length > lead.length ? (TRAIL.exec(tok)?.[0] ?? '') : '';
  const core = tok.slice(lead.length, tok.length - trail.length);
  const lower = core.toLowerCase();
  let dict = '';
  if (MONTHS.has(lower)) dict = 'month';
  else if (PARTICLES.has(lower)) dict = 'particle';
  else if (EDITOR.has(tok.toLowerCase()) || EDITOR.has(lower)) dict = 'editor';
  else if (VENUE.has(lower)) dict = 'venue';
  else if (PUBLISHER.has(lower)) dict = 'publisher';
  else if (lower === 'and' || tok === '&' || lower === 'und' || lower === 'et') dict = 'and';
  else if (lower === 'al') dict = 'al';
  else if (lower === 'in') dict = 'in';
  else if (lower === 'pp' || lower === 'p' || lower === 's' || lower === 'pages') dict = 'pp';
  else if (lower === 'vol' || lower === 'volume' || lower === 'bd' || lower === 't' || lower === 'tome') dict = 'vol';
  else if (lower === 'no' || lower === 'nr' || lower === 'issue' || lower === 'n' || lower === 'num') dict = 'no';
  else if (/^(?:https?:|www\.|doi|10\.\d{4,})/i.test(core)) dict = 'link';
  else if (lower === 'isbn' || lower === 'issn' || lower === 'pmid' || lower === 'pmcid' || lower === 'arxiv') dict = 'link';
  else if (CJK.test(core)) dict = 'cjk';
  else if (CYRILLIC.test(core)) dict = 'cyr';
  else if (ARABIC.test(core)) dict = 'arab';
  const shape = shapeOf(core);
  const initial = /^(?:\p{Lu}\.?(?:-?\p{Lu}\.?)?|\p{Lu}{2,3})$/u.test(core) && (trail.startsWith('.') || core.length <= 3);
  const abbr = !initial && trail.startsWith('.') && /^\p{Lu}\p{Ll}{1,6}$/u.test(core);
  const year = /^(?:1[5-9]\d\d|20\d\d)[a-z]?$/.test(core) || /^(?:1[5-9]\d\d|20\d\d)[-–/]\d{2,4}$/.test(core);
  const word = /\d/.test(core) ? shape : lower.length > 14 ? lower.slice(0, 14) : lower;
  const t = { core, lower, shape, lead, trail, dict, initial, abbr, ends: false, year, word };
  t.ends = endsSegment(t);
  return t;
}

/** A full stop that ends a part of the string, not an initial or a short abbreviation. */
function endsSegment(t: TokenInfo): boolean {
  if (!/[.:]$|[.?!]["”’]?$/u.test(t.trail)) return false;
  if (t.trail.startsWith(':')) return true;
  if (t.initial) return false;
  return t.core.length > 3 || /\d/.test(t.core) || t.shape === 'a';
}

function wordFeature(t: TokenInfo): string {
  return t.word;
}

/** The hashed feature buckets of every token of one string. */
export function featureBuckets(tokens: string[], buckets: number, bound: Uint8Array = boundaryClasses(tokens)): Uint32Array[] {
  const n = tokens.length;
  const info = tokens.map(infoOf);
  const out: Uint32Array[] = [];
  const seg = segmentsOf(tokens, info, bound);
  let segs = 0;
  let quoted = false;
  let closer = '';
  let paren = 0;
  let yearSeen = false;
  let commas = 0;
  // Segments since the year (APA puts the title in the one right after it) and
  // quotes closed so far (what follows a closed quote is rarely the title).
  let yearSeg = -1;
  let closed = 0;
  for (let i = 0; i < n; i++) {
    const t = info[i]!;
    const tok = tokens[i]!;
    const p = i > 0 ? info[i - 1] : undefined;
    const q = i + 1 < n ? info[i + 1] : undefined;
    // The quote that opened is the one that closes: a ‘…’ inside “…” does not end it.
    if (!quoted) {
      const m = OPEN_QUOTE_CH.exec(tok);
      if (m) {
        quoted = true;
        closer = CLOSER[m[1]!]!;
      }
    }
    const inQuote = quoted;
    if (quoted && CLOSE_QUOTE.test(tok) && !(OPEN_QUOTE.test(tok) && tok.length < 3) && closer.includes(CLOSE_QUOTE.exec(tok)![1]!)) {
      quoted = false;
      closed++;
    }
    if (tok.startsWith('(') || tok.startsWith('[')) paren++;
    const inParen = paren > 0;
    const sg = seg[i]!;
    const seg5 = segs > 5 ? 5 : segs;
    const pos = n > 1 ? Math.floor((i * 8) / n) : 0;
    const idx = i < 6 ? String(i) : i < 10 ? '6' : i < 16 ? '10' : '16';
    const f: string[] = [
      'b',
      'w=' + wordFeature(t),
      's=' + t.shape,
      'l=' + (t.lead || '-'),
      't=' + (t.trail || '-'),
      'lt=' + (t.lead || '-') + (t.trail || '-') + t.shape,
      'd=' + t.dict,
      'len=' + (t.core.length > 10 ? 10 : t.core.length),
      'pos=' + pos,
      'idx=' + idx,
      'seg=' + seg5,
      'segd=' + seg5 + t.dict,
      'segs=' + seg5 + t.shape,
      'sl=' + sg.len,
      'sf=' + sg.first,
      'sp=' + sg.pos,
      'sy=' + sg.flags,
      'si=' + sg.index + sg.len,
      'sk=' + sg.kind + sg.index,
      'snext=' + sg.nextFirst,
      'sprev=' + sg.prevKind + sg.kind,
      'q=' + (inQuote ? 1 : 0),
      'par=' + (inParen ? 1 : 0),
      'y=' + (yearSeen ? 1 : 0) + (t.year ? 1 : 0),
      'ys=' + (yearSeen ? 1 : 0) + seg5,
      'c=' + (commas > 4 ? 4 : commas) + (t.initial ? 'i' : ''),
      'init=' + (t.initial ? 1 : 0) + (p?.initial ? 1 : 0) + (q?.initial ? 1 : 0),
      'pw=' + (p ? wordFeature(p) : '^'),
      'nw=' + (q ? wordFeature(q) : '$'),
      'ps=' + (p ? p.shape + (p.trail || '-') : '^'),
      'ns=' + (q ? q.shape + (q.lead || '-') : '$'),
      'pd=' + (p ? p.dict : '^'),
      'nd=' + (q ? q.dict : '$'),
      'pt=' + (p ? (p.trail || '-') : '^') + (t.lead || '-'),
      'pe=' + (p?.ends ? 1 : 0) + t.shape,
      // Word bigrams were dropped: too many distinct values for the buckets.
      // What ends a title: a stop, "?" or "!" before a capitalized venue word, "In", "Proc." …
      'ne=' + (t.ends ? t.trail : '-') + (q ? q.shape.slice(0, 2) + q.dict : '$'),
      'pen=' + (p ? (p.ends ? p.trail : '-') : '^') + t.dict + t.shape.slice(0, 2),
      'sn=' + sg.kind + sg.nextKind + sg.pos,
      'spk=' + sg.prevKind + sg.kind + sg.nextKind,
      'yk=' + (yearSeg < 0 ? 'n' : segs - yearSeg > 3 ? 3 : segs - yearSeg) + sg.kind,
      'qc=' + (closed > 1 ? 2 : closed) + (inQuote ? 1 : 0),
      'pw2=' + (i > 1 ? wordFeature(info[i - 2]!) : '^'),
      'nw2=' + (i + 2 < n ? wordFeature(info[i + 2]!) : '$'),
      'ab=' + (p?.abbr ? 1 : 0) + (t.abbr ? 1 : 0) + (q?.abbr ? 1 : 0),
      'sdi=' + sg.dicts + sg.kind,
      'sdn=' + sg.nextDicts + sg.pos,
      'sdp=' + sg.prevDicts + sg.dicts,
    ];
    const h = new Uint32Array(f.length);
    for (let k = 0; k < f.length; k++) h[k] = fnv1a(f[k]!) % buckets;
    out.push(h);
    if (t.ends) segs++;
    if (t.trail.includes(',')) commas++;
    if (t.year) {
      if (!yearSeen) yearSeg = t.ends ? segs - 1 : segs;
      yearSeen = true;
    }
    if (/[)\]]/.test(t.trail) && paren > 0) paren--;
  }
  return out;
}

/**
 * What separates token i-1 from token i, for the label transitions: the
 * punctuation that ends i-1 (full stop, comma, colon, semicolon, bracket,
 * quote), a number on either side, or nothing: words with no punctuation
 * between them rarely change part, and the model learns how rarely.
 */
export const BOUNDARY_CLASSES = 12;
export function boundaryClasses(tokens: string[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    const end = TRAIL.exec(a)?.[0] ?? '';
    const start = LEAD.exec(b)?.[0] ?? '';
    let c: number;
    if (/["”’»]/u.test(end) || /^["“‘«„]/u.test(start)) c = 1;
    // A stop or colon before a lower-case word rarely ends a part (an
    // abbreviation, a subtitle); a comma before a number often does.
    else if (end.endsWith('.')) c = INITIAL_END.test(a) ? 2 : /^\p{Ll}/u.test(b) ? 9 : 3;
    else if (end.includes(',')) c = /^\d/.test(b) ? 10 : 4;
    else if (end.includes(':') || end.includes(';')) c = /^\p{Ll}/u.test(b) ? 11 : 5;
    else if (/[)\]]/.test(end) || /^[(\[]/.test(start)) c = 6;
    else if (end || start) c = 7;
    else c = /\d/.test(a) || /\d/.test(b) ? 8 : 0;
    out[i] = c;
  }
  return out;
}
const INITIAL_END = /(?:^|[\s.-])\p{Lu}\.$/u;

interface SegmentInfo {
  len: string;
  first: string;
  pos: string;
  flags: string;
  index: number;
  kind: string;
  prevKind: string;
  nextKind: string;
  nextFirst: string;
  dicts: string;
  nextDicts: string;
  prevDicts: string;
}

// Classes of boundary that cut the string into segments (everything but a bare
// space, a number beside a word, and the full stop of an initial).
const CUTS = new Set([1, 3, 4, 5, 6, 7, 9, 10, 11]);

/**
 * Per token, what the punctuation-delimited segment it sits in looks like:
 * its length, first word, the token's place in it, whether it holds a year,
 * digits, initials or quotes, its index, and its kind (names, title-like,
 * numeric) and its neighbours'. This is what keeps a span's label consistent.
 */
function segmentsOf(tokens: string[], info: TokenInfo[], bound: Uint8Array): SegmentInfo[] {
  const n = tokens.length;
  const starts: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || CUTS.has(bound[i]!)) starts.push(i);
  const kinds: string[] = [];
  const firsts: string[] = [];
  const metas: { len: string; flags: string }[] = [];
  const dicts: string[] = [];
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k]!;
    const b = k + 1 < starts.length ? starts[k + 1]! : n;
    let year = false;
    let digits = 0;
    let inits = 0;
    let caps = 0;
    let lowers = 0;
    let words = '';
    for (let i = a; i < b; i++) {
      const t = info[i]!;
      // Which dictionaries the segment's words hit: a venue or publisher word
      // anywhere in a segment marks the whole segment, not just that token.
      if (t.dict === 'venue' && !words.includes('v')) words += 'v';
      else if (t.dict === 'publisher' && !words.includes('p')) words += 'p';
      else if (t.dict === 'editor' && !words.includes('e')) words += 'e';
      else if (t.dict === 'month' && !words.includes('m')) words += 'm';
      else if (t.dict === 'in' && i === a) words += 'n';
      if (t.abbr && !words.includes('a')) words += 'a';
      if (t.year) year = true;
      if (/\d/.test(t.core)) digits++;
      if (t.initial) inits++;
      if (t.shape.startsWith('A')) caps++;
      else if (t.shape.startsWith('a')) lowers++;
    }
    const len = b - a;
    const kind = digits === len ? 'N' : inits > 0 && len <= 4 ? 'I' : year ? 'Y' : len === 1 ? 'W' : caps === len ? 'C' : lowers >= caps ? 'L' : 'M';
    kinds.push(kind);
    firsts.push(wordFeature(info[a]!));
    dicts.push(words);
    metas.push({ len: len < 4 ? String(len) : len < 7 ? '4' : len < 13 ? '7' : '13', flags: (year ? 'y' : '') + (digits ? 'd' : '') + (inits ? 'i' : '') + (/^["“‘«„]/u.test(tokens[a]!) ? 'q' : '') });
  }
  const out: SegmentInfo[] = new Array(n);
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k]!;
    const b = k + 1 < starts.length ? starts[k + 1]! : n;
    for (let i = a; i < b; i++) {
      out[i] = {
        len: metas[k]!.len,
        first: firsts[k]!,
        pos: i === a ? 'f' : i === b - 1 ? 'l' : 'm',
        flags: metas[k]!.flags,
        index: k > 8 ? 8 : k,
        kind: kinds[k]!,
        prevKind: k > 0 ? kinds[k - 1]! : '^',
        nextKind: k + 1 < starts.length ? kinds[k + 1]! : '$',
        dicts: dicts[k]!,
        nextDicts: k + 1 < starts.length ? dicts[k + 1]! : '$',
        prevDicts: k > 0 ? dicts[k - 1]! : '^',
        nextFirst: k + 1 < starts.length ? firsts[k + 1]! : '$',
      };
    }
  }
  return out;
}
