import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from "pdf-lib";

/** Decoded bytes of a stream (FlateDecode or none). */
function streamText(doc: PDFDocument, ref: unknown): string {
  const obj = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(obj instanceof PDFRawStream)) throw new Error("not a raw stream");
  const filter = obj.dict.get(PDFName.of("Filter"));
  const bytes = filter === PDFName.of("FlateDecode") ? inflateSync(obj.contents) : Buffer.from(obj.contents);
  return bytes.toString("latin1");
}

/** glyph id (hex) → text, from a font's ToUnicode CMap (pdf-lib writes bfchar entries). */
function toUnicodeMap(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const ref = font.get(PDFName.of("ToUnicode"));
  if (!ref) return map;
  const cmap = streamText(doc, ref);
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
    const hex = m[2]!;
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    map.set(m[1]!.toLowerCase(), String.fromCharCode(...units));
  }
  return map;
}

/**
 * The text drawn on a page, one string per Tj, decoded through each font's ToUnicode map —
 * enough to check what pdf-lib drew without a PDF text extractor.
 */
export function extractPageText(doc: PDFDocument, page: PDFPage): string[] {
  const fonts = page.node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts?.entries() ?? []) maps.set(name.asString(), toUnicodeMap(doc, doc.context.lookup(ref, PDFDict)));
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of("Contents"))];
  const out: string[] = [];
  for (const ref of refs) {
    const text = streamText(doc, ref);
    let current: Map<string, string> | undefined;
    for (const m of text.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) current = maps.get(m[1]);
      else if (current && m[2] !== undefined) {
        let s = "";
        for (let i = 0; i < m[2].length; i += 4) s += current.get(m[2].slice(i, i + 4).toLowerCase()) ?? "\uFFFD";
        out.push(s);
      }
    }
  }
  return out;
}
