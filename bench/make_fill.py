#!/usr/bin/python3
"""Inputs of bench/fill_bench.sh: a list template (openpyxl) and N rows of JSON data.
Template sheet 清单: A1 {{title}}; row 2 headers; row 3 the list row over 8 columns
(序号, code, name, unit, qty, price 0.00, amount =E3*F3 #,##0.00, note); row 4 合计 with =SUM(G3:G3).
Usage: make_fill.py OUTDIR N"""

import json
import random
import sys
from pathlib import Path

import openpyxl

out, n = Path(sys.argv[1]), int(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "清单"
ws["A1"] = "{{title}}"
for col, h in zip("ABCDEFGH", ["序号", "编码", "名称", "单位", "数量", "单价", "金额", "备注"]):
    ws[f"{col}2"] = h
row = ["{{#rows}}{{@index}}", "{{code}}", "{{name}}", "{{unit}}", "{{qty}}", "{{price}}", "=E3*F3", "{{note}}{{/rows}}"]
for col, v in zip("ABCDEFGH", row):
    ws[f"{col}3"] = v
ws["F3"].number_format = "0.00"
ws["G3"].number_format = "#,##0.00"
ws["A4"], ws["G4"] = "合计", "=SUM(G3:G3)"
ws["G4"].number_format = "#,##0.00"
wb.save(out / "fill-template.xlsx")

rnd = random.Random(42)
rows = [{"code": f"P{i:06d}", "name": f"项目支出第{i}项", "unit": rnd.choice(["台", "次", "人", "项"]),
         "qty": rnd.randint(1, 500), "price": round(rnd.uniform(1, 10000), 2), "note": "正常" if i % 7 else "需核实"}
        for i in range(1, n + 1)]
(out / "fill-data.json").write_text(json.dumps({"title": "项目支出明细", "rows": rows}, ensure_ascii=False),
                                    encoding="utf-8")
