/**
 * Which refused files LibreOffice can turn into an .xlsx: legacy .xls (and WPS .et, the same BIFF in
 * an OLE compound file) and OpenDocument .ods. Told by content, never by the file's name. Pure and
 * cheap, so that a reader thread can say it without loading the conversion (convert.ts).
 */
import { sniff } from "../host/xlsx/sniff";
import { WorkbookReadError } from "../host/xlsx/errors";

export type LegacyKind = "xls" | "ods";

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * An ODF package starts with its `mimetype` entry, stored uncompressed (ODF 1.2 part 3, §3.3), so
 * the media type is plain text right after the first local header's name.
 */
const ODS_HEAD = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
const ODS_HEAD_AT = 30;

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

function isOds(b: Uint8Array): boolean {
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || b.length < ODS_HEAD_AT + ODS_HEAD.length) return false;
  for (let i = 0; i < ODS_HEAD.length; i++) if (b[ODS_HEAD_AT + i] !== ODS_HEAD.charCodeAt(i)) return false;
  return true;
}

/**
 * A BIFF workbook with an open password: its globals' BOF record is followed directly by FILEPASS
 * (0x002F) [MS-XLS 2.4.117]. Such a file is not handed to LibreOffice (it cannot open it without the
 * password, and would only cost a timeout); it is refused as encrypted, as an encrypted .xlsx is.
 */
function hasFilePass(b: Uint8Array): boolean {
  // BOF 0x0809 of a workbook globals substream (dt 0x0005): BIFF8 (length 16, version 0x0600) or BIFF5 (length 8, 0x0500)
  for (let i = b.indexOf(0x09); i >= 0 && i + 12 < b.length; i = b.indexOf(0x09, i + 1)) {
    if (b[i + 1] !== 0x08 || b[i + 3] !== 0 || b[i + 7] !== 0 || b[i + 6] !== 0x05) continue;
    const len = b[i + 2];
    if (!((len === 16 && b[i + 5] === 0x06) || (len === 8 && b[i + 5] === 0x05)) || b[i + 4] !== 0) continue;
    const next = i + 4 + len;
    return next + 1 < b.length && b[next] === 0x2f && b[next + 1] === 0x00;
  }
  return false;
}

/**
 * What LibreOffice could convert, "encrypted" for a password-protected .xls, or null for anything
 * else (an .xlsx, a Word .doc, a broken file: left to the reader's own refusal).
 */
export function legacyKind(bytes: Uint8Array): LegacyKind | "encrypted" | null {
  if (isOds(bytes)) return "ods";
  if (!startsWith(bytes, OLE2_MAGIC)) return null;
  try {
    sniff(bytes);
  } catch (e) {
    // the reader's own verdict on an OLE file: a workbook ("xls"), not a Word/PowerPoint file or encrypted OOXML
    if (e instanceof WorkbookReadError && e.code === "xls") return hasFilePass(bytes) ? "encrypted" : "xls";
  }
  return null;
}
