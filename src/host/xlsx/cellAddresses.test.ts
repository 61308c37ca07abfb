import { strToU8, unzipSync, zipSync } from "fflate";
import { packageWithCellAddresses, withCellAddresses } from "./cellAddresses";
import { inflateEntry, readWorkbookFast } from "./fastReader";
import { sniff } from "./sniff";
import { ExcelJSHost } from "./exceljsHost";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const sheet = (data: string, after = "") => `<worksheet ${NS}><cols><col min="1" max="2" width="9"/></cols><sheetData>${data}</sheetData>${after}</worksheet>`;

describe("withCellAddresses", () => {
  it("numbers cells after the previous one, rows after the previous row, and leaves addressed ones alone", () => {
    const xml = sheet(
      '<row r="2"><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c><c r="E2"><v>5</v></c><c s="3"><v>6</v></c></row><row><c/><c t="s"><v>0</v></c></row>',
    );
    const out = withCellAddresses(xml);
    expect(out).toBe(
      sheet(
        '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2"><v>1</v></c><c r="E2"><v>5</v></c><c r="F2" s="3"><v>6</v></c></row><row r="3"><c r="A3"/><c r="B3" t="s"><v>0</v></c></row>',
      ),
    );
  });

  it("keeps namespace prefixes, and does not touch <col>, <cfRule> or anything outside sheetData", () => {
    const xml = `<x:worksheet xmlns:x="s"><x:cols><x:col min="1" max="1"/></x:cols><x:sheetData><x:row><x:c><x:v>7</x:v></x:c></x:row></x:sheetData><x:conditionalFormatting><x:cfRule type="x"/></x:conditionalFormatting></x:worksheet>`;
    expect(withCellAddresses(xml)).toBe(
      `<x:worksheet xmlns:x="s"><x:cols><x:col min="1" max="1"/></x:cols><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData><x:conditionalFormatting><x:cfRule type="x"/></x:conditionalFormatting></x:worksheet>`,
    );
  });

  it("replaces an address that is no address; returns null when every cell has one", () => {
    expect(withCellAddresses(sheet('<row r="1"><c r="??"><v>1</v></c></row>'))).toBe(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(withCellAddresses(sheet('<row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>'))).toBeNull();
    expect(withCellAddresses("<worksheet/>")).toBeNull();
  });
});

function xlsx(sheetXml: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(`<workbook ${NS}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
  });
}

describe("packageWithCellAddresses", () => {
  it("returns the bytes themselves when no cell lacks an address", () => {
    const bytes = xlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(packageWithCellAddresses(bytes, sniff(bytes).entries, inflateEntry)).toBe(bytes);
  });

  it("rewrites only the sheets, to the same snapshot as the fast reader reads", () => {
    const bytes = xlsx(sheet('<row r="3"><c t="inlineStr"><is><t>执法单位</t></is></c><c><v>12</v></c></row>'));
    const out = packageWithCellAddresses(bytes, sniff(bytes).entries, inflateEntry);
    expect(out).not.toBe(bytes);
    const before = unzipSync(bytes);
    const after = unzipSync(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after["xl/workbook.xml"]).toEqual(before["xl/workbook.xml"]);
    expect(readWorkbookFast(out)).toEqual(readWorkbookFast(bytes));
  });

  it("lets ExcelJS (the writing path) read the cells where they are", async () => {
    const bytes = xlsx(sheet('<row r="3"><c t="inlineStr"><is><t>执法单位</t></is></c><c><v>12</v></c></row><row><c/><c><v>4</v></c></row>'));
    const host = await ExcelJSHost.fromBytes(bytes);
    const snap = await host.readSnapshot();
    expect(snap.sheets[0].values[2]).toEqual(["执法单位", 12]);
    expect(snap.sheets[0].values[3]).toEqual([undefined, 4]);
    expect(snap).toEqual(readWorkbookFast(bytes));
  });
});
