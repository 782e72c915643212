// Splitting a BibTeX file into its entries without parsing them, so that one
// broken entry cannot take the whole file down with it (citation-js rejects
// a file whole at its first syntax error). Pure string work; decoding LaTeX
// stays with citation-js (bibtex-read.ts).
//
// The scanner follows BibTeX's own reading: text outside an entry is a
// comment; an entry is `@type{…}` or `@type(…)` with balanced braces. Real
// files break that balance (a stray `{` in an abstract), so a line that
// itself starts an entry always ends the entry before it: the damage stays
// within the entry that has it.

export interface RawEntry {
  /** Lower-cased entry type: `article`, `string`, `comment`, … */
  type: string;
  /** Citation key as written (absent for @string, @preamble, @comment, or a header without a comma). */
  key?: string;
  /** 1-based line of the `@`. */
  line: number;
  /** The entry as written, from `@` to its closing delimiter (or to where it was cut). */
  text: string;
  /** The body after `key,` (or after the opening delimiter), without the closing delimiter. */
  body: string;
  /**
   * How the entry's braces went wrong, if they did: `unclosed` (cut at the
   * next line that starts an entry), `closed-early` (a stray `}` closed it
   * while fields followed; the fields were taken back in).
   */
  damage?: 'unclosed' | 'closed-early';
}

const START = /@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])/g;
const LINE_START = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;
/** Right after an entry closed: more fields follow, so the `}` that closed it was a stray one. */
const MORE_FIELDS = /^[ \t\r\n]*,?[ \t\r\n]*[A-Za-z][\w.:-]*[ \t]*=/;

export function scanBibtex(text: string): RawEntry[] {
  const out: RawEntry[] = [];
  const lineOf = lineIndex(text);
  let pos = 0;
  for (;;) {
    START.lastIndex = pos;
    const m = START.exec(text);
    if (!m) break;
    const type = m[1]!.toLowerCase();
    const open = m[2]!;
    const from = m.index + m[0].length;
    let { end, closed } = closeOf(text, from, open === '{' ? '}' : ')');
    let damage: RawEntry['damage'] = closed ? undefined : 'unclosed';
    if (closed && type !== 'comment' && MORE_FIELDS.test(text.slice(end))) {
      // A stray `}` closed the entry early: take what follows back in, up to the next entry line.
      const next = nextEntryLine(text, end);
      end = next;
      damage = 'closed-early';
    }
    const whole = text.slice(m.index, end);
    const inner = text.slice(from, closed && damage === undefined ? end - 1 : end);
    const special = type === 'string' || type === 'preamble' || type === 'comment';
    const comma = special ? -1 : inner.indexOf(',');
    // `@misc{key}` (no fields) still has a key to report it by.
    const key = comma >= 0 ? inner.slice(0, comma).trim() : !special && /^\s*[^\s,={}()"]+\s*$/.test(inner) ? inner.trim() : undefined;
    out.push({
      type,
      ...(key ? { key } : {}),
      line: lineOf(m.index),
      text: whole.trimEnd(),
      // An unclosed entry still ends with its own closing delimiter, most often: not part of the last field.
      body: (comma >= 0 ? inner.slice(comma + 1) : key ? '' : inner).replace(damage === 'unclosed' ? /[})]\s*$/ : /$^/, ''),
      ...(damage ? { damage } : {}),
    });
    pos = end;
  }
  return out;
}

/** Where the entry whose content starts at `from` ends: just past its closing delimiter, or at the next line that starts an entry. */
function closeOf(text: string, from: number, close: '}' | ')'): { end: number; closed: boolean } {
  let depth = close === '}' ? 1 : 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    // `\{` and `\}` are literal braces (citation-js reads them so; our own export writes them);
    // `\\` is one command, so the brace after it counts.
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (close === '}' && depth === 0) return { end: i + 1, closed: true };
      if (depth < 0) depth = 0;
    } else if (c === '"' && close === ')' && depth === 0) quoted = !quoted;
    else if (c === ')' && close === ')' && depth === 0 && !quoted) return { end: i + 1, closed: true };
    else if (c === '\n') {
      LINE_START.lastIndex = i + 1;
      if (LINE_START.test(text)) return { end: i + 1, closed: false };
    }
  }
  return { end: text.length, closed: false };
}

function nextEntryLine(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
    LINE_START.lastIndex = i + 1;
    if (LINE_START.test(text)) return i + 1;
  }
  return text.length;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export interface RawField {
  /** Lower-cased field name. */
  name: string;
  /** The value as written: `{…}`, `"…"`, a number, a macro name, or `a # b` concatenations. */
  value: string;
}

const FIELD_HEAD = /^[ \t\r\n]*([A-Za-z][\w.:-]*)[ \t\r\n]*=/;
const COMMA_FIELD = /^,[ \t\r\n]*[A-Za-z][\w.:-]*[ \t\r\n]*=/;
const LINE_FIELD = /^\n[ \t]*[A-Za-z][\w.:-]*[ \t]*=/;

/**
 * The fields of an entry body. Split at the commas between fields (outside
 * braces and quotes). `loose`, for a damaged entry: braces cannot be trusted,
 * so a line that starts with `name =` also starts a field, and so does
 * `, name = {` inside a value that never closed.
 */
