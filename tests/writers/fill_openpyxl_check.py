#!/usr/bin/python3
"""An independent reader of `jixiao fill` output: openpyxl (python3-openpyxl) loads every filled
workbook and sees the values, formulas and merges the data implies.
Usage: fill_openpyxl_check.py JIXIAO FIXTURE_DIR SCRATCH_DIR"""

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

jixiao, fixtures, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
scratch.mkdir(parents=True, exist_ok=True)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def fill(template, data, name):
    data_path = scratch / (name + ".json")
    data_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = scratch / (name + ".xlsx")
    if out.exists():
        out.unlink()
    r = subprocess.run([jixiao, "-q", "fill", str(fixtures / template), str(data_path), "-o", str(out)],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: exit {r.returncode} {r.stderr}")
    return out


data = json.loads((fixtures / "list-data.json").read_text(encoding="utf-8"))
amount = sum(i["qty"] * i["price"] for i in data["items"])

out = fill("openpyxl-list.xlsx", data, "list")
values = openpyxl.load_workbook(out, data_only=True)
formulas = openpyxl.load_workbook(out)
ws, wf = values["项目"], formulas["项目"]
check(ws["A1"].value == f'{data["year"]}年度项目支出绩效自评表', f"A1 {ws['A1'].value!r}")
check(ws["B2"].value == data["dept"], f"B2 {ws['B2'].value!r}")
check(ws["B3"].value == data["funds"]["budget"], f"B3 {ws['B3'].value!r}")
check(ws["B3"].number_format == "#,##0.00", f"B3 format {ws['B3'].number_format!r}")
check(ws["D3"].number_format == "0.00%", f"D3 format {ws['D3'].number_format!r}")
for i, item in enumerate(data["items"]):
    r = 6 + i
    check(ws[f"A{r}"].value == i + 1, f"A{r} {ws[f'A{r}'].value!r}")
    check(ws[f"B{r}"].value == item["name"], f"B{r} {ws[f'B{r}'].value!r}")
    check(ws[f"C{r}"].value == item["qty"], f"C{r} {ws[f'C{r}'].value!r}")
    check(wf[f"E{r}"].value == f"=C{r}*D{r}", f"E{r} formula {wf[f'E{r}'].value!r}")
    check(abs(ws[f"E{r}"].value - item["qty"] * item["price"]) < 1e-9, f"E{r} value {ws[f'E{r}'].value!r}")
    check(ws.row_dimensions[r].height == 30, f"row {r} height {ws.row_dimensions[r].height!r}")
check(wf["E9"].value == "=SUM(E6:E8)", f"E9 formula {wf['E9'].value!r}")
check(abs(ws["E9"].value - amount) < 1e-9, f"E9 value {ws['E9'].value!r}")
check(ws["A11"].value == "制表人" and ws["B11"].value == data["author"], "row 11")
check(ws.row_dimensions[11].height == 25, f"row 11 height {ws.row_dimensions[11].height!r}")
merges = {str(m) for m in ws.merged_cells.ranges}
check(merges == {"A1:G1", "F5:G5", "F6:G6", "F7:G7", "F8:G8", "A10:G10"}, f"merges {sorted(merges)}")
check(formulas["汇总"]["B1"].value == "='项目'!E9", f"汇总!B1 {formulas['汇总']['B1'].value!r}")
check(abs(values["汇总"]["B1"].value - amount) < 1e-9, f"汇总!B1 value {values['汇总']['B1'].value!r}")
check(ws["A12"].hyperlink is not None and ws["A12"].hyperlink.target == "https://example.com/jixiao", "hyperlink A12")
check(values.defined_names["合计金额"].attr_text == "'项目'!$E$9", "defined name")
check(str(ws.conditional_formatting) != "", "conditional formats")
sq = sorted(str(cf.sqref) for cf in ws.conditional_formatting)
check(sq == ["A6:G8", "B11", "E6:E8"], f"cf sqref {sq}")

data["items"] = []
out = fill("openpyxl-list.xlsx", data, "empty")
ws = openpyxl.load_workbook(out, data_only=True)["项目"]
check(ws["A6"].value == "合计" and ws["E6"].value == 0, f"empty: A6 {ws['A6'].value!r} E6 {ws['E6'].value!r}")
check({str(m) for m in ws.merged_cells.ranges} == {"A1:G1", "F5:G5", "A7:G7"}, "empty: merges")
check(ws.max_row == 10, f"empty: max_row {ws.max_row}")

shared = json.loads((fixtures / "shared-data.json").read_text(encoding="utf-8"))
out = fill("handmade-shared.xlsx", shared, "shared")
ws = openpyxl.load_workbook(out, data_only=True)["数据"]
wf = openpyxl.load_workbook(out)["数据"]
for r in range(5, 9):
    check(wf[f"B{r}"].value == f"=A{r}*10", f"shared B{r} {wf[f'B{r}'].value!r}")
    check(ws[f"B{r}"].value == (r - 4) * 10, f"shared B{r} value {ws[f'B{r}'].value!r}")

for f in failures:
    print("FAIL:", f)
print("openpyxl check:", "ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
