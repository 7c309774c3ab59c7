#!/usr/bin/python3
"""Builds templates/docx/project-report.docx, the 项目支出绩效自评报告 with the structure of seeds 003 and
000: 一 绩效自评工作开展情况; 二 本报告包含项目的自评结果 (the 汇总 table); 三 各项目自评情况, per project:
基本情况, 绩效目标 (the indicator table), 绩效目标实现情况分析 (资金, 指标), 自评结果, 主要问题和改进措施, and
its 项目支出绩效自评表 embedded as a table. Typography as templates/make_docx_templates.py (GB/T 9704).
The tags read the tree of writers/report_data.h (project_report_tree).
Run: /usr/bin/python3 templates/make_selfeval_templates.py   (needs python3-docx)"""
import os
import sys

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_docx_templates import OUT, font_substitutes, set_font, setup  # noqa: E402

TABLE_FONT = "仿宋_GB2312"


def table(d, header, row_tags, widths=None, total=None):
    """A table: a header row, one looped row (row_tags: one tag per cell), an optional total row."""
    t = d.add_table(rows=2 + (1 if total else 0), cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in enumerate(header):
        t.cell(0, c).text = h
    for c, tag in enumerate(row_tags):
        t.cell(1, c).text = tag
    if total:
        for c, v in enumerate(total):
            t.cell(2, c).text = v
    for row in t.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.first_line_indent = Pt(0)
                p.paragraph_format.line_spacing = Pt(18)
                for r in p.runs:
                    set_font(r, TABLE_FONT, 10.5)
    return t


def project_report():
    d = docx.Document()
    setup(d)
    P = d.add_paragraph
    H1 = lambda t: d.add_paragraph(t, style="Heading 1")
    H2 = lambda t: d.add_paragraph(t, style="Heading 2")
    d.add_paragraph("{{department}}{{year}}年度项目支出绩效自评报告", style="Title")
    H1("一、绩效自评工作开展情况")
    P("{{department}}对本单位{{year}}年度{{count}}个项目开展了自评，涉及预算资金{{summary.total.budget | fixed:2}}万元，"
      "全年执行{{summary.total.executed | fixed:2}}万元。{{facts.自评工作开展情况 | placeholder:【请补充自评工作的组织和方法】}}")
    H1("二、本报告包含项目的自评结果")
    table(d, ["序号", "项目名称", "预算数(万元)", "全年执行数(万元)", "得分", "自评等级"],
          ["{{#summary.rows}}{{no}}", "{{name}}", "{{budget | fixed:2}}", "{{executed | fixed:2}}", "{{score | fixed:2}}",
           "{{grade}}{{/summary.rows}}"],
          total=["合计", "", "{{summary.total.budget | fixed:2}}", "{{summary.total.executed | fixed:2}}", "----", "----"])
    H1("三、各项目自评情况")
    P("{{#projects}}")
    H2("{{@index}}. {{name}}")
    P("{{@index}}-1、项目基本情况")
    P("{{background | placeholder:【请补充项目背景、立项依据和项目构成】}}")
    P("{{@index}}-2、项目绩效目标")
    P("年度目标：{{goals.planned | placeholder:【请补充年度目标】}}")
    table(d, ["一级指标", "二级指标", "指标名称", "指标值"],
          ["{{#indicators}}{{level1 | vmerge}}", "{{level2 | vmerge}}", "{{name}}", "{{target}}{{/indicators}}"])
    P("{{@index}}-3、绩效目标实现情况分析")
    P("（1）资金情况分析")
    P("{{year}}年度项目预算金额为{{funds.budget | fixed:2}}万元，实际使用金额为{{funds.executed | fixed:2}}万元，"
      "预算执行率为{{funds.rate | pct:2}}，资金得分{{funds.score | fixed:2}}分（分值{{funds.weight}}分）。")
    P("（2）绩效指标完成情况分析")
    P("{{#indicators}}")
    P("{{name}}（{{weight}}分）：年度指标值{{target}}，实际完成{{actual | default:—}}，得分{{score}}分。{{?note}}{{note}}{{/note}}")
    P("{{/indicators}}")
    P("{{@index}}-4、自评结果")
    P("本项目自评总分{{total_score | fixed:2}}分，自评等级为{{grade}}。项目支出绩效自评表如下：")
    table(d, ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["{{#funds_rows}}{{label}}", "{{initial_budget | fixed:2}}", "{{budget | fixed:2}}", "{{executed | fixed:2}}",
           "{{weight}}", "{{rate | pct:2}}", "{{score | fixed:2}}{{/funds_rows}}"])
    P("")
    table(d, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
          ["{{#indicators}}{{level1 | vmerge}}", "{{level2 | vmerge}}", "{{name}}", "{{target}}", "{{actual}}",
           "{{weight}}", "{{score}}{{/indicators}}"],
          total=["总分", "", "", "", "", "{{total_weight}}", "{{total_score | fixed:2}}"])
    P("{{@index}}-5、主要问题和改进措施")
    P("{{problems | placeholder:【请补充主要问题和改进措施】}}")
    P("{{/projects}}")
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "project-report.docx")
    project_report().save(path)
    font_substitutes(path)
    print(path)


if __name__ == "__main__":
    main()
