// exceljs' streaming reader (npm "exceljs", WorkbookReader) writes every row's values as CSV to stdout:
// the peer of `jixiao dump` that does not hold the sheet. Usage: node exceljs_dump.js FILE
const ExcelJS = require("exceljs");
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: "cache", styles: "cache" });
  const chunks = [];
  let size = 0;
  const flush = () => { process.stdout.write(chunks.join("")); chunks.length = 0; size = 0; };
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const line = row.values.slice(1).map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? (v.result ?? v.text ?? String(v)) : String(v))).join(",") + "\n";
      chunks.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    }
  }
  flush();
})();
