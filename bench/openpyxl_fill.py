#!/usr/bin/python3
"""openpyxl doing the fill that `jixiao fill` does on bench/make_fill.py's template: the list row
repeated per element (values, the row formula, styles copied), the total moved below with its SUM
stretched. Usage: openpyxl_fill.py TEMPLATE DATA OUT"""

import copy
import json
import sys

import openpyxl

tmpl, data_path, out = sys.argv[1:4]
data = json.load(open(data_path, encoding="utf-8"))
rows = data["rows"]
wb = openpyxl.load_workbook(tmpl)
ws = wb["清单"]
ws["A1"] = data["title"]
styles = [copy.copy(ws.cell(3, c)._style) for c in range(1, 9)]
n = len(rows)
last = 3 + n - 1
ws.cell(last + 1, 1, "合计")
ws.cell(last + 1, 7, f"=SUM(G3:G{last})")._style = copy.copy(ws.cell(4, 7)._style)
if n != 1:
    ws.cell(4, 1).value = None if last + 1 != 4 else "合计"
for i, r in enumerate(rows):
    y = 3 + i
    vals = [i + 1, r["code"], r["name"], r["unit"], r["qty"], r["price"], f"=E{y}*F{y}", r["note"]]
    for c, v in enumerate(vals, start=1):
        cell = ws.cell(y, c, v)
        cell._style = styles[c - 1]
wb.save(out)
