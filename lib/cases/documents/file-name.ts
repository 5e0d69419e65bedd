/**
 * A user's file name as we keep it for display and download: the last path segment, no control
 * or bidi-override characters, NFC, at most 200 characters (keeping the extension). It is never
 * used to build a storage path.
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? "";
  let name = last
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  if (name === "" || name === "." || name === "..") name = "file";
  if (name.length > 200) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name;
}
