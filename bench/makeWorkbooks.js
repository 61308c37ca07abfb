/**
 * Writes N small workbooks shaped like the four statistics tables (merged titles and headers, a
 * few dozen units × a dozen columns of counts, formulas with cached results, a hidden state sheet)
 * into a folder, with ExcelJS. Deterministic: file i is always the same.
 *
 *   node bench/makeWorkbooks.js [count=300] [dir=bench/out/read]
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const UNITS = [
  "市场监管局",
  "生态环境局",
  "交通运输局",
  "应急管理局",
  "自然资源局",
  "住房城乡建设局",
  "农业农村局",
  "文化和旅游局",
  "卫生健康委",
  "城市管理局",
  "水利局",
  "林业局",
];

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function addTable(wb, name, title, cols, rows, rand) {
  const ws = wb.addWorksheet(name);
  ws.mergeCells(1, 1, 1, cols + 2);
  ws.getCell(1, 1).value = title;
  ws.mergeCells(2, 1, 3, 1);
  ws.getCell(2, 1).value = "序号";
  ws.mergeCells(2, 2, 3, 2);
  ws.getCell(2, 2).value = "执法主体";
  for (let c = 0; c < cols; c++) ws.getCell(3, 3 + c).value = `指标${c + 1}`;
  ws.mergeCells(2, 3, 2, 2 + cols);
  ws.getCell(2, 3).value = "本年度数据（件）";
  for (let r = 0; r < rows; r++) {
    const row = 4 + r;
    ws.getCell(row, 1).value = r + 1;
    ws.getCell(row, 2).value = UNITS[r % UNITS.length] + (r >= UNITS.length ? `（${Math.floor(r / UNITS.length) + 1}）` : "");
    let sum = 0;
    for (let c = 0; c < cols - 1; c++) {
      const v = rand() < 0.1 ? "无" : Math.floor(rand() * 500);
      if (typeof v === "number") sum += v;
      ws.getCell(row, 3 + c).value = v;
    }
    const a = ws.getCell(row, 3).address;
    const b = ws.getCell(row, 1 + cols).address;
    ws.getCell(row, 2 + cols).value = { formula: `SUM(${a}:${b})`, result: sum };
  }
  const total = 4 + rows;
  ws.getCell(total, 2).value = "合计";
  ws.getCell(total + 2, 1).value = "填报单位（盖章）：";
  ws.getCell(total + 2, 5).value = "填报日期：";
  ws.getCell(total + 2, 6).value = new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 60)));
  return ws;
}

async function makeWorkbook(i) {
  const rand = rng(i + 1);
  const wb = new ExcelJS.Workbook();
  addTable(wb, "附件1", "行政执法基本情况统计表", 10 + Math.floor(rand() * 6), 20 + Math.floor(rand() * 30), rand);
  addTable(wb, "附件2", "行政许可实施情况统计表", 8 + Math.floor(rand() * 6), 20 + Math.floor(rand() * 30), rand);
  addTable(wb, "附件3", "行政处罚实施情况统计表", 12 + Math.floor(rand() * 6), 20 + Math.floor(rand() * 30), rand);
  addTable(wb, "附件4", "行政检查实施情况统计表", 8 + Math.floor(rand() * 6), 20 + Math.floor(rand() * 30), rand);
  const state = wb.addWorksheet("_state");
  state.state = "veryHidden";
  state.getCell("A1").value = JSON.stringify({ version: 1, file: i });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Makes sure `dir` holds workbooks 0 … count-1 (existing files are kept); returns their paths. */
async function ensureWorkbooks(count, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const f = path.join(dir, `wb${String(i).padStart(5, "0")}.xlsx`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, await makeWorkbook(i));
    files.push(f);
  }
  return files;
}

module.exports = { ensureWorkbooks, makeWorkbook };

if (require.main === module) {
  const count = Number(process.argv[2] || 300);
  const dir = process.argv[3] || path.join(__dirname, "out", "read");
  ensureWorkbooks(count, dir).then((files) => console.log(`${files.length} workbooks in ${dir}`));
}
