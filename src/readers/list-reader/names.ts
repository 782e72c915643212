// Is this piece of text a person's name, or a list of them? Only shape is
// used (capitalised words, initials, particles, no digits): the reader knows
// no site, so it cannot know who is who.

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'y', 'dos', 'das', 'ter', 'zu']);
const NOT_NAMES = /^(?:and|et al\.?|pdf|bib|abs|html|doi|more|less|abstract|cited by|view|download|show|hide|edit|related|version|versions|cite|save|home|next|previous|page)$/i;

// A CJK name: family and given name of one to four Han or kana characters each, a space between them
// ("手塚 真徹"); the family name has a Han character (a kana-only word is more often a label, "スライド").
const CJK_NAME = /^(?=\S*\p{Script=Han})[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{1,4}[ \u3000][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{1,4}$/u;

// Capitalised function words of English titles ("On Problem Solving", "The New Testament"): never a word of a
// person's name. Words that are also names somewhere ("An", "Do", "To" in Vietnamese) are left out.
const TITLE_WORDS = new Set(['The', 'Of', 'On', 'For', 'With', 'From', 'Towards', 'Toward', 'Via', 'Using', 'Into', 'Is', 'Are', 'How', 'What', 'Why', 'Does', 'Its', 'Their', 'Our', 'Between', 'Under', 'Beyond', 'About', 'Against', 'Among', 'Through', 'Without', 'Within']);
// A name in its own script after its romanization ("Yanagida Seizan 柳田聖山").
const HAN_WORD = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{2,6}$/u;

// Words of venues and publishers: "Physical Review Letters, American Physical Society" has a name's shape.
const VENUE_WORDS = /^(?:journal|review|letters?|society|press|university|universit[äéà]t?|proceedings|conference|transactions|institute|association|science|sciences|nature|research|studies|quarterly|annals?|bulletin|academy|books?|publish(?:ing|ers?)|verlag|[ée]ditions?|company|international|national|american|european|physics|chemistry|medicine|magazine|times|news|report|series|symposium|workshop|congress|foundation|museum|library|department|center|centre|office|group|vol|volume|chapter|part|edition)$/i;

// The words that name a journal or a meeting, never an organisation that writes ("American Psychiatric Association" does).
const SERIAL_WORDS = /^(?:journal|proceedings|transactions|letters|conference|symposium|workshop|congress|magazine|bulletin|annals|quarterly|vol|volume)$/i;

export function isName(raw: string): boolean {
  const s = raw.trim();
  if (CJK_NAME.test(s)) return true;
  if (s.length < 3 || s.length > 60 || /[\d@:/()[\]{}"“”!?=+*#]/.test(s)) return false;
  if (NOT_NAMES.test(s)) return false;
  const tokens = s.split(/\s+/);
  if (tokens.length >= 3 && HAN_WORD.test(tokens[tokens.length - 1]!)) tokens.pop();
  if (tokens.length < 2 || tokens.length > 5) return false;
  let capital = 0;
  for (const t of tokens) {
    // A possessive ("Hegel’s Development") or a title's function word is not part of a name.
    // Nor a journal's word ("INTERNATIONAL JOURNAL OF HYDROGEN ENERGY"); capitals compared as capitalised words.
    const word = t.length > 1 && t === t.toUpperCase() ? t[0] + t.slice(1).toLowerCase() : t;
    if (TITLE_WORDS.has(word) || /['’]s$/u.test(t) || SERIAL_WORDS.test(word)) return false;
    if (/^\p{Lu}/u.test(t)) capital++;
    else if (!PARTICLES.has(t.toLowerCase())) return false;
    // An initial ("R", "J.", "J.-P.") or a word with letters only.
    if (!/^(?:\p{L}\.?(?:-\p{L}\.?)?|[\p{L}'’][\p{L}'’.-]*)$/u.test(t)) return false;
  }
  return capital >= 2 || (capital >= 1 && tokens.length === 2);
}

// A CJK name written without a space ("山田太郎"): two to eight Han or kana characters, one Han at least. Alone this
// is any word; it is taken only where a style puts the authors (before a title in 「」), in a list of such.
const CJK_UNSPACED = /^(?=\S*\p{Script=Han})[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]{2,8}$/u;

/** Japanese and Chinese author lists: CJK names between "，", "、", "," or "・" ("山田太郎，鈴木花子", "佐藤 健、山田 太郎"). */
export function cjkNameList(line: string): NameList | undefined {
  const s = line.trim().replace(/[\s：:，、,.．。]+$/u, '');
  if (!s || s.length > 300) return undefined;
  const truncated = /(?:ほか|他|等|et al\.?)$/u.test(s);
  const parts = s.replace(/\s*(?:ほか|他|等|et al\.?)$/u, '').split(/\s*[，、,・；;]\s*/u).filter(Boolean);
  if (!parts.length || parts.length > 40) return undefined;
  if (!parts.every((p) => CJK_UNSPACED.test(p) || CJK_NAME.test(p))) return undefined;
  return { names: parts, truncated };
}

export interface NameList {
  names: string[];
  truncated: boolean;
}

// "et al.", "and others", an ellipsis, or an expander that hides the rest ("…, and 2 more authors", "+ 3 more", "& 4 others").
const ETAL = /(?:,?\s*(?:et al\.?|…|\.\.\.|(?:and|&)\s+others\.?|(?:(?:and|&|\+)\s*)?\d{1,4}\s+(?:more|others?|weitere|autres|más|mais)(?:\s+(?:authors?|autor(?:en|es)?|auteurs?))?)\s*)$/i;

/** A line that is a list of names ("A Smith, B Jones and C Wu", "X | Y"), or undefined. */
export function nameList(line: string): NameList | undefined {
  const plain = namesOnly(line);
  if (plain || !/\([^()\d]{2,80}\)/.test(line)) return plain;
  // Affiliations in brackets after each name ("Norman May (SAP SE)*; Daniel Ritter (SAP)"): at least two names then.
  const l = namesOnly(line.replace(/\s*\([^()\d]{2,80}\)/g, ''));
  return l && l.names.length >= 2 ? l : undefined;
}

function namesOnly(line: string): NameList | undefined {
  let s = line.replace(/^(?:authors?|by|von|par|авторы)\s*:?\s+/i, '').trim();
  let truncated = false;
  if (ETAL.test(s)) {
    truncated = true;
    s = s.replace(ETAL, '');
  }
  const parts = s
    .split(/\s*(?:[,;|·•，、；]|\band\b|\bund\b|\bet\b|&)\s*/)
    .map((p) => p.replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '').trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const good = parts.filter(isName);
  // Mostly names. A single name is a weak signal (a title can look like "Deep Learning"); callers weigh it.
  if (good.length / parts.length < 0.8) return undefined;
  return { names: good, truncated };
}

// "Surname, I." / "SURNAME, GIVEN" names (APA, ABNT, Vancouver-less styles):
// the comma is inside each name, so the list is split on ";", "&", "and"-words
// or on the comma that follows the initials.
const SURNAME = String.raw`(?:(?:van|von|de|da|do|das|der|den|del|dos|di|du|la|le)\s+)*[\p{Lu}][\p{L}'’-]*(?:\s+(?:(?:van|von|de|da|do|das|der|den|del|dos|di|du|la|le)\s+)*[\p{Lu}][\p{L}'’-]*){0,3}`;
// Given names: stopped initials ("L. F.", "S.M.", "J.-P."); initials alone without stops ("L F"; only as the
// whole given name, since "A Smith, B Jones" is given-first); or up to five words with particles
// ("CLAUDIA BUENO DOS REIS", "Marcelo Bispo de") and initials after them ("AMANDA S.M.", "Cintia M S", "Daniele R de"); not
// "Jevin D. West", which is a given-first name.
const G_PARTICLE = String.raw`(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|e|y|DE|DA|DO|DOS|DAS|DEL|DI|DU)`;
const G_WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const GIVEN = String.raw`(?:\p{Lu}\.(?:\s?-?\p{Lu}\p{Ll}?\.)*|\p{Lu}(?:\s-?\p{Lu})*(?![\p{L}.])|${G_WORD}(?:\s+(?:${G_WORD}|${G_PARTICLE})){0,4}(?:\s+\p{Lu}{1,2}\.?(?:\s?-?\p{Lu}\.?)*)?(?:\s+${G_PARTICLE})?)`;
const INVERTED = new RegExp(String.raw`^(${SURNAME}),\s*(${GIVEN})$`, 'u');

const LOOSE_INVERTED = /^\p{Lu}[^\s,;\d]*(?:\s+[^\s,;\d]+){0,5},\s*\p{Lu}[^\s,;\d]*(?:\s+[^\s,;\d]+){0,5}$/u;

/** A list of "Surname, Given" names, given names moved first ("Quian, A." → "A. Quian"), or undefined. */
export function invertedNameList(line: string): NameList | undefined {
  // A long line is prose or a whole citation, never just names (and the regexes stay cheap).
  // (ABNT lists of a dozen full names, ";" between them, run longer.)
  if ((line.length > 400 && (line.length > 1000 || (line.match(/;/g)?.length ?? 0) < 5)) || !line.includes(',')) return undefined;
  let s = line.replace(/^(?:authors?|by|von|par)\s*:?\s+/i, '').replace(/\s*\((?:hrsg|eds?|coords?|dir|org)\.?\)\s*$/i, '').trim();
  let truncated = false;
  // MLA's "Surname, Given, et al.": the first author alone, the others left out in words.
  const etAl = /,\s*et al\.?\s*$/i.test(s);
  if (ETAL.test(s)) {
    truncated = true;
    s = s.replace(ETAL, '');
  }
  s = s.replace(/[.\s]+$/, (m) => (m.includes('.') ? '.' : '')).replace(/[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]/gu, '');
  if (!s.includes(',')) return undefined;
  // A conjunction ("…, & Wu, Kai", "…, and Andreas Haupt") before the last name marks a list of people.
  const joined = /&|\s(?:and|And|und|y|e|et)\s/u.test(s);
  const semi = /\S\s*;\s*\S/u.test(s);
  const parts = s
    // Initials end a name before a comma: "J.", and transliterated digraphs "I.Yu.", "A.Zh.".
    .split(/\s*;\s*|\s*&\s*|\s+\/\s+|\s+(?:and|And|und|y|e|et)\s+|(?<=(?:^|[\s.-])\p{Lu}\p{Ll}?\.)(?<!\b[JS]r\.),\s*/u)
    // A conjunction left at the start of a part by the comma split ("Diggs, G. M., and R. J. George").
    .map((p) => p.trim().replace(/,$/, '').replace(/^(?:and|und|et|y|e)\s+/u, ''))
    .filter(Boolean);
  if (!parts.length || parts.length > 60) return undefined;
  const names: string[] = [];
  let initials = 0;
  for (let p of parts) {
    // APA 7's "…" between the 19th name and the last ("Asgaard, G., ... Botros, N."): names left out.
    if (/^(?:\.\.\.|…)\s*/u.test(p)) {
      truncated = true;
      p = p.replace(/^(?:\.\.\.|…)\s*/u, '');
      if (!p) continue;
    }
    const m = INVERTED.exec(p);
    // Mixed styles ("Kanemoto, Y. and W. B. MacLeod"): a given-first name may follow an inverted one.
    if (!m) {
      const bits = p.split(/\s*,\s*/).filter(Boolean);
      const stop = (n: string) => n.replace(/(?<=\p{L}{2})\.$/u, '');
      // Its sentence stop is not part of it ("…, and Andreas Haupt."); an initial's is.
      if ((names.length || semi) && isName(p)) names.push(stop(p));
      // ";" marks the list (ABNT): a part with one comma between capitalised words is a name even when its
      // surname is long or holds what the pattern does not ("DE CÁSSIA DA SILVA ANDRADE, PAULA", "Alves Jr., Severino").
      else if (semi && LOOSE_INVERTED.test(p)) {
        const c = p.indexOf(',');
        names.push(`${stop(p.slice(c + 1).trim())} ${p.slice(0, c).trim()}`);
      }
      // Chicago/MLA: the first name inverted, the others given-first between commas
      // ("Forsyth, D. M., J. Hone, J. P. Parkes, and D. Stronge"; "Geller, Anne Ellen, Michele Eodice, and …").
      else if (names.length && bits.length >= 2 && bits.every(isName)) names.push(...bits.map(stop));
      else if (!names.length && (joined || truncated) && bits.length >= 3 && bits[2]!.split(/\s+/).length >= 2 && bits.slice(2).every(isName) && INVERTED.test(`${bits[0]}, ${bits[1]}`)) {
        const f = INVERTED.exec(`${bits[0]}, ${bits[1]}`)!;
        names.push(`${f[2]!.trim()} ${f[1]!.trim()}`, ...bits.slice(2).map(stop));
        initials++;
      } else {
        // Full given names between commas ("Roth, Philip, Haupt, Andreas, & Wu, Kai"): pairs, only in a list that ends "& …".
        const pairs = joined ? commaPairs(p) : undefined;
        if (!pairs) return undefined;
        names.push(...pairs);
      }
      continue;
    }
    if (/\p{Lu}\./u.test(m[2]!) || /^\p{Lu}(?:\s|$)/u.test(m[2]!) || m[1] === m[1]!.toUpperCase()) initials++;
    names.push(`${m[2]!.trim()} ${m[1]!.trim()}`);
  }
  // "Deep Learning, Vision" is not a person: a lone inverted name needs initials or a capitalised surname.
  // Before "et al." the pair is a person's name when it has a name's words only ("Moreau, Pierre, et al.").
  if (!initials && names.length < 2 && !(etAl && names.length === 1 && parts.length === 1 && loneInvertedName(parts[0]!))) return undefined;
  return { names, truncated };
}

/** "Surname, Given, Surname, Given" read two by two, each pair an inverted name; undefined if any pair is not. */
function commaPairs(p: string): string[] | undefined {
  const bits = p.split(/\s*,\s*/).filter(Boolean);
  if (bits.length < 4 || bits.length % 2) return undefined;
  // "Hiroki Yamamuro, Keisuke Hara, …" is a given-first list: every bit a whole name. A pair has a one-word bit.
  if (bits.every(isName)) return undefined;
  const out: string[] = [];
  for (let i = 0; i < bits.length; i += 2) {
    const m = INVERTED.exec(`${bits[i]}, ${bits[i + 1]}`);
    if (!m || m[2]!.split(/\s+/).length > 3) return undefined;
    out.push(`${m[2]!.trim()} ${m[1]!.trim()}`);
  }
  return out;
}

/** One "Surname, Given" name, initials or not ("de Lima, Renata"): weaker than a list, enough to tell a link is a person. */
export function isInvertedName(s: string): boolean {
  const t = s.trim();
  if (t.length > 60) return false;
  if (INVERTED.test(t)) return true;
  // Looser, for telling a person's link from a title: one comma between two short runs of capitalised
  // words and initials ("Filho, Newton L. Dias", "F. FRACETO, L").
  const parts = t.split(',');
  const cap = /^(?:(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.|de|da|do|dos|das|van|von)\s*)+$/u;
  return parts.length === 2 && parts.every((p) => p.trim().split(/\s+/).length <= 4 && cap.test(p.trim()));
}

/**
 * One "Surname, Given" name with full given names ("Wandel, Lee Palmer", "Pettingill, Olin Sewall, Jr."),
 * given first, or undefined. Alone this shape is ambiguous ("Deep Learning, Vision"), so callers take it only
 * where a style puts the author: right before or after the title on its line, or on a line of its own beside it.
 */
export function loneInvertedName(raw: string): string | undefined {
  const t = raw.trim().replace(/[.,;:]$/, '');
  const suffix = /,\s*(Jr|Sr|II|III|IV)\.?$/.exec(t);
  const core = suffix ? t.slice(0, suffix.index) : t;
  const c = core.indexOf(',');
  if (c < 0 || core.indexOf(',', c + 1) >= 0 || !isInvertedName(core)) return undefined;
  const family = core.slice(0, c).trim();
  const given = core.slice(c + 1).trim();
  const fw = family.split(/\s+/);
  const gw = given.split(/\s+/);
  if (fw.length > 3 || gw.length > 3 || [...fw, ...gw].some((w) => VENUE_WORDS.test(w.replace(/\.$/, '')) || TITLE_WORDS.has(w))) return undefined;
  return `${given} ${family}${suffix ? ` ${suffix[1]}` : ''}`;
}

/**
 * A line that starts with "Surname, I." names and goes on with the venue
 * ("Quian, A. & Lázaro-Rodríguez, P. Espejo de Monografías…, 2025"): the
 * longest prefix ending on an initial that reads as such a list.
 */
export function invertedNamesPrefix(line: string): NameList | undefined {
  if (line.length > 600) return undefined;
  const ends: number[] = [];
  for (const m of line.matchAll(/\p{Lu}\.(?=\s|,|$)/gu)) ends.push(m.index + m[0].length);
  for (let i = ends.length - 1; i >= 0; i--) {
    const l = invertedNameList(line.slice(0, ends[i]));
    if (l) return l;
  }
  return undefined;
}

/** Either shape of a name list. */
export function anyNameList(line: string): NameList | undefined {
  if (line.length > 600) return undefined;
  const inverted = invertedNameList(line);
  if (!inverted || line.includes(';')) return inverted ?? nameList(line);
  // "Masayuki Tezuka, Xiangyu Su, and Keisuke Tanaka" also reads as "Tezuka, Masayuki"-style with one name too few:
  // when every comma-separated bit is a whole name, the given-first reading with more names wins (";" marks inverted lists).
  const plain = nameList(line);
  return plain && plain.names.length > inverted.names.length ? plain : inverted;
}
