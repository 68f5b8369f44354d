/** The type a file's name says, for the browser's download (and the program it offers to open it with). */
const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Hand bytes to the browser as a download: a blob: address, never a network request. */
export function download(bytes: Uint8Array, name: string): void {
  const type = TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Firefox starts the download after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
