// Recorded HTTP interactions ("cassettes"), read by `extract` like the raw
// response they wrap. Two dialects occur in the wild: Ruby VCR / R vcr
// (`http_interactions`, `status.status_code`, headers as lists or strings)
// and Python vcrpy (`interactions`, `status.code`). Both keep the body text
// under `body.string`. (tests/helpers/cassette.ts is the tests' own reader.)

import { load } from 'js-yaml';

export interface Recorded {
  uri: string;
  status: number;
  contentType?: string;
  body: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** Does this text look like a cassette (YAML whose top level lists interactions)? */
export function looksLikeCassette(text: string): boolean {
  return /^(?:---\s*\n)?(?:#.*\n)*\s*(?:http_interactions|interactions):/m.test(text.slice(0, 2000));
}

/** Every recorded response, in file order. Throws on YAML that cannot be parsed. */
export function readCassette(yamlText: string): Recorded[] {
  const doc = obj(load(yamlText));
  const list = doc.http_interactions ?? doc.interactions;
  if (!Array.isArray(list)) return [];
  return list.map((i) => {
    const request = obj(obj(i).request);
    const response = obj(obj(i).response);
    const status = obj(response.status);
    const body = obj(response.body);
    const contentType = header(obj(response.headers), 'content-type');
    return {
      uri: String(request.uri ?? ''),
      status: Number(status.status_code ?? status.code ?? NaN),
      ...(contentType ? { contentType } : {}),
      body: typeof body.string === 'string' ? body.string : '',
    };
  });
}

/** A header by name, whatever its case; vcrpy keeps values in lists. */
function header(headers: Obj, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    const value = Array.isArray(v) ? v[0] : v;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/**
 * The interaction to read: the one recorded for `url` (when given), else the
 * only one. Undefined with the reason when that choice cannot be made.
 */
export function pickInteraction(recorded: Recorded[], url: URL | undefined, index?: number): Recorded | { error: string } {
  if (!recorded.length) return { error: 'the cassette records no interaction' };
  if (index !== undefined) return recorded[index - 1] ?? { error: `the cassette records ${recorded.length} interaction(s); --interaction ${index} is not one` };
  if (url) {
    const same = recorded.filter((r) => sameAddress(r.uri, url));
    if (same.length) return same[0]!;
  }
  if (recorded.length === 1) return recorded[0]!;
  const list = recorded.map((r, i) => `  ${i + 1}: ${r.uri}`).join('\n');
  return { error: `the cassette records ${recorded.length} interactions; name one with --url or --interaction <n>:\n${list}` };
}

function sameAddress(uri: string, url: URL): boolean {
  try {
    const u = new URL(uri);
    const sorted = (x: URL) => [...x.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&');
    return u.origin === url.origin && u.pathname === url.pathname && sorted(u) === sorted(url);
  } catch {
    return false;
  }
}
