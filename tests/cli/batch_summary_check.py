#!/usr/bin/python3
"""`jixiao check FOLDER -o COPIES --summary 汇总.xlsx` on the samples, the summary read by two other
programs: openpyxl (every sheet has its filter; every finding samples/manifest.json lists for a
variant is in 问题清单 at its sheet and cell; every workbook of the folder is in 文件清单 and counted
once in 汇总; each link opens an annotated copy that exists) and, when installed, LibreOffice (it
converts the workbook and its first sheet starts with the header a reviewer sees).
Usage: batch_summary_check.py JIXIAO SAMPLES SCRATCH [--libreoffice]. Exit 77: skipped."""
import csv
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

jixiao, samples, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
libreoffice = "--libreoffice" in sys.argv[4:]
if libreoffice and not shutil.which("soffice"):
    print("soffice 不在：跳过（apt-get install libreoffice-calc-nogui）")
    sys.exit(77)
try:
    import openpyxl
except ImportError:
    print("python3-openpyxl 不在：跳过")
    sys.exit(77)

shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
# A batch as a bureau gets it: one workbook per department and year. The samples' variants of one
# department's 2022 tables (err08…err12, layout06) would be the same tables given twice, so one of
# them stands for the department; with last year's tables, the self-evaluations and their variants.
folder = scratch / "材料"
folder.mkdir()
chosen = [p for p in sorted((samples / "openpyxl").glob("*.xlsx"))
          if not p.name.startswith(("err09", "err10", "err11", "err12", "layout06", "001_2022_公开", "001_剑阁县医保局_2022_部门决算"))]
for p in chosen:
    shutil.copy(p, folder / p.name)
summary = scratch / "汇总.xlsx"
run = subprocess.run([jixiao, "-q", "check", str(folder), "-o", str(scratch / "批注副本"), "--summary", str(summary)],
                     capture_output=True, text=True)
assert run.returncode == 1, (run.returncode, run.stderr)  # the samples hold errors
assert summary.exists(), run.stdout

if libreoffice:
    # LibreOffice opens it: the first sheet as CSV.
    out = scratch / "lo"
    conv = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{scratch}/lo-profile",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(summary)],
                          capture_output=True, text=True, timeout=300)
    csvs = list(out.glob("*.csv"))
    assert csvs, conv.stderr + conv.stdout
    rows = list(csv.reader(open(csvs[0], encoding="utf-8")))
    assert rows[0][:4] == ["部门", "年度", "文件数", "识别的表"], rows[0]
    workbooks = sorted(p.name for p in folder.glob("*.xlsx"))
    assert sum(int(r[2]) for r in rows[1:]) == len(workbooks), rows
    # LibreOffice keeps the filters it read: saved again as .xlsx, every sheet still has one.
    again = scratch / "lo-xlsx"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{scratch}/lo-profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(again), str(summary)],
                   capture_output=True, text=True, timeout=300)
    resaved = openpyxl.load_workbook(again / summary.name)
    for ws in resaved.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    print(f"LibreOffice：汇总 {len(rows) - 1} 行，文件数合计 {len(workbooks)}，三张表的筛选都在")
    sys.exit(0)

wb = openpyxl.load_workbook(summary)
assert wb.sheetnames == ["汇总", "问题清单", "文件清单"], wb.sheetnames
for ws in wb.worksheets:
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)


def table(ws):
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return header, [{h: c for h, c in zip(header, r)} for r in rows[1:]]


workbooks = sorted(p.name for p in folder.glob("*.xlsx"))
# 文件清单: every workbook of the folder, once.
_, files = table(wb["文件清单"])
assert sorted(Path(r["文件"].value).name for r in files) == workbooks

# 汇总: every file counted in exactly one department-year row.
header, rows = table(wb["汇总"])
assert header[:10] == ["部门", "年度", "文件数", "识别的表", "未识别的表", "无法读取的文件", "错误", "警告", "提示", "主要问题"], header
assert sum(r["文件数"].value for r in rows) == len(workbooks)
keys = [(r["部门"].value, r["年度"].value) for r in rows]
assert len(keys) == len(set(keys)), keys

# 问题清单: each variant's findings from the sample builder's own checker, at their sheet and cell.
_, findings = table(wb["问题清单"])
listed = {(Path(r["文件"].value).name, r["工作表"].value, r["单元格"].value, r["规则"].value, r["严重程度"].value)
          for r in findings}
word = {"error": "错误", "warning": "警告", "info": "提示"}
manifest = json.load(open(samples / "manifest.json", encoding="utf-8"))
checked = 0
for v in manifest["variants"]:
    if not (folder / v["file"]).exists():
        continue
    for f in v["findings"]:
        key = (v["file"], f["sheet"], f["cell"], f["rule"], word[f["severity"]])
        assert key in listed, key
        checked += 1
assert checked >= 10, checked
# The errors of the rows are the errors of the list.
assert sum(r["错误"].value for r in rows) == sum(1 for r in findings if r["严重程度"].value == "错误")

# Links: every one opens an annotated copy that exists, relative to the summary; each variant with a
# finding has one.
linked = set()
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.hyperlink is not None:
                target = (summary.parent / urllib.parse.unquote(c.hyperlink.target)).resolve()
                assert target.exists(), (ws.title, c.coordinate, c.hyperlink.target)
                assert target.parent.name == "批注副本", target
                linked.add(target.name)
for v in manifest["variants"]:
    assert v["file"] in linked or not (folder / v["file"]).exists(), v["file"]
print(f"openpyxl：{len(rows)} 个部门年度，{len(findings)} 条问题，{checked} 条清单问题都在，{len(linked)} 个副本链接都能打开")
