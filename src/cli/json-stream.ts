// One JSON object written piece by piece: a field whose value is an iterable
// is written one item at a time, so a library's tens of thousands of works are
// never held as one string (nor as a second, printable copy of the works).
// The text is the same as JSON.stringify(object, null, 2) of the whole.

/** Where the text goes; a returned promise is awaited before writing on (the output's backpressure). */
export type Write = (text: string) => void | Promise<void>;

/** A field written as a JSON array, one item at a time (the items may be made as they are written). */
export class Items {
  constructor(readonly items: Iterable<unknown>) {}
}

/** Text is handed to `write` in pieces of about this many characters: few writes, small buffers. */
const CHUNK = 1 << 16;

/** Writes `{ name: value, … }` in the order given; an `Items` value is a streamed array. */
export async function writeJsonObject(write: Write, fields: [string, unknown][]): Promise<void> {
  let buffer = '';
  const put = async (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      const t = buffer;
      buffer = '';
      await write(t);
    }
  };
  // JSON.stringify escapes line breaks inside strings, so every "\n" in its text is indentation's.
  const indented = (value: unknown, depth: number) => (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + '  '.repeat(depth));

  // JSON.stringify leaves out fields whose value is undefined (or a function).
  const present = fields.filter(([, v]) => v !== undefined && typeof v !== 'function');
  await put('{');
  for (const [i, [name, value]] of present.entries()) {
    await put(`${i ? ',' : ''}\n  ${JSON.stringify(name)}: `);
    if (value instanceof Items) {
      let n = 0;
      for (const item of value.items) await put(`${n++ ? ',' : '['}\n    ${indented(item, 2)}`);
      await put(n ? '\n  ]' : '[]');
    } else await put(indented(value, 1));
  }
  await put(present.length ? '\n}\n' : '}\n');
  if (buffer) await write(buffer);
}
