#!/usr/bin/python3
"""Seed corpora for the fuzz targets (fuzz/run.sh calls this): OUT/<target>/ gets small inputs
taken from the repository's fixtures and, when it is there, the public workbook corpus
(../shared/corpus/files, see its README for where each file comes from): whole small workbooks,
their sharedStrings parts, number format codes (with a value in front) and formulas.
Usage: make_seeds.py REPO OUT [CORPUS]"""
import hashlib
import os
import re
import struct
import sys
import zipfile

repo, out = sys.argv[1], sys.argv[2]
corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(repo, "..", "shared", "corpus", "files")
LIMIT = {"xlsx_reader_fuzz": 600, "xls_reader_fuzz": 400, "narrative_claims_fuzz": 400, "shared_strings_fuzz": 400, "number_format_fuzz": 3000,
         "formula_fuzz": 3000, "layout_spec_fuzz": 100, "rule_language_fuzz": 400, "template_tags_fuzz": 300}
count = {k: 0 for k in LIMIT}


def seed(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if count[target] >= LIMIT[target]:
        return
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, hashlib.sha1(data).hexdigest())
    if not os.path.exists(p):
        with open(p, "wb") as f:
            f.write(data)
        count[target] += 1


def files(root, exts, max_bytes):
    found = []
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            if n.lower().endswith(exts) and os.path.getsize(p) <= max_bytes:
                found.append(p)
    return sorted(found)


workbooks = files(os.path.join(repo, "tests", "fixtures"), (".xlsx", ".xlsm"), 1 << 20)
workbooks += files(os.path.join(repo, "samples"), (".xlsx",), 1 << 20)
if os.path.isdir(corpus):  # a spread over every project, not the first few folders
    workbooks += sorted(files(corpus, (".xlsx", ".xlsm"), 64 << 10), key=lambda p: hashlib.sha1(p.encode()).digest())
for p in files(os.path.join(repo, "tests", "fixtures", "bad"), ("",), 1 << 20):
    seed("xlsx_reader_fuzz", open(p, "rb").read())

# Legacy .xls: the fixtures, the .xls copies of the samples, and small files of the public .xls set.
xls = files(os.path.join(repo, "tests", "fixtures", "xls"), (".xls",), 1 << 20)
xls += files(os.path.join(repo, "samples", "xls"), (".xls",), 1 << 20)
xls_corpus = os.path.join(os.path.dirname(corpus), "xls", "files")
if os.path.isdir(xls_corpus):
    xls += sorted(files(xls_corpus, (".xls",), 100 << 10), key=lambda p: hashlib.sha1(p.encode()).digest())
for p in xls:
    seed("xls_reader_fuzz", open(p, "rb").read())

codes, formulas = set(), set()
for p in workbooks:
    data = open(p, "rb").read()
    seed("xlsx_reader_fuzz", data)
    try:
        z = zipfile.ZipFile(p)
        for info in z.infolist():
            name = info.filename.replace("\\", "/").lower()
            if info.file_size > 256 << 10:
                continue
            if name.endswith("sharedstrings.xml"):
                seed("shared_strings_fuzz", z.read(info))
            elif name.endswith("styles.xml"):
                for m in re.finditer(rb'formatCode="([^"]*)"', z.read(info)):
                    codes.add(m.group(1).replace(b"&quot;", b'"').replace(b"&amp;", b"&")
                              .replace(b"&lt;", b"<").replace(b"&gt;", b">"))
            elif "worksheets/" in name:
                for m in re.finditer(rb"<(?:\w+:)?f(?: [^>]*)?>([^<]+)</(?:\w+:)?f>", z.read(info)):
                    if len(formulas) < 20000:
                        formulas.add(m.group(1).replace(b"&quot;", b'"').replace(b"&amp;", b"&")
                                     .replace(b"&lt;", b"<").replace(b"&gt;", b">"))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        pass

values = [1234.5678, -1234.5678, 0.0, 45356.5625, -1.2, 1e12, 12323.0]
for i, code in enumerate(sorted(codes)):
    seed("number_format_fuzz", struct.pack("<d", values[i % len(values)]) + code)
for f in sorted(formulas):
    seed("formula_fuzz", f)

for p in files(os.path.join(repo, "mapping", "layouts"), (".xml",), 1 << 20):
    seed("layout_spec_fuzz", open(p, "rb").read())
for p in files(os.path.join(repo, "model", "rules"), (".rules",), 1 << 20):
    text = open(p, encoding="utf-8").read()
    if len(text.encode()) <= 16384:
        seed("rule_language_fuzz", text)
    for block in re.split(r"\n\s*\n", text):  # one rule at a time, and every label line
        seed("rule_language_fuzz", block + "\n")

for p in files(os.path.join(repo, "templates"), (".docx", ".xlsx"), 4 << 20) + \
        files(os.path.join(repo, "tests", "fixtures", "templates"), (".docx", ".xlsx"), 4 << 20):
    try:
        z = zipfile.ZipFile(p)
        for info in z.infolist():
            if info.filename.endswith(".xml"):
                for m in re.finditer(rb"\{\{[^{}<]{0,200}\}\}", z.read(info)):
                    seed("template_tags_fuzz", m.group(0))
                    inner = m.group(0)[2:-2]
                    if b"|" in inner:
                        seed("template_tags_fuzz", inner.split(b"|", 1)[1])
    except (zipfile.BadZipFile, OSError):
        pass
print(" ".join(f"{k}={v}" for k, v in count.items()))

# Report sentences for the audit claim parser: the lines of the seed reports (../shared/seeds).
seeds_dir = os.path.join(repo, "..", "shared", "seeds")
if os.path.isdir(seeds_dir):
    for n in sorted(os.listdir(seeds_dir)):
        if n.endswith(".txt"):
            for line in open(os.path.join(seeds_dir, n), encoding="utf-8", errors="replace"):
                if any(ch.isdigit() for ch in line) and len(line) > 10:
                    seed("narrative_claims_fuzz", line.strip())
seed("narrative_claims_fuzz", "2022年本年收入合计３５５５．８２万元，其中：一般公共预算财政拨款收入3429.91万元，占96.46%。"
     "与2021年4024.76万元相比，减少468.94万元，下降11.65%。")
