// Files are handed to the browser as Blob URLs on an <a download>: no
// `downloads` permission, and nothing leaves the machine.

export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBlob(new Blob([text], { type: mime }), fileName);
}

/** Binary files (Parquet) the same way. */
export function downloadBytes(data: Uint8Array, fileName: string, mime: string): void {
  downloadBlob(new Blob([data as Uint8Array<ArrayBuffer>], { type: mime }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
