// Where the popup's opening spends its time: performance marks named
// `popup:<phase>`, read by bench/popup-shown.ts from the popup's navigation
// start. A mark costs microseconds and nothing reads them in use.

export function popupMark(phase: string): void {
  globalThis.performance?.mark?.(`popup:${phase}`);
}
