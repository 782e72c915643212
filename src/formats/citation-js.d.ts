// The small part of citation-js's API Scholar Lens uses (the packages ship no types).
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options?: { generateGraph?: boolean; forceType?: string }): Array<Record<string, unknown>>;
    };
  };
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
