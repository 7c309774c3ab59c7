#!/usr/bin/python3
"""Generates the benchmark workbooks with openpyxl (write-only mode), as a generator program would.

  numeric.xlsx  1,000,000 cells: 50,000 rows x 20 columns of amounts, counts and rates
  strings.xlsx    300,000 cells: 30,000 rows x 10 columns of Chinese text, most of it unique

Usage: make_workbooks.py OUTDIR
"""
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import NamedStyle

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(20261122)

wb = Workbook(write_only=True)
ws = wb.create_sheet("数据")
money = NamedStyle(name="money", number_format="#,##0.00")
pct = NamedStyle(name="pct", number_format="0.00%")
wb.add_named_style(money)
wb.add_named_style(pct)
for r in range(50_000):
    row = []
    for c in range(20):
        if c % 5 == 0:
            cell = WriteOnlyCell(ws, value=round(rng.uniform(0, 5_000_000), 2))
            cell.style = "money"
        elif c % 5 == 1:
            cell = WriteOnlyCell(ws, value=rng.randint(0, 100_000))
        elif c % 5 == 2:
            cell = WriteOnlyCell(ws, value=rng.random())
            cell.style = "pct"
        else:
            cell = WriteOnlyCell(ws, value=rng.uniform(-1e6, 1e6))
        row.append(cell)
    ws.append(row)
wb.save(out / "numeric.xlsx")

syllables = "预算执行绩效目标项目资金财政拨款基本支出人员经费公用经费三公经费政府采购医疗保障" \
            "卫生健康社会保障就业行政事业单位医疗机关服务一般行政管理事务其他支出"
wb = Workbook(write_only=True)
ws = wb.create_sheet("文本")
for r in range(30_000):
    row = []
    for c in range(10):
        n = rng.randint(4, 24)
        text = "".join(rng.choice(syllables) for _ in range(n))
        if c == 0:
            text = f"{r + 1:06d} {text}"
        row.append(text)
    ws.append(row)
wb.save(out / "strings.xlsx")
