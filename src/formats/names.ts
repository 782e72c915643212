// Author names as pages print them split into CSL's family/given parts:
// "Sen, Sanchari" (family first, comma), "JB Ernst" and "IK A" (Google
// Scholar: initials first, everything after them the family name, so
// "BN Di Stefano" keeps "Di Stefano"), "Ernst JB" (PubMed: initials last),
// "MS de Heredia" / "T van de Ven" (lower-case particles), "张三" / "山田 太郎"
// (CJK: family name first). Run-together initials are spelled out ("JB" →
// "J. B."): BibTeX and CSL read "JB" as one given name and would abbreviate it
// to "J.". Pages give one string per author; the split is a best effort that
// reference managers can still correct.

export interface CslName {
  family?: string;
  given?: string;
  /** Lower-case particle kept with the family name when sorting ("de", "van"). */
  'non-dropping-particle'?: string;
  /** A name that must not be split (single word, or a script written without spaces). */
  literal?: string;
}

// Particles only count when lower-case: "Le Scao" is a family name, "le Scao" has a particle.
const PARTICLES = new Set([
  'da', 'das', 'de', 'del', 'della', 'der', 'des', 'di', 'do', 'dos', 'du', 'la', 'le', 'st', 'ten', 'ter', 'van', 'von', 'zu',
]);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;
// Two-character Chinese and Korean family names; any other is one character.
const COMPOUND_FAMILY = new Set([
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '长孙', '長孫', '宇文', '司徒', '夏侯', '令狐', '端木', '澹台', '南宫', '南宮',
  '남궁', '황보', '제갈', '선우', '독고', '사공', '서문',
]);

/**
 * "JB", "VCM", "J.B.", "J.", "J.-P.", "J-P": initials, up to four letters as
 * Scholar writes them ("JJPC"). In a name written all in capitals ("JOHN
 * SMITH", "I NEWTON") only one or two letters are taken for initials.
 */
function isInitials(word: string, allCaps: boolean): boolean {
  const letters = word.replace(/[.\-‐]/g, '');
  if (!/^\p{Lu}+$/u.test(letters) || !/^(?:\p{Lu}\.?(?:[-‐]\p{Lu}\.?)?)+$/u.test(word)) return false;
  return letters.length <= (allCaps ? 2 : 4);
}

/** "JB" → "J. B.", "J.-P." stays, "J-P" → "J.-P.". */
function spellInitials(word: string): string {
  return (word.match(/[-‐]?\p{Lu}/gu) ?? [])
    .map((t) => `${t}.`)
    .join(' ')
    .replace(/ ([-‐])/g, '$1');
}

/** A given name with every run of initials spelled out ("Victor CM" → "Victor C. M."). */
function givenOf(words: readonly string[], allCaps: boolean): string {
  return words.map((w) => (isInitials(w, allCaps) ? spellInitials(w) : w)).join(' ');
}

export function parseName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (CJK.test(name) && !LATIN.test(name)) return cjkName(name);
  const allCaps = !/\p{Ll}/u.test(name);
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    if (family && given) return splitParticle(family, givenOf(given.split(' '), allCaps));
  }
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  const initial = (w: string) => isInitials(w, allCaps);
  // Scholar's form: initials first, and everything after them is the family name ("BN Di Stefano", "IK A").
  let lead = 0;
  while (lead < words.length - 1 && initial(words[lead]!)) lead++;
  if (lead > 0) return splitParticle(words.slice(lead).join(' '), givenOf(words.slice(0, lead), allCaps));
  // PubMed's form: family name first, initials last ("Ernst JB", "van der Berg JM").
  if (initial(words[words.length - 1]!)) return splitParticle(words.slice(0, -1).join(' '), givenOf(words.slice(-1), allCaps));
  // Given names first: the last word is the family name, with the particles before it —
  // lower-case ones split off as particles, capitalised ones kept in it ("Teven Le Scao", "Da Vinci").
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  return splitParticle(words.slice(i).join(' '), givenOf(words.slice(0, i), allCaps));
}

/**
 * CJK names put the family name first. With a space ("山田 太郎") the first
 * word is it; without one, a Chinese or Korean name of two or three
 * characters starts with it (two characters for the compound family names).
 * Anything else — a Japanese name run together, a longer string — stays whole:
 * a literal is shown as written, a wrong split is not.
 */
function cjkName(name: string): CslName {
  const words = name.split(' ');
  if (words.length >= 2) return { family: words[0]!, given: words.slice(1).join(' ') };
  const chars = [...name];
  const han = /^\p{Script=Han}+$/u.test(name);
  const hangul = /^\p{Script=Hangul}+$/u.test(name);
  if (!(han || hangul) || chars.length < 2 || chars.length > 4) return { literal: name };
  const two = chars.slice(0, 2).join('');
  if (COMPOUND_FAMILY.has(two) && chars.length >= 3) return { family: two, given: chars.slice(2).join('') };
  if (chars.length === 4) return { literal: name };
  return { family: chars[0]!, given: chars.slice(1).join('') };
}

function splitParticle(family: string, given: string): CslName {
  const words = family.split(' ');
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!)) i++;
  const out: CslName = i === 0 ? { family } : { family: words.slice(i).join(' '), 'non-dropping-particle': words.slice(0, i).join(' ') };
  if (given) out.given = given;
  return out;
}

/** The family name with its particle, as BibTeX and RIS want it ("de Heredia"). */
export function fullFamily(n: CslName): string | undefined {
  if (n.literal) return undefined;
  return [n['non-dropping-particle'], n.family].filter(Boolean).join(' ') || undefined;
}

/** "Family, Given" (or the literal), the form RIS and BibTeX share. */
export function invertedName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = fullFamily(n) ?? '';
  return n.given ? `${family}, ${n.given}` : family;
}

/** "Given Family", the form pages and captures use; CJK names family first, without a space. */
export function displayName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = fullFamily(n);
  if (family && n.given && CJK.test(family) && !LATIN.test(family + n.given)) return family + n.given;
  return [n.given, family].filter(Boolean).join(' ');
}

/** Publish or Perish's (and Scholar's) short form: initials run together, then the family name ("JB Ernst"). */
export function initialsName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = fullFamily(n) ?? '';
  if (CJK.test(family)) return displayName(n);
  const initials = (n.given ?? '')
    .split(/[\s.]+/)
    .filter((g) => /^[-‐]?\p{Lu}/u.test(g))
    .map((g) => g.split(/[-‐]/).map((p) => [...p][0] ?? '').join('-'))
    .join('');
  return [initials, family].filter(Boolean).join(' ');
}
