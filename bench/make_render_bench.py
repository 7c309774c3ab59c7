#!/usr/bin/python3
"""Builds the template and data of the render benchmark (python-docx): a report-like document — a
title, 30 paragraphs of prose with figures, a list of 10 paragraphs, a table whose row repeats over
ROWS rows — using only plain tags and loops, so that docxtemplater renders the very same file.
Usage: make_render_bench.py OUT_DIR ROWS"""
import json
import os
import random
import sys

import docx

out, rows = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
d = docx.Document()
d.add_paragraph("{{department}}{{year}}年度部门决算情况说明", style="Title")
for i in range(30):
    d.add_paragraph(f"第{i + 1}段：{{{{year}}}}年度收、支总计{{{{total}}}}万元，与上年{{{{prior}}}}万元相比{{{{direction}}}}"
                    f"{{{{change}}}}万元。主要原因是{{{{reason}}}}。")
d.add_paragraph("{{#items}}")
d.add_paragraph("{{name}}：支出决算为{{amount}}万元。")
d.add_paragraph("{{/items}}")
t = d.add_table(rows=2, cols=3)
t.style = "Table Grid"
for c, h in enumerate(["科目编码", "科目名称", "金额"]):
    t.cell(0, c).text = h
t.cell(1, 0).text = "{{#rows}}{{code}}"
t.cell(1, 1).text = "{{name}}"
t.cell(1, 2).text = "{{amount}}{{/rows}}"
d.save(os.path.join(out, "template.docx"))
rnd = random.Random(1)
data = {"department": "剑阁县医疗保障局", "year": "2022", "total": "3555.82", "prior": "4024.76", "direction": "减少",
        "change": "468.94", "reason": "单位职工增加2人，基本支出增加33.93万元",
        "items": [{"name": f"项目{i}", "amount": f"{rnd.randint(1, 99999) / 100:.2f}"} for i in range(10)],
        "rows": [{"code": f"{2100000 + i}", "name": f"科目{i}", "amount": f"{rnd.randint(1, 9999999) / 100:.2f}"}
                 for i in range(rows)]}
with open(os.path.join(out, "data.json"), "w", encoding="utf-8") as f:
    json.dump(data, f, ensure_ascii=False)
