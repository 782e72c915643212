// Reading a JSON object literal that a page's script assigns to a variable
// (IEEE Xplore's `xplGlobal.document.metadata = {...};`). The script is never
// run: the assignment is found by its left-hand side, the balanced `{...}`
// after it is cut out by a scanner that knows JSON strings (braces inside a
// string do not count), and only that text is handed to JSON.parse.

import { parseJson, type Json } from './json';

/** The balanced `{...}` starting at `start` (which must be `{`), or undefined if it never closes. */
export function balancedObject(text: string, start: number): string | undefined {
  if (text[start] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/**
 * The JSON object assigned to `lhs` (a pattern for the left-hand side up to
 * and including the `=`) in any inline <script> of `doc`;
 * undefined when there is none or it is not JSON (a JS literal with unquoted
 * keys is not read: guessing at JavaScript is how pages get eval'd).
 */
export function scriptAssignedJson(doc: Document, lhs: RegExp): Json | undefined {
  const re = new RegExp(lhs.source, lhs.flags.replace('g', '') + 'g');
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const open = text.slice(m.index + m[0].length).search(/\S/);
      if (open < 0) break;
      const literal = balancedObject(text, m.index + m[0].length + open);
      const json = parseJson(literal);
      if (json !== undefined) return json;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return undefined;
}
