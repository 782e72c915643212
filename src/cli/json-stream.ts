// Output written piece by piece: JSON whose iterable fields (or items) are
// written one item at a time, so a library's tens of thousands of works are
// never held as one string (nor as a second, printable copy of the works).
// The JSON text is the same as JSON.stringify(value, null, 2) of the whole.

/** Where the text goes; a returned promise is awaited before writing on (the output's backpressure). */
export type Write = (text: string) => void | Promise<void>;

/** A field written as a JSON array, one item at a time (the items may be made as they are written). */
export class Items {
  constructor(readonly items: Iterable<unknown>) {}
}

/** Text is handed to `write` in pieces of about this many characters: few writes, small buffers. */
const CHUNK = 1 << 16;

/** Writes the pieces in order, gathered into chunks of about CHUNK characters. */
export async function writePieces(write: Write, pieces: Iterable<string>): Promise<void> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      const t = buffer;
      buffer = '';
      await write(t);
    }
  }
  if (buffer) await write(buffer);
}

// JSON.stringify escapes line breaks inside strings, so every "\n" in its text is indentation's.
const indented = (value: unknown, depth: number) => (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + '  '.repeat(depth));

/** The text of `{ name: value, … }` (fields in the order given, an `Items` value a streamed array), then a line break. */
export function* jsonObjectPieces(fields: [string, unknown][]): Generator<string> {
  // JSON.stringify leaves out fields whose value is undefined (or a function).
  const present = fields.filter(([, v]) => v !== undefined && typeof v !== 'function');
  yield '{';
  for (const [i, [name, value]] of present.entries()) {
    yield `${i ? ',' : ''}\n  ${JSON.stringify(name)}: `;
    if (value instanceof Items) yield* arrayPieces(value.items, 1);
    else yield indented(value, 1);
  }
  yield present.length ? '\n}\n' : '}\n';
}

/** The text of a JSON array of the items (JSON.stringify(items, null, 2)), then a line break. */
export function* jsonArrayPieces(items: Iterable<unknown>): Generator<string> {
  yield* arrayPieces(items, 0);
  yield '\n';
}

function* arrayPieces(items: Iterable<unknown>, depth: number): Generator<string> {
  const pad = '  '.repeat(depth);
  let n = 0;
  for (const item of items) yield `${n++ ? ',' : '['}\n${pad}  ${indented(item, depth + 1)}`;
  yield n ? `\n${pad}]` : '[]';
}

/** Writes `{ name: value, … }` in the order given; an `Items` value is a streamed array. */
export function writeJsonObject(write: Write, fields: [string, unknown][]): Promise<void> {
  return writePieces(write, jsonObjectPieces(fields));
}
