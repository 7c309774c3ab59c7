// docxtemplater (npm) renders the benchmark template N times: the peer of bench/render_bench.cpp.
// Usage: node docxtemplater_render.js TEMPLATE.docx DATA.json OUT_DIR N
const fs = require("fs");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const [template, dataFile, outDir, n] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
const t0 = process.hrtime.bigint();
for (let i = 0; i < Number(n); ++i) {
  const zip = new PizZip(fs.readFileSync(template));
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, delimiters: { start: "{{", end: "}}" } });
  doc.render(data);
  fs.writeFileSync(path.join(outDir, "bench-docxtemplater.docx"), doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${n} ${s.toFixed(3)}`);
