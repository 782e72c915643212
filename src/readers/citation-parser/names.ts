// The author part of a citation string, cut into names. Handles the inverted
// "Family, G." lists of APA and Chicago, the natural "G. Family" of IEEE and
// ACM, Vancouver's "Family GM" and lists separated by semicolons.

import { cleanText } from '../../core/text';

// Given names written as initials only: "C.", "J.-P.", "D.I.", "JJ" (Vancouver), "Ch.".
const INITIALS = /^(?:(?:\p{Lu}\p{Ll}?\.-?)+|\p{Lu}{1,3})$/u;
// A whole Vancouver name: family name(s), then undotted initials ("Arias A", "de la Macorra JC").
const VANCOUVER = /^(?:\p{L}[\p{L}'’-]*\s+)+\p{Lu}{1,3}$/u;
// An initial for certain: "J.", "J.-P.", "Ch.", or a lone capital.
const DOTTED = /^(?:(?:\p{Lu}\p{Ll}?\.-?)+|\p{Lu})$/u;
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|le|la|dos|das|ter|ten|zu|bin|al|el|ibn|y)$/i;

function isGivenOnly(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 3 || VANCOUVER.test(piece)) return false;
  // At most one full given name; the rest initials ("John", "John A.", "Mary-Ann").
  const full = words.filter((w) => !INITIALS.test(w));
  return full.length <= 1 && full.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?\.?$/u.test(w));
}

function isInitialsOnly(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.every((w) => INITIALS.test(w));
}

function isFamilyOnly(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 3 && !words.some((w) => DOTTED.test(w)) && !VANCOUVER.test(piece) && /\p{L}{2}/u.test(piece);
}

/** Names in the order written; "Family, Given" pairs turned into "Given Family". */
export function splitAuthors(text: string | undefined): string[] {
  let t = cleanText(text);
  if (!t) return [];
  t = t
    .replace(/\(\s*(?:eds?|hrsg|hg|coords?|dirs?)\.?\s*\)\.?/gi, '')
    .replace(/[*†‡§¶]+/g, '')
    .replace(/\bet\s*al\b\.?/gi, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[,;:\s]+$/u, '')
    // A final full stop ends the list, unless it is an initial's (a list that dots its initials elsewhere).
    .replace(/(\p{L}+)\.$/u, (m, w: string, at: number, all: string) => (w.length === 1 && /\p{Lu}\./u.test(all.slice(0, at)) ? m : w))
    .replace(/^(?:by|in|edited by|ed\. by)\s+/i, '');
  const semi = t.includes(';');
  const raw = t
    .split(semi ? /\s*;\s*|\s+(?:and|&|und|et|y|e|и)\s+/u : /\s*,\s*|\s+(?:and|&|und|et|y|e|и)\s+|\s*&\s*/u)
    .map((s) => s.replace(/^(?:and|&)\s+/i, '').trim())
    .filter((s) => s && !/^(?:and|&)$/i.test(s));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const piece = raw[i]!;
    const next = raw[i + 1];
    // "Family, G." (APA) and "Family, Given" (the first name of Chicago and
    // MLA lists): a family name without initials, then given names only.
    if (!semi && next !== undefined && isFamilyOnly(piece) && (isInitialsOnly(next) || isGivenOnly(next))) {
      out.push(`${next} ${piece}`);
      i++;
      continue;
    }
    if (semi && piece.includes(',')) {
      const [fam, given] = piece.split(/\s*,\s*/, 2) as [string, string];
      out.push(given ? `${given} ${fam}` : fam);
      continue;
    }
    out.push(piece);
  }
  return out.map((s) => s.replace(/^[.,\s]+|[,\s]+$/g, '')).filter((s) => /\p{L}/u.test(s));
}

/** The family name of one name as splitAuthors writes it ("C. Romero", "Pérez-Higueras JJ", "van der Berg, A."). */
export function familyOf(name: string | undefined): string | undefined {
  const words = cleanText(name)?.replace(/[.,]+$/, '').split(/\s+/);
  if (!words?.length) return undefined;
  // Vancouver: the initials come last.
  if (words.length > 1 && /^\p{Lu}{1,3}$/u.test(words[words.length - 1]!)) {
    return words.slice(0, -1).join(' ');
  }
  let k = words.length - 1;
  while (k > 0 && PARTICLE.test(words[k - 1]!)) k--;
  return words.slice(k).join(' ');
}
