#!/usr/bin/python3
"""Inputs of bench/compare.sh that bench/make_workbooks.py does not make (openpyxl, write-only mode):

  mixed.xlsx  1,000,000 cells: 50,000 rows x 20 columns, per row 4 texts (shared strings, many
              repeated as in real tables), 4 dates (yyyy-mm-dd and yyyy年m月d日), 4 amounts
              (#,##0.00), 4 rates (0.00%), 2 integers, a boolean and a formula (saved
              without a value, as openpyxl writes it: jixiao computes it, the peers show it empty)
  small.xlsx  100 cells: a department's 10 x 10 sheet (labels, amounts, rates), the size a bureau
              receives by the thousand

Usage: make_compare_inputs.py OUTDIR
"""
import datetime
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(20261202)
words = ["基本支出", "项目支出", "人员经费", "公用经费", "财政拨款", "政府性基金", "医疗保障", "卫生健康",
         "社会保障和就业", "住房保障", "农林水", "一般公共服务"]


def styled(ws, value, fmt=None):
    c = WriteOnlyCell(ws, value=value)
    if fmt:
        c.number_format = fmt
    return c


wb = Workbook(write_only=True)
ws = wb.create_sheet("混合")
base = datetime.date(2022, 1, 1)
for r in range(50_000):
    row = []
    for k in range(4):
        row.append(styled(ws, f"{rng.choice(words)}{rng.randint(1, 400)}"))
    for k in range(4):
        row.append(styled(ws, base + datetime.timedelta(days=rng.randint(0, 730)),
                          "yyyy-mm-dd" if k % 2 == 0 else 'yyyy"年"m"月"d"日"'))
    for k in range(4):
        row.append(styled(ws, round(rng.uniform(0, 5_000_000), 2), "#,##0.00"))
    for k in range(4):
        row.append(styled(ws, rng.random(), "0.00%"))
    row.append(styled(ws, rng.randint(0, 100_000)))
    row.append(styled(ws, rng.randint(-500, 500)))
    row.append(styled(ws, rng.random() < 0.5))
    row.append(styled(ws, f"=I{r + 1}+J{r + 1}", "#,##0.00"))
    ws.append(row)
wb.save(out / "mixed.xlsx")

wb = Workbook()
ws = wb.active
ws.title = "收入支出决算总表"
ws.append(["项目", "行次", "金额", "项目", "行次", "年初预算", "调整预算", "决算数", "完成率", "备注"])
for r in range(9):
    ws.append([rng.choice(words), r + 1, round(rng.uniform(0, 5000), 2), rng.choice(words), r + 10,
               round(rng.uniform(0, 5000), 2), round(rng.uniform(0, 5000), 2), round(rng.uniform(0, 5000), 2),
               rng.random(), ""])
for row in ws.iter_rows(min_row=2):
    for c in (row[2], row[5], row[6], row[7]):
        c.number_format = "#,##0.00"
    row[8].number_format = "0.00%"
wb.save(out / "small.xlsx")
