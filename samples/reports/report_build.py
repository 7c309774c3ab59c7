"""Writers for samples/reports: the report markup -> .docx (python-docx), .pdf (LibreOffice), table -> .xlsx.

Markup of a report body (the text itself is the published text, character for character):
  "# ", "## ", "### " at the start of a line  -> Heading 1/2/3 (the marker is not part of the text)
  a line starting with "|"                    -> a row of a Word table (cells between "|"; a cell that is
                                                 exactly "<" merges into the cell on its left)
  other lines                                 -> one paragraph each, or, with soft=True, consecutive lines
                                                 are one paragraph joined by soft line breaks (w:br), as a
                                                 PDF page's wrapped lines come out; a blank line ends it
Determinism: fixed core-property dates, fixed zip timestamps, fixed PDF dates and IDs.
"""
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
PROFILE = "/tmp/lo-reports-profile"


def parse(markup, soft=False):
    """-> list of blocks: ("h", level, text) | ("p", text) | ("table", rows)."""
    blocks = []
    para = []

    def flush():
        if para:
            blocks.append(("p", "\n".join(para)))
            para.clear()

    for line in markup.split("\n"):
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            flush()
            blocks.append(("h", len(m.group(1)), m.group(2)))
        elif line.startswith("|"):
            flush()
            cells = [c.replace("\\n", "\n") for c in line[1:].split("|")]   # "\\n" in a cell: a soft break
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif line == "":
            flush()
        elif soft:
            para.append(line)
        else:
            flush()
            para.append(line)
    flush()
    return blocks


def _font(run, size=None, east="仿宋_GB2312", bold=None, italic=None, color=None):
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if color:
        run.font.color.rgb = RGBColor.from_string(color)


def _add_text(par, text, fmt=None):
    """One run per line; soft breaks between lines (python-docx reads them back as "\\n")."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = par.add_run(line)
        _font(run, **(fmt or {}))
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _split_runs(par, text, cuts):
    """Writes text as runs cut at the given substrings' inner offsets, the way Word leaves a number after an
    edit: cuts = [(needle, k, extra)] splits the first occurrence of needle after its k-th character; the
    piece after the cut gets other formatting and, with extra="bookmark" / "proofErr", an element between."""
    points = []
    for needle, k, extra in cuts:
        at = text.index(needle)
        points.append((at + k, extra))
    points.sort()
    pieces = []
    last = 0
    for pos, extra in points:
        pieces.append((text[last:pos], extra))
        last = pos
    pieces.append((text[last:], None))
    styles = [dict(), dict(bold=True), dict(color="C00000"), dict(east="宋体", size=15), dict(italic=True)]
    p = par._p
    for i, (piece, extra) in enumerate(pieces):
        sub = piece.split("\n")
        for j, line in enumerate(sub):
            run = par.add_run(line)
            _font(run, **styles[i % len(styles)])
            if j < len(sub) - 1:
                run.add_break(WD_BREAK.LINE)
        if extra == "bookmark":
            bs = OxmlElement("w:bookmarkStart")
            bs.set(qn("w:id"), str(i))
            bs.set(qn("w:name"), f"_Hlk{i:04d}")
            be = OxmlElement("w:bookmarkEnd")
            be.set(qn("w:id"), str(i))
            p.append(bs)
            p.append(be)
        elif extra == "proofErr":
            pe = OxmlElement("w:proofErr")
            pe.set(qn("w:type"), "gramStart")
            p.append(pe)


def write_docx(path, title, blocks, split=None):
    """split: {paragraph text prefix: cuts} for the run-splitting variant (see _split_runs)."""
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    for lvl, east in ((1, "黑体"), (2, "楷体_GB2312"), (3, "仿宋_GB2312")):
        hs = d.styles[f"Heading {lvl}"]
        hs.font.size = Pt(16)
        hs.font.color.rgb = RGBColor(0, 0, 0)
        hs.element.get_or_add_rPr()
        rf = hs.element.rPr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            hs.element.rPr.insert(0, rf)
        rf.set(qn("w:eastAsia"), east)
    for kind, *rest in blocks:
        if kind == "h":
            lvl, text = rest
            h = d.add_heading(level=lvl)
            _add_text(h, text)
        elif kind == "p":
            (text,) = rest
            par = d.add_paragraph()
            cuts = None
            for prefix, c in (split or {}).items():
                if text.startswith(prefix):
                    cuts = c
            if cuts:
                _split_runs(par, text, cuts)
            else:
                _add_text(par, text)
        else:
            (rows,) = rest
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for ri, r in enumerate(rows):
                for ci in range(ncol):
                    val = r[ci] if ci < len(r) else ""
                    if val == "<":
                        continue
                    cell = t.cell(ri, ci)
                    span = ci
                    while span + 1 < len(r) and r[span + 1] == "<":
                        span += 1
                    if span > ci:
                        cell = cell.merge(t.cell(ri, span))
                    cell.paragraphs[0].text = ""
                    _add_text(cell.paragraphs[0], val, dict(size=10.5))
    cp = d.core_properties
    cp.title = title
    cp.author = "jixiao samples/reports"
    cp.created = cp.modified = FIXED
    cp.last_modified_by = "jixiao samples/reports"
    cp.revision = 1
    tmp = path + ".tmp"
    d.save(tmp)
    normalize_zip(tmp, path)
    os.remove(tmp)


def normalize_zip(src, dst):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst + ".part", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("docProps/"):
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", data)
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    os.replace(dst + ".part", dst)


def to_pdf(docx_paths, out_dir):
    """LibreOffice, private profile; dates and document IDs made fixed (same length, so the xref holds)."""
    tmp = tempfile.mkdtemp(prefix="lo-reports-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + PROFILE, "--headless", "--convert-to", "pdf",
                        "--outdir", tmp] + docx_paths, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=600)
        for p in docx_paths:
            name = os.path.splitext(os.path.basename(p))[0] + ".pdf"
            got = os.path.join(tmp, name)
            if not os.path.exists(got):
                raise SystemExit(f"LibreOffice did not convert {p}")
            with open(got, "rb") as fh:
                data = fh.read()
            data = re.sub(rb"D:\d{14}([-+Z][0-9']*)",
                          lambda m: b"D:20240101000000" + re.sub(rb"\d", b"0", m.group(1)), data)
            data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([-+]\d\d:\d\d|Z)?",
                          lambda m: b"2024-01-01T00:00:00" + re.sub(rb"\d", b"0", m.group(1) or b""), data)
            data = re.sub(rb"uuid:[0-9a-f-]{36}", b"uuid:00000000-0000-0000-0000-000000000000", data)
            data = re.sub(rb"<[0-9A-F]{32}>", b"<" + b"0" * 32 + b">", data)
            data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)
            with open(os.path.join(out_dir, name), "wb") as fh:
                fh.write(data)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