export function splitFields(body: string, loose = false): RawField[] {
  const cuts: number[] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '"' && depth === 0) quoted = !quoted;
    else if (c === ',' && ((depth === 0 && !quoted) || loose) && COMMA_FIELD.test(body.slice(i, i + 80))) {
      if (depth === 0 && !quoted) cuts.push(i);
      else if (loose && /^,[ \t\r\n]*[A-Za-z][\w.:-]*[ \t\r\n]*=[ \t\r\n]*[{"\d]/.test(body.slice(i, i + 80))) {
        cuts.push(i);
        depth = 0;
        quoted = false;
      }
    } else if (c === '\n' && loose && (depth > 0 || quoted) && LINE_FIELD.test(body.slice(i, i + 80))) {
      cuts.push(i);
      depth = 0;
      quoted = false;
    }
  }
  const pieces: string[] = [];
  let last = 0;
  for (const cut of cuts) {
    pieces.push(body.slice(last, cut));
    last = cut + (body[cut] === ',' ? 1 : 0);
  }
  pieces.push(body.slice(last));
  const fields: RawField[] = [];
  for (const p of pieces) {
    const head = FIELD_HEAD.exec(p);
    if (!head) continue;
    const value = p.slice(head[0].length).trim().replace(/[\s,]+$/, '');
    fields.push({ name: head[1]!.toLowerCase(), value });
  }
  return fields;
}

/** Fields whose value is a URL or an identifier, read verbatim: never escape anything in them. */
export const VERBATIM = new Set(['url', 'doi', 'eprint', 'file', 'pdf', 'html', 'arxiv', 'google_scholar_id', 'urldate', 'isbn', 'issn', 'pmid', 'pmcid']);

/**
 * A field value made readable: braces balanced (a `}` that closes nothing is
 * dropped, a `{` never closed is closed at the end), a missing closing quote
 * added, and in text fields the characters LaTeX would treat as special but
 * the author meant literally escaped: `%`, `&`, `#`, and `$` when the field's
 * dollars cannot pair up as math.
 */
export function repairValue(name: string, value: string): string {
  const parts = splitConcat(value.trim());
  return parts.length ? parts.map((p) => repairPart(name, p)).join(' # ') : '{}';
}

function repairPart(name: string, part: string): string {
  let v = part.trim();
  if (v.startsWith('"')) v = `{${v.slice(1, v.length > 1 && v.endsWith('"') ? -1 : undefined)}}`;
  else if (!v.startsWith('{')) return /^[\w.:-]+$/.test(v) ? v : `{${v}}`;
  let depth = 0;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\') {
      out += c + (v[++i] ?? '');
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      // A `}` that closes nothing.
      if (depth === 0) continue;
      depth--;
    }
    out += c;
  }
  out += '}'.repeat(depth);
  // One group around all of it, whatever groups the author wrote inside.
  if (!isOneGroup(out)) out = `{${out}}`;
  if (VERBATIM.has(name)) return out;
  out = out.replace(/(?<!\\)([%&#])/g, '\\$1');
  if (unescapedDollars(out) % 2 === 1) out = out.replace(/(?<!\\)\$/g, '\\$');
  return out;
}

/** `a # "b" # {c}`: the parts of a concatenation (split at `#` outside braces and quotes). */
function splitConcat(v: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let last = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '"' && depth === 0) quoted = !quoted;
    else if (c === '#' && depth === 0 && !quoted) {
      parts.push(v.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(v.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function isOneGroup(v: string): boolean {
  if (!v.startsWith('{') || !v.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '\\') i++;
    else if (v[i] === '{') depth++;
    else if (v[i] === '}' && --depth === 0 && i < v.length - 1) return false;
  }
  return depth === 0;
}

const unescapedDollars = (v: string): number => (v.match(/(?<!\\)\$/g) ?? []).length;

/**
 * `$` as a currency sign, escaped: a `$` before a digit that no second `$`
 * closes, or whose span up to the next `$` holds a plain word ("$4 to $5",
 * "$4.1 billion … $"; `\times` is not one), is not math. `$10^{-3}$` and `$\alpha$` stay math.
 */
export function escapeCurrency(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = nextDollar(text, i);
    if (at < 0) break;
    const prev = at > 0 ? text[at - 1]! : ' ';
    const close = nextDollar(text, at + 1);
    const span = close < 0 ? '' : text.slice(at + 1, close);
    const currency = /\d/.test(text[at + 1] ?? '') && /[\s([{'"~,;:]/.test(prev) && (close < 0 || /(?:^|\s)[A-Za-z]{2,}(?=$|[\s,.;:])/.test(span) || /\n/.test(span));
    if (currency) {
      out += `${text.slice(i, at)}\\$`;
      i = at + 1;
    } else {
      // A math span: copy it whole, so its closing `$` is not read as an opening one.
      const end = close < 0 ? at + 1 : close + 1;
      out += text.slice(i, end);
      i = end;
    }
  }
  return out + text.slice(i);
}

function nextDollar(text: string, from: number): number {
  for (let i = text.indexOf('$', from); i >= 0; i = text.indexOf('$', i + 1)) if (text[i - 1] !== '\\') return i;
  return -1;
}

/** The entry written anew from its fields, each value repaired. */
export function rebuildEntry(type: string, key: string, fields: RawField[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of fields) {
    // A field given twice: BibTeX keeps the first.
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    lines.push(`  ${f.name} = ${repairValue(f.name, f.value)}`);
  }
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/** A field's value as plain text, for fields citation-js does not read (links, ids): outer braces or quotes off. */
export function plainValue(value: string): string {
  return value
    .trim()
    .replace(/^"([\s\S]*)"$/, '$1')
    .replace(/[{}]/g, '')
    .trim();
}
