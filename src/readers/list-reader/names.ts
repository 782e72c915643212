// Is this piece of text a person's name, or a list of them? Only shape is
// used (capitalised words, initials, particles, no digits): the reader knows
// no site, so it cannot know who is who.

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'y', 'dos', 'das', 'ter', 'zu']);
const NOT_NAMES = /^(?:and|et al\.?|pdf|bib|abs|html|doi|more|less|abstract|cited by|view|download|show|hide|edit|related|version|versions|cite|save|home|next|previous|page)$/i;

export function isName(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3 || s.length > 60 || /[\d@:/()[\]{}"“”!?=+*#]/.test(s)) return false;
  if (NOT_NAMES.test(s)) return false;
  const tokens = s.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  let capital = 0;
  for (const t of tokens) {
    if (/^\p{Lu}/u.test(t)) capital++;
    else if (!PARTICLES.has(t.toLowerCase())) return false;
    // An initial ("R", "J.", "J.-P.") or a word with letters only.
    if (!/^(?:\p{L}\.?(?:-\p{L}\.?)?|[\p{L}'’][\p{L}'’.-]*)$/u.test(t)) return false;
  }
  return capital >= 2 || (capital >= 1 && tokens.length === 2);
}

export interface NameList {
  names: string[];
  truncated: boolean;
}

const ETAL = /(?:,?\s*(?:et al\.?|…|\.\.\.)\s*)$/i;

/** A line that is a list of names ("A Smith, B Jones and C Wu", "X | Y"), or undefined. */
export function nameList(line: string): NameList | undefined {
  let s = line.replace(/^(?:authors?|by|von|par|авторы)\s*:?\s+/i, '').trim();
  let truncated = false;
  if (ETAL.test(s)) {
    truncated = true;
    s = s.replace(ETAL, '');
  }
  const parts = s
    .split(/\s*(?:[,;|·•]|\band\b|&)\s*/)
    .map((p) => p.replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '').trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const good = parts.filter(isName);
  // Mostly names. A single name is a weak signal (a title can look like "Deep Learning"); callers weigh it.
  if (good.length / parts.length < 0.8) return undefined;
  return { names: good, truncated };
}
