#!/usr/bin/python3
"""Builds the shipped XLSX templates (templates/xlsx/*.xlsx) with openpyxl.

Each template is the standard table as finance offices print it, with {{path}} tags where the data goes
and row sections ({{#list}} … {{/list}} in one row: that row repeats per element). The paths are those
of the data tree `jixiao convert` builds (writers/template_data.h documents it): the record's JSON
(DOMAIN.md §5) plus views made for the tables (t01.rows zips the income side with the 26 功能分类 类 of the
expenditure side; t06.rows the three 经济分类 panels).

Run: /usr/bin/python3 templates/make_xlsx_templates.py   (needs python3-openpyxl). Do not edit the
.xlsx files by hand; change this script, rerun it and look at the result in LibreOffice.
"""
import os
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xlsx")

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
FONT_B = Font(name="宋体", size=10, bold=True)
FONT_T = Font(name="方正小标宋简体", size=16)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
AMT = "#,##0.00"
PCT = "0.00%"
SC = "0.00"


def put(ws, ref, value, fmt=None, font=FONT, align=CENTER, border=True):
    c = ws[ref]
    c.value = value
    c.font = font
    c.alignment = align
    if fmt:
        c.number_format = fmt
    if border:
        c.border = BORDER
    return c


def merge(ws, rng, value=None, fmt=None, font=FONT, align=CENTER, border=True):
    a, _, b = rng.partition(":")
    put(ws, a, value, fmt, font, align, border)
    if b and a != b:
        ws.merge_cells(rng)
        if border:
            for row in ws[rng]:
                for c in row:
                    c.border = BORDER


def widths(ws, spec):
    for col, w in spec.items():
        ws.column_dimensions[col].width = w


def page(ws, landscape=True):
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


