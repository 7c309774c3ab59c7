// docxtemplater renders one template once per data file given, in one process: the peer of
// `jixiao render --each`. Usage: node docxtemplater_each.js TEMPLATE.docx OUT_DIR DATA.json...
const fs = require("fs");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const [template, outDir, ...files] = process.argv.slice(2);
const bytes = fs.readFileSync(template);
for (const f of files) {
  const zip = new PizZip(bytes);
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, delimiters: { start: "{{", end: "}}" } });
  doc.render(JSON.parse(fs.readFileSync(f, "utf8")));
  fs.writeFileSync(path.join(outDir, path.basename(f, ".json") + ".docx"),
                   doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
}
