// Looking a key that came from outside (a page, an API answer, an imported
// file, a backup) up in one of our tables. A plain object answers for keys it
// never held — "constructor", "toString", "__proto__" are Object.prototype's
// — so a work typed "constructor" would get a function for its type and
// poison the whole capture. Tables read with outside keys go through here (or
// are Maps, or have no prototype).

/** The table's own entry for the key, or undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
