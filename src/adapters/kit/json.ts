// Safe reading of JSON payloads (ORCID, Semantic Scholar): a response can be
// an HTML error page, a rate-limit message or a record missing any field, and
// adapters must never throw on it.

export type Json = unknown;

/** Parsed JSON, or undefined if the text is not JSON (e.g. an HTML error page). */
export function parseJson(text: string | undefined): Json | undefined {
  if (!text || !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

export function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follow a path of keys/indices; undefined as soon as one is missing. */
export function at(v: Json, ...path: (string | number)[]): Json {
  let cur: Json = v;
  for (const k of path) {
    if (typeof k === 'number') cur = Array.isArray(cur) ? cur[k] : undefined;
    else cur = isRecord(cur) ? cur[k] : undefined;
    if (cur === undefined || cur === null) return undefined;
  }
  return cur;
}

export function str(v: Json): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A count or a year: a non-negative integer (an API answering 12.5 citations is not believed). */
export function num(v: Json): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

export function arr(v: Json): Json[] {
  return Array.isArray(v) ? v : [];
}
