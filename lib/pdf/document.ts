// Creating and saving the PDFs: pdf-lib documents whose streams are deflated by node:zlib, saved without yielding.
import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFDocument, PDFRawStream, type PDFContext } from 'pdf-lib';

/**
 * A new document whose flate streams (embedded fonts, ToUnicode maps) are deflated by node:zlib instead of
 * pdf-lib's pako, several times faster for the same content. (The compressed bytes differ from pako's; the
 * decoded streams are the same.)
 */
export async function createPdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const context = doc.context;
  const flateStream: PDFContext['flateStream'] = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' });
  context.flateStream = flateStream;
  return doc;
}

/**
 * The document's bytes. The page content streams are deflated by node:zlib here (pdf-lib would deflate them
 * with pako while writing), so nothing may be drawn after this; and the writer does not yield to the event loop
 * every 50 objects (each yield is a timer of at least 1 ms, and a certificate has a few dozen objects).
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  const context = doc.context;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream) {
      // Its dict already says /Filter /FlateDecode (pdf-lib sets it when the stream is made); the writer sets /Length.
      context.assign(ref, PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents())));
    }
  }
  return doc.save({ objectsPerTick: Infinity });
}
