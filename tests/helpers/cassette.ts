// Recorded HTTP interactions ("cassettes") from other projects' test suites,
// used as real API responses. Two dialects occur: Ruby VCR / R vcr
// (`http_interactions`, `status.status_code`) and Python vcrpy
// (`interactions`, `status.code`). Both keep the body text under `body.string`.

import { load } from 'js-yaml';

export interface RecordedResponse {
  uri: string;
  status: number;
  body: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});

export function cassetteBodies(yamlText: string): RecordedResponse[] {
  const doc = obj(load(yamlText));
  const list = doc.http_interactions ?? doc.interactions;
  if (!Array.isArray(list)) return [];
  return list.map((i) => {
    const request = obj(obj(i).request);
    const response = obj(obj(i).response);
    const status = obj(response.status);
    const body = obj(response.body);
    return {
      uri: String(request.uri ?? ''),
      status: Number(status.status_code ?? status.code ?? NaN),
      body: typeof body.string === 'string' ? body.string : '',
    };
  });
}
