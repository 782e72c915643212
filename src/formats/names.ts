// Author names as pages print them ("Sen, Sanchari", "JB Ernst", "MS de Heredia",
// "张三") split into CSL's family/given parts. Pages give one string per author;
// the split is a best effort that reference managers can still correct.

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

export function parseName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    if (family && given) return splitParticle(family, given);
  }
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  const given = words.slice(0, i).join(' ');
  const family = words.slice(i).join(' ');
  return splitParticle(family, given);
}

function splitParticle(family: string, given: string): CslName {
  const words = family.split(' ');
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!)) i++;
  if (i === 0) return { family, given };
  return { family: words.slice(i).join(' '), given, 'non-dropping-particle': words.slice(0, i).join(' ') };
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

/** "Given Family", the form pages and captures use. */
export function displayName(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.given, fullFamily(n)].filter(Boolean).join(' ');
}
