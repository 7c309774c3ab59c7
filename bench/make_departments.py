#!/usr/bin/python3
"""Generates N department workbooks for the check benchmark: the nine 公开 tables of the 2022
sample (samples/libreoffice, written by LibreOffice), each copy renamed to its own department by
rewriting the shared-strings part. Usage: make_departments.py OUTDIR [N]"""
import sys
import zipfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
src = root / "samples" / "libreoffice" / "001_剑阁县医保局_2022_部门决算公开九表.xlsx"
out = Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
out.mkdir(parents=True, exist_ok=True)
with zipfile.ZipFile(src) as z:
    parts = [(i, z.read(i.filename)) for i in z.infolist()]
for k in range(n):
    name = f"测试县第{k + 1:04d}局"
    with zipfile.ZipFile(out / f"dept{k + 1:04d}.xlsx", "w", zipfile.ZIP_DEFLATED) as w:
        for info, data in parts:
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace("剑阁县医疗保障局".encode(), name.encode())
            w.writestr(info, data)
