// A database as plain JSON: its object stores, their key paths and indexes,
// and every record with its key. Stored databases of earlier schema versions
// (tests/data/store/v<N>.json) are kept in this form so that the upgrade
// test rebuilds them without the old code, exactly as a user's browser holds them.

import { openDB, type IDBPDatabase } from 'idb';

export interface IndexDump {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexDump[];
  records: { key: IDBValidKey; value: unknown }[];
}

export interface DatabaseDump {
  about: string;
  version: number;
  stores: StoreDump[];
}

// The idb typings are schema-specific; the dump works on any database.
type AnyDB = IDBPDatabase<unknown>;

export async function dumpDatabase(db: AnyDB, about: string): Promise<DatabaseDump> {
  const names = [...db.objectStoreNames].sort();
  const stores: StoreDump[] = [];
  for (const name of names) {
    const tx = db.transaction(name, 'readonly');
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const idx = store.index(i);
      return { name: i, keyPath: idx.keyPath, unique: idx.unique, multiEntry: idx.multiEntry };
    });
    const records: StoreDump['records'] = [];
    for (let cur = await store.openCursor(); cur; cur = await cur.continue()) records.push({ key: cur.key, value: cur.value });
    await tx.done;
    stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records });
  }
  return { about, version: db.version, stores };
}

/** Recreate a dumped database under `name`, at the dump's version, with no upgrade code of ours. */
export async function loadDatabase(name: string, dump: DatabaseDump): Promise<void> {
  const db = await openDB(name, dump.version, {
    upgrade(raw) {
      for (const s of dump.stores) {
        const store = raw.createObjectStore(s.name, s.keyPath === null ? { autoIncrement: s.autoIncrement } : { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    },
  });
  for (const s of dump.stores) {
    const tx = db.transaction(s.name, 'readwrite');
    const store = tx.objectStore(s.name);
    for (const r of s.records) await (s.keyPath === null ? store.put(r.value, r.key) : store.put(r.value));
    await tx.done;
  }
  db.close();
}
