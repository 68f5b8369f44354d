/** Hand bytes to the browser as a download: a blob: address, never a network request. */
export function download(bytes: Uint8Array, name: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
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
