import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { ZipCodec } from "./zip";

const SEED = path.join(__dirname, "..", "..", "..", "..", "tests", "fixtures", "files", "seed.xlsx");

/** node's zlib, as the CLI's codec (src/cli/nodeZip.ts) gives it. */
const ZLIB: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: limit });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw e;
    }
  },
};

describe("the JavaScript inflater", () => {
  it("is loaded only when an entry needs it: not with a native codec, once without", () => {
    jest.isolateModules(() => {
      let loads = 0;
      jest.doMock("fflate", () => {
        loads++;
        return jest.requireActual("fflate");
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { readWorkbookFast } = require("../fastReader") as typeof import("../fastReader");
      const bytes = new Uint8Array(fs.readFileSync(SEED));
      const native = readWorkbookFast(bytes, { codec: ZLIB });
      expect(loads).toBe(0);
      const js = readWorkbookFast(bytes);
      expect(loads).toBe(1);
      expect(js).toEqual(native);
      expect(native.sheets.length).toBeGreaterThan(0);
    });
  });
});
