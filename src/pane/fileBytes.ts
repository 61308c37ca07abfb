/**
 * A chosen file's bytes: Blob.arrayBuffer, or FileReader where it is missing (older webviews, the
 * classic pane's IE11, jsdom). The one way every face reads a picked or dropped file.
 */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("读取所选文件失败，请重新选择。"));
    r.readAsArrayBuffer(file);
  });
}
