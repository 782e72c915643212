// Deterministic ordering. Strings are compared by code unit, not by locale:
// `localeCompare` depends on the browser's language, and the merge, the
// exports and the tests must give the same order everywhere.

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
