// SheetJS (npm "xlsx") reads a workbook and writes every sheet as CSV to stdout, formatted as the
// cells show (sheet_to_csv): the peer of `jixiao dump`. Usage: node sheetjs_dump.js FILE
const XLSX = require("xlsx");
const wb = XLSX.readFile(process.argv[2]);
const out = [];
for (const name of wb.SheetNames) out.push(XLSX.utils.sheet_to_csv(wb.Sheets[name]));
process.stdout.write(out.join("\n"));
