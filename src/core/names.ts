// A coarse key for person names: "family name + first initial", lower-case,
// diacritics folded. Sites write the same person as "Samuel L. Smith",
// "Smith, Samuel L.", "S. L. Smith", "SL Smith" (Google Scholar) or
// "Smith SL" (PubMed); all of these give "smith s". The key is deliberately
// lossy: two people with the same family name and initial collide, so use it
// to find candidates, not as proof of identity.

/** Text of ASCII characters only, for which the Unicode steps below reduce to their ASCII forms. */
export const ASCII = /^[\x00-\x7F]*$/;

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);
const EXTRA_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-case, strip accents (é→e, ü→u, ø→o…); non-Latin scripts pass through unchanged. */
export function foldName(s: string): string {
  // ASCII has no accents to strip, nor any of the extra letters: only the case
  // to fold. The merge folds every title and name, and NFKD is most of its cost.
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđðþı]/g, (c) => EXTRA_LETTERS[c] ?? c);
}

/**
 * "smith s" for any common way of writing Samuel L. Smith; "" for a name with
 * no letters. Family names keep their last word only, so "van Beethoven,
 * Ludwig" and "Ludwig van Beethoven" agree ("beethoven l").
 */
export function nameKey(name: string): string {
  const ascii = ASCII.test(name);
  const raw = (ascii ? name : name.normalize('NFC')).replace(/\s+/g, ' ').trim();
  let family: string[];
  let given: string[];
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    family = words(raw.slice(0, comma), ascii);
    given = words(raw.slice(comma + 1), ascii);
  } else {
    const all = words(raw, ascii);
    const initials = ascii ? ASCII_INITIALS : INITIALS;
    if (all.length >= 2 && initials.test(all[all.length - 1]!) && !initials.test(all[0]!)) {
      // PubMed's "Smith SL": family name first, initials last.
      given = all.slice(-1);
      family = all.slice(0, -1);
    } else {
      given = all.slice(0, -1);
      family = all.slice(-1);
    }
  }
  const last = family[family.length - 1];
  if (!last) return given[0] ? foldName(given[0]) : '';
  const initial = given[0] ? [...foldName(given[0])][0] : undefined;
  return initial ? `${foldName(last)} ${initial}` : foldName(last);
}

/** Name words without punctuation, disambiguation numbers (DBLP's "0001") or "Jr."-style suffixes. */
function words(s: string, ascii: boolean): string[] {
  const edges = ascii ? ASCII_NON_LETTER_EDGES : NON_LETTER_EDGES;
  return s
    .split(/[\s.]+/)
    .map((w) => w.replace(edges, ''))
    .filter((w) => w !== '' && !SUFFIXES.has(foldName(w)));
}

const NON_LETTER_EDGES = /^[^\p{L}]+|[^\p{L}]+$/gu;
const ASCII_NON_LETTER_EDGES = /^[^A-Za-z]+|[^A-Za-z]+$/g;
/** "SL", "J", "JP": 1–3 capitals and nothing else. */
const INITIALS = /^\p{Lu}{1,3}$/u;
const ASCII_INITIALS = /^[A-Z]{1,3}$/;
