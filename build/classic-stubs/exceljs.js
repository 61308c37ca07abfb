// Classic pane only (webpack.config.js aliases the "exceljs" package here): nothing the classic pane
// runs may load ExcelJS (not ES5, 250 KiB gzip). Any import that slips through fails loudly on use
// instead of shipping 1 MB of code IE11 cannot parse.
function unavailable() {
  throw new Error("ExcelJS is not part of the classic pane (see webpack.config.js)");
}
var ExcelJS = { Workbook: unavailable };
export default ExcelJS;
export var Workbook = unavailable;
