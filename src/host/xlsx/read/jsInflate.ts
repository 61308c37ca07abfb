/**
 * The JavaScript inflater (fflate). zip.ts loads this module the first time an entry needs it: the
 * CLI inflates with node's zlib (ZipCodec) and needs fflate only for a stream zlib refuses, so its
 * one-file check does not load fflate at all. Browsers, with no native codec, load it with their first
 * workbook; the import stays a static ES import here so that their bundles keep only these two parts.
 */
import { Inflate, inflateSync } from "fflate";

/** The two parts of fflate the reader uses. */
export interface JsInflate {
  inflateSync: typeof inflateSync;
  Inflate: typeof Inflate;
}

export const FFLATE: JsInflate = { inflateSync, Inflate };