# ---- 项目支出绩效自评表 (财预〔2020〕10号 附件1) ------------------------------------------------------
def national_project(ws):
    ws.title = "项目支出绩效自评表"
    widths(ws, {"A": 7, "B": 9, "C": 11, "D": 24, "E": 12, "F": 14, "G": 11, "H": 8, "I": 10, "J": 22})
    merge(ws, "A1:J1", "项目支出绩效自评表", font=FONT_T, border=False)
    merge(ws, "A2:J2", "（{{year}}年度）", border=False)
    merge(ws, "A3:B3", "项目名称")
    merge(ws, "C3:J3", "{{name}}", align=LEFT)
    merge(ws, "A4:B4", "主管部门")
    merge(ws, "C4:E4", "{{department}}", align=LEFT)
    merge(ws, "F4:G4", "实施单位")
    merge(ws, "H4:J4", "{{implementer}}", align=LEFT)
    merge(ws, "A5:B7", "项目资金\n（万元）")   # stretches over the fund-source rows as they repeat
    merge(ws, "C5:D5", None)
    for col, h in zip("EFGHIJ", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        put(ws, f"{col}5", h)
    merge(ws, "C6:D6", "年度资金总额", align=LEFT)
    for col, tag, fmt in (("E", "funds.initial_budget", AMT), ("F", "funds.budget", AMT), ("G", "funds.executed", AMT),
                          ("H", "funds.weight", None), ("I", "funds.rate", PCT), ("J", "funds.score", SC)):
        put(ws, f"{col}6", "{{%s}}" % tag, fmt)
    # the fund sources, as many as the record has (当年财政拨款 / 上年结转资金 / 其他资金, or a region's own)
    merge(ws, "C7:D7", "{{#funds.sources}}{{label}}", align=LEFT)
    for col, tag, fmt in (("E", "initial_budget", AMT), ("F", "budget", AMT), ("G", "executed", AMT), ("I", "rate", PCT)):
        put(ws, f"{col}7", "{{%s}}" % tag, fmt)
    put(ws, "H7", "—")
    put(ws, "J7", "—{{/funds.sources}}")
    merge(ws, "A8:B9", "年度\n总体\n目标")
    merge(ws, "C8:F8", "预期目标")
    merge(ws, "G8:J8", "实际完成情况")
    merge(ws, "C9:F9", "{{goals.planned}}", align=LEFT)
    merge(ws, "G9:J9", "{{goals.achieved}}", align=LEFT)
    merge(ws, "A10:A11", "绩效\n指标")
    for col, t in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        put(ws, f"{col}10", t)
    merge(ws, "I10:J10", "偏差原因分析及改进措施")
    for col, tag in zip("BCDEF", ["#indicators}}{{level1", "level2", "name", "target", "actual"]):
        put(ws, f"{col}11", "{{%s}}" % tag, align=LEFT if col == "D" else CENTER)
    put(ws, "G11", "{{weight}}")
    put(ws, "H11", "{{score}}", SC)
    merge(ws, "I11:J11", "{{note}}{{/indicators}}", align=LEFT)
    merge(ws, "A12:F12", "总分", font=FONT_B)
    put(ws, "G12", "=H6+SUM(G11:G11)")          # 100 = 执行率 10 + the indicators' 分值
    put(ws, "H12", "{{total_score}}", SC)
    merge(ws, "I12:J12", None)
    ws.row_dimensions[1].height = 28
    ws.row_dimensions[9].height = 90
    ws.row_dimensions[11].height = 30
    page(ws, landscape=False)
    ws.print_area = "A1:J12"


# ---- 部门整体支出绩效自评表 --------------------------------------------------------------------------
def national_dept(ws):
    ws.title = "部门整体支出绩效自评表"
    widths(ws, {"A": 8, "B": 12, "C": 14, "D": 26, "E": 16, "F": 16, "G": 18, "H": 9, "I": 9})
    merge(ws, "A1:I1", "{{year}}年度部门整体支出绩效自评表", font=FONT_T, border=False)
    put(ws, "H2", "单位：万元", align=RIGHT, border=False)
    put(ws, "A3", "部门（单位）名称")
    merge(ws, "B3:I3", "{{department}}", align=LEFT)
    merge(ws, "A4:A5", "年度\n主要\n任务")
    merge(ws, "B4:E4", "年初任务目标")
    merge(ws, "F4:I4", "实际完成目标")
    merge(ws, "B5:E5", "{{#tasks}}{{planned}}", align=LEFT)
    merge(ws, "F5:I5", "{{achieved}}{{/tasks}}", align=LEFT)
    merge(ws, "A6:A8", "预算执行情况（万元）")
    merge(ws, "B6:C6", None)
    for col, h in zip("DEFGH", ["全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]):
        put(ws, f"{col}6", h)
    put(ws, "I6", None)
    merge(ws, "B7:C7", "年度资金总额", align=LEFT)
    for col, tag, fmt in (("D", "funds.budget", AMT), ("E", "funds.executed", AMT), ("F", "funds.weight", None),
                          ("G", "funds.rate", PCT), ("H", "funds.score", SC)):
        put(ws, f"{col}7", "{{%s}}" % tag, fmt)
    put(ws, "I7", None)
    merge(ws, "B8:C8", "{{#funds.sources}}{{label}}", align=LEFT)
    for col, tag, fmt in (("D", "budget", AMT), ("E", "executed", AMT), ("G", "rate", PCT)):
        put(ws, f"{col}8", "{{%s}}" % tag, fmt)
    put(ws, "F8", None)
    put(ws, "H8", None)
    put(ws, "I8", "{{/funds.sources}}")
    merge(ws, "A9:A10", "年度\n总体\n目标")
    merge(ws, "B9:E9", "预期目标")
    merge(ws, "F9:I9", "实际完成目标")
    merge(ws, "B10:E10", "{{goals.planned}}", align=LEFT)
    merge(ws, "F10:I10", "{{goals.achieved}}", align=LEFT)
    merge(ws, "A11:A12", "年度\n绩效\n指标")
    for col, t in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "预期指标值（包含数字及文字描述）",
                                   "实际完成指标值（包含数字及文字描述）", "未完成原因及拟采取的改进措施", "自评得分",
                                   "财政复评得分"]):
        put(ws, f"{col}11", t)
    for col, tag in zip("BCDEFG", ["#indicators}}{{level1", "level2", "name", "target", "actual", "note"]):
        put(ws, f"{col}12", "{{%s}}" % tag, align=LEFT if col in "DG" else CENTER)
    put(ws, "H12", "{{score}}", SC)
    put(ws, "I12", "{{review_score}}{{/indicators}}", SC)
    merge(ws, "A13:G13", "总分", font=FONT_B)
    put(ws, "H13", "{{total_score}}", SC)
    put(ws, "I13", None)
    ws.row_dimensions[1].height = 28
    ws.row_dimensions[10].height = 60
    page(ws)


# ---- 项目支出绩效自评结果汇总表 ----------------------------------------------------------------------
def summary(ws):
    ws.title = "自评结果汇总表"
    widths(ws, {"A": 7, "B": 40, "C": 14, "D": 14, "E": 10, "F": 10})
    merge(ws, "A1:F1", "{{year}}年度项目支出绩效自评结果汇总表", font=FONT_T, border=False)
    merge(ws, "A2:D2", "填报单位（盖章）：{{department}}", align=LEFT, border=False)
    put(ws, "E2", None, border=False)
    for col, h in zip("ABCDEF", ["序号", "项目名称", "预算数\n（万元）", "全年执行数\n（万元）", "得分", "自评等级"]):
        put(ws, f"{col}3", h, font=FONT_B)
    put(ws, "A4", "{{#rows}}{{no}}")
    put(ws, "B4", "{{name}}", align=LEFT)
    put(ws, "C4", "{{budget}}", AMT, align=RIGHT)
    put(ws, "D4", "{{executed}}", AMT, align=RIGHT)
    put(ws, "E4", "{{score}}", SC)
    put(ws, "F4", "{{grade}}{{/rows}}")
    put(ws, "A5", "合计", font=FONT_B)
    put(ws, "B5", None)
    put(ws, "C5", "=SUM(C4:C4)", AMT, align=RIGHT)
    put(ws, "D5", "=SUM(D4:D4)", AMT, align=RIGHT)
    put(ws, "E5", "----")
    put(ws, "F5", "----")
    ws.row_dimensions[1].height = 28
    ws.row_dimensions[3].height = 30
    page(ws, landscape=False)
    ws.print_title_rows = "3:3"


# ---- 部门决算公开 nine tables -------------------------------------------------------------------------
def fa_head(ws, title, tag, lastcol, key):
    merge(ws, f"A1:{lastcol}1", title, font=FONT_T, border=False)
    put(ws, f"{lastcol}2", tag, align=RIGHT, border=False)
    merge(ws, "A3:B3", "部门：{{%s.department}}" % key, align=LEFT, border=False)
    put(ws, "D3", "{{%s.year}}年度" % key, border=False)
    put(ws, f"{lastcol}3", "金额单位：万元", align=RIGHT, border=False)


def t01(ws):
    ws.title = "公开01表 收入支出决算总表"
    widths(ws, {"A": 34, "B": 6, "C": 14, "D": 34, "E": 6, "F": 14})
    fa_head(ws, "收入支出决算总表", "公开01表", "F", "t01")
    merge(ws, "A4:C4", "收    入", font=FONT_B)
    merge(ws, "D4:F4", "支    出", font=FONT_B)
    for col, t in zip("ABCDEF", ["项    目", "行次", "决算数", "项    目", "行次", "决算数"]):
        put(ws, f"{col}5", t, font=FONT_B)
    for col, t in zip("ABCDEF", ["栏    次", None, 1, "栏    次", None, 2]):
        put(ws, f"{col}6", t)
    # t01.rows: the eight income items beside the 26 类, with their 行次
    put(ws, "A7", "{{#t01.rows}}{{income_label}}", align=LEFT)
    put(ws, "B7", "{{income_line}}")
    put(ws, "C7", "{{income_amount}}", AMT, align=RIGHT)
    put(ws, "D7", "{{class_label}}", align=LEFT)
    put(ws, "E7", "{{class_line}}")
    put(ws, "F7", "{{class_amount}}{{/t01.rows}}", AMT, align=RIGHT)
    left = [("本年收入合计", "income.total"), ("使用非财政拨款结余", "income.non_fiscal_surplus_used"),
            ("年初结转和结余", "income.carryover_begin"), ("总计", "income.grand_total")]
    right = [("本年支出合计", "expenditure.total"), ("结余分配", "expenditure.surplus_distribution"),
             ("年末结转和结余", "expenditure.carryover_end"), ("总计", "expenditure.grand_total")]
    for k, ((a, ap), (b, bp)) in enumerate(zip(left, right)):
        r = 8 + k
        put(ws, f"A{r}", a, font=FONT_B)
        put(ws, f"B{r}", 27 + k)
        put(ws, f"C{r}", "{{t01.%s}}" % ap, AMT, align=RIGHT)
        put(ws, f"D{r}", b, font=FONT_B)
        put(ws, f"E{r}", 57 + k)
        put(ws, f"F{r}", "{{t01.%s}}" % bp, AMT, align=RIGHT)
    merge(ws, "A12:F12", "注：本表反映部门本年度的总收支和年末结转结余情况。", align=LEFT, border=False)


def code_table(ws, title, tag, key, heads, cols, note):
    """科目编码 | 科目名称 | amounts (公开02/03/05/08/09): a 合计 row, then one row per item."""
    ncol = 2 + len(heads)
    last = get_column_letter(ncol)
    widths(ws, {"A": 11, "B": 34, **{get_column_letter(i): 13 for i in range(3, ncol + 1)}})
    fa_head(ws, title, tag, last, key)
    put(ws, "A4", "科目编码", font=FONT_B)
    put(ws, "B4", "科目名称", font=FONT_B)
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    groups = {}
    for i, h in enumerate(heads):
        col = get_column_letter(3 + i)
        if isinstance(h, tuple):
            put(ws, f"{col}5", h[1], font=FONT_B)
            groups.setdefault(h[0], []).append(col)
        else:
            merge(ws, f"{col}4:{col}5", h, font=FONT_B)
    for g, gc in groups.items():
        merge(ws, f"{gc[0]}4:{gc[-1]}4", g, font=FONT_B)
    merge(ws, "A6:B6", "栏次")
    for i in range(len(heads)):
        put(ws, f"{get_column_letter(3 + i)}6", i + 1)
    merge(ws, "A7:B7", "合计", font=FONT_B)
    for i, c in enumerate(cols):
        put(ws, f"{get_column_letter(3 + i)}7", "{{%s.total.%s}}" % (key, c), AMT, align=RIGHT)
    put(ws, "A8", "{{#%s.items}}{{code}}" % key, align=LEFT)
    put(ws, "B8", "{{label}}", align=LEFT)
    for i, c in enumerate(cols):
        tail = "{{/%s.items}}" % key if i == len(cols) - 1 else ""
        put(ws, f"{get_column_letter(3 + i)}8", "{{%s}}%s" % (c, tail), AMT, align=RIGHT)
    merge(ws, f"A9:{last}9", "{{%s.note}}" % key, align=LEFT, border=False)
    ws.row_dimensions[9].height = 30


def t04(ws):
    ws.title = "公开04表 财政拨款收支总表"
    widths(ws, {"A": 30, "B": 6, "C": 13, "D": 30, "E": 6, "F": 13, "G": 13, "H": 13, "I": 13})
    fa_head(ws, "财政拨款收入支出决算总表", "公开04表", "I", "t04")
    merge(ws, "A4:C4", "收    入", font=FONT_B)
    merge(ws, "D4:I4", "支    出", font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["项    目", "行次", "金额", "项    目", "行次", "合计", "一般公共预算财政拨款",
                                    "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]):
        put(ws, f"{col}5", t, font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["栏    次", None, 1, "栏    次", None, 2, 3, 4, 5]):
        put(ws, f"{col}6", t)
    put(ws, "A7", "{{#t04.rows}}{{income_label}}", align=LEFT)
    put(ws, "B7", "{{income_line}}")
    put(ws, "C7", "{{income_amount}}", AMT, align=RIGHT)
    put(ws, "D7", "{{class_label}}", align=LEFT)
    put(ws, "E7", "{{class_line}}")
    for col, c in zip("FGHI", ["total", "general_budget", "gov_fund", "state_capital"]):
        tail = "{{/t04.rows}}" if col == "I" else ""
        put(ws, f"{col}7", "{{%s}}%s" % (c, tail), AMT, align=RIGHT)
    put(ws, "A8", "本年收入合计", font=FONT_B)
    put(ws, "B8", 27)
    put(ws, "C8", "{{t04.income.total}}", AMT, align=RIGHT)
    put(ws, "D8", "本年支出合计", font=FONT_B)
    put(ws, "E8", 60)
    for col, c in zip("FGHI", ["total", "general_budget", "gov_fund", "state_capital"]):
        put(ws, f"{col}8", "{{t04.expenditure.total.%s}}" % c, AMT, align=RIGHT)
    put(ws, "A9", "年初财政拨款结转和结余", font=FONT_B)
    put(ws, "B9", 28)
    put(ws, "C9", "{{t04.income.carryover_begin}}", AMT, align=RIGHT)
    put(ws, "D9", "年末财政拨款结转和结余", font=FONT_B)
    put(ws, "E9", 61)
    for col, c in zip("FGHI", ["total", "general_budget", "gov_fund", "state_capital"]):
        put(ws, f"{col}9", "{{t04.expenditure.carryover_end.%s}}" % c, AMT, align=RIGHT)
    for k, (lab, p) in enumerate([("  一般公共预算财政拨款", "carryover_begin_general_budget"),
                                  ("  政府性基金预算财政拨款", "carryover_begin_gov_fund"),
                                  ("  国有资本经营预算财政拨款", "carryover_begin_state_capital")]):
        r = 10 + k
        put(ws, f"A{r}", lab, align=LEFT)
        put(ws, f"B{r}", 29 + k)
        put(ws, f"C{r}", "{{t04.income.%s}}" % p, AMT, align=RIGHT)
        for col in "DEFGHI":
            put(ws, f"{col}{r}", None)
    put(ws, "A13", "总计", font=FONT_B)
    put(ws, "B13", 32)
    put(ws, "C13", "{{t04.income.grand_total}}", AMT, align=RIGHT)
    put(ws, "D13", "总计", font=FONT_B)
    put(ws, "E13", 62)
    for col, c in zip("FGHI", ["total", "general_budget", "gov_fund", "state_capital"]):
        put(ws, f"{col}13", "{{t04.expenditure.grand_total.%s}}" % c, AMT, align=RIGHT)
    merge(ws, "A14:I14", "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和"
          "年末结转结余情况。", align=LEFT, border=False)
    ws.row_dimensions[14].height = 30


def t06(ws):
    ws.title = "公开06表 一般公共预算基本支出表"
    widths(ws, {"A": 8, "B": 24, "C": 11, "D": 8, "E": 20, "F": 11, "G": 8, "H": 26, "I": 11})
    fa_head(ws, "一般公共预算财政拨款基本支出决算表", "公开06表", "I", "t06")
    merge(ws, "A4:C4", "人员经费", font=FONT_B)
    merge(ws, "D4:I4", "公用经费", font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["科目编码", "科目名称", "决算数"] * 3):
        put(ws, f"{col}5", t, font=FONT_B)
    # t06.rows: 301/303 beside 302 beside 307/310/399, row by row
    tags = ["code1", "name1", "amount1", "code2", "name2", "amount2", "code3", "name3", "amount3"]
    for i, (col, tag) in enumerate(zip("ABCDEFGHI", tags)):
        head = "{{#t06.rows}}" if i == 0 else ""
        tail = "{{/t06.rows}}" if i == 8 else ""
        fmt = AMT if tag.startswith("amount") else None
        put(ws, f"{col}6", "%s{{%s}}%s" % (head, tag, tail), fmt, align=RIGHT if fmt else LEFT)
    merge(ws, "A7:B7", "人员经费合计", font=FONT_B)
    put(ws, "C7", "{{t06.personnel}}", AMT, align=RIGHT)
    merge(ws, "D7:H7", "公用经费合计", font=FONT_B)
    put(ws, "I7", "{{t06.public_use}}", AMT, align=RIGHT)
    merge(ws, "A8:I8", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", align=LEFT, border=False)


def t07(ws):
    ws.title = "公开07表 三公经费支出表"
    widths(ws, {get_column_letter(i): 11 for i in range(1, 13)})
    merge(ws, "A1:L1", "财政拨款“三公”经费支出决算表", font=FONT_T, border=False)
    put(ws, "L2", "公开07表", align=RIGHT, border=False)
    merge(ws, "A3:C3", "部门：{{t07.department}}", align=LEFT, border=False)
    put(ws, "F3", "{{t07.year}}年度", border=False)
    put(ws, "L3", "金额单位：万元", align=RIGHT, border=False)
    merge(ws, "A4:F4", "预算数", font=FONT_B)
    merge(ws, "G4:L4", "决算数", font=FONT_B)
    keys = ["total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"]
    for base, side in (("A", "budget"), ("G", "actual")):
        i = openpyxl.utils.column_index_from_string(base)
        L = lambda k: get_column_letter(i + k)
        merge(ws, f"{L(0)}5:{L(0)}6", "合计", font=FONT_B)
        merge(ws, f"{L(1)}5:{L(1)}6", "因公出国（境）费", font=FONT_B)
        merge(ws, f"{L(2)}5:{L(4)}5", "公务用车购置及运行费", font=FONT_B)
        put(ws, f"{L(2)}6", "小计", font=FONT_B)
        put(ws, f"{L(3)}6", "公务用车购置费", font=FONT_B)
        put(ws, f"{L(4)}6", "公务用车运行费", font=FONT_B)
        merge(ws, f"{L(5)}5:{L(5)}6", "公务接待费", font=FONT_B)
        for k, key in enumerate(keys):
            put(ws, f"{L(k)}8", "{{t07.%s.%s}}" % (side, key), AMT, align=RIGHT)
    for k in range(12):
        put(ws, f"{get_column_letter(k + 1)}7", k + 1)
    merge(ws, "A10:C10", "国内公务接待批次（个）", align=LEFT)
    put(ws, "D10", "{{t07.reception_batches}}")
    merge(ws, "A11:C11", "国内公务接待人次（人）", align=LEFT)
    put(ws, "D11", "{{t07.reception_people}}")
    merge(ws, "A13:L13", "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年"
          "财政拨款和以前年度结转资金安排的实际支出。", align=LEFT, border=False)
    ws.row_dimensions[13].height = 30


FUND_HEADS = ["年初结转和结余", "本年收入", ("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"),
              "年末结转和结余"]
FUND_COLS = ["carryover_begin", "income", "total", "basic", "project", "carryover_end"]


def final_accounts(wb):
    ws = wb.active
    t01(ws)
    code_table(wb.create_sheet(), "收入决算表", "公开02表", "t02",
               ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
               ["total", "fiscal", "superior_subsidy", "business", "operating", "affiliated", "other"],
               "注：本表反映部门本年度取得的各项收入情况。")
    wb.worksheets[1].title = "公开02表 收入决算表"
    code_table(wb.create_sheet("公开03表 支出决算表"), "支出决算表", "公开03表", "t03",
               ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
               ["total", "basic", "project", "to_superior", "operating", "to_affiliated"],
               "注：本表反映部门本年度各项支出情况。")
    t04(wb.create_sheet())
    code_table(wb.create_sheet("公开05表 一般公共预算支出表"), "一般公共预算财政拨款支出决算表", "公开05表", "t05",
               [("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出")], ["total", "basic", "project"],
               "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。")
    t06(wb.create_sheet())
    t07(wb.create_sheet())
    code_table(wb.create_sheet("公开08表 政府性基金收支表"), "政府性基金预算财政拨款收入支出决算表", "公开08表", "t08",
               FUND_HEADS, FUND_COLS, None)
    code_table(wb.create_sheet("公开09表 国有资本经营收支表"), "国有资本经营预算财政拨款收入支出决算表", "公开09表", "t09",
               FUND_HEADS, FUND_COLS, None)
    for ws in wb.worksheets:
        ws.row_dimensions[1].height = 28
        page(ws)


def normalize(path):
    """Re-zip with fixed timestamps so that a rerun of this script changes nothing."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, build in (("national-project", national_project), ("national-dept", national_dept),
                        ("summary", summary), ("final-accounts", None)):
        wb = openpyxl.Workbook()
        if build:
            build(wb.active)
        else:
            final_accounts(wb)
        path = os.path.join(OUT, name + ".xlsx")
        wb.save(path)
        normalize(path)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
