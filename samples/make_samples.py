#!/usr/bin/python3
"""Builds the sample workbooks jixiao's readers and checkers are tested on.

Run from the repository root:  /usr/bin/python3 samples/make_samples.py

Every number comes from the real published reports in /work/shared/seeds (000, 001, 003, 004); values the
seeds do not give are invented and listed in samples/README.md ("INVENTED"). Output:

  samples/openpyxl/*.xlsx     written by openpyxl 3.0.9 (formulas carry no cached values)
  samples/libreoffice/*.xlsx  the same files re-saved by LibreOffice (formulas recalculated, values cached)
  samples/manifest.json       machine-readable list: file, kind, source, sheets, and for the injected
                              mistakes the changed cell and the findings a checker must report

The output is deterministic: fixed document dates, fixed zip timestamps.
Verify with: /usr/bin/python3 samples/check_samples.py
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from decimal import Decimal as D, ROUND_HALF_UP

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_OPX = os.path.join(HERE, "openpyxl")
OUT_LO = os.path.join(HERE, "libreoffice")
PROFILE = "/tmp/lo-samples-profile"
FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

# ------------------------------------------------------------------------------------------------
# styles
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
FONT_B = Font(name="宋体", size=10, bold=True)
FONT_T = Font(name="方正小标宋简体", size=16)
FONT_T2 = Font(name="黑体", size=12)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
LEFT_NW = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")
AMT = "#,##0.00"      # money
PCT1 = "0.0%"
PCT2 = "0.00%"
PCT0 = "0%"
SC = "0.00"           # scores


def q2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def f(x):
    """Decimal -> float for the cell (repr of the float is the shortest decimal: 19.98 stays 19.98)."""
    return float(D(x))


def put(ws, ref, value, fmt=None, font=FONT, align=CENTER):
    c = ws[ref]
    c.value = value
    c.font = font
    c.alignment = align
    if fmt:
        c.number_format = fmt
    return c


def merge(ws, rng, value=None, fmt=None, font=FONT, align=CENTER):
    first = rng.split(":")[0]
    put(ws, first, value, fmt, font, align)
    if ":" in rng and rng.split(":")[0] != rng.split(":")[1]:
        ws.merge_cells(rng)


def grid(ws, rng):
    for row in ws[rng]:
        for c in row:
            c.border = BORDER
            if c.font is None or c.font.name != "宋体":
                c.font = FONT


def widths(ws, spec):
    for col, w in spec.items():
        ws.column_dimensions[col].width = w


def heights(ws, rows, h):
    for r in rows:
        ws.row_dimensions[r].height = h


def grade_of(score):
    s = D(score)
    return "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"


# ================================================================================================
# Seed 003: 洪山区医疗保障局 2019, Hubei 项目支出绩效自评表 (附件1.1 / 附件1.2) and 自评结果汇总
# ================================================================================================
P1 = dict(
    key="1.1", sheet="附件1.1 机关建设经费", name="机关建设及日常保障经费",
    detail="医疗保险局开办费 购置执法装备 党建经费-区医保局 聘请法律顾问-区医保局 文明创建工作经费-区医保局",
    dept="洪山区医疗保障局", initial="40", budget="40", executed="39.96", fund_score="19.98",
    planned="贯彻落实党中央、省委和市委关于医疗保障工作的方针政策和决策部署，保障局机关日常工作运转，为医保专项提供优质后勤服务。",
    achieved="优化营商环境/经济普查/精准扶贫等工作达标；医疗保险扩面新增人数9129人；生育保险扩面新增人数4327人；对低收入困难对象、因病致贫困难对象等开展医疗救助，政策覆盖率达100%。",
    goal_score="18", total="90.98", grade="优",
    # 一级, 二级, 三级, 年度指标值, 全年完成值, 分值, 得分, 原因   (None = merged with the row above)
    indicators=[
        ("产出指标", "数量指标", "法律顾问对咨询事务的受理率", "100%", 1, 15, 15, None),
        (None, None, "工作考核等级", "优", "优", 15, 15, None),
        (None, "质量指标", "局预算执行率", "100%", 1, 15, 15, None),
        ("满意度指标", "服务对象满意度指标", "群众对部门工作的满意度", "100%", None, 15, 8,
         "本局为今年新组建单位，未纳入双评议考核"),
    ],
)
P2 = dict(
    key="1.2", sheet="附件1.2 打击欺诈骗保经费", name="打击欺诈骗取医保基金专项经费",
    detail="打击欺诈骗保专项治理工作经费-区医保局",
    dept="洪山区医疗保障局", initial="27.56", budget="27.56", executed="27.34", fund_score="19.84",
    planned="强化各社区、医院、药店、经办机构和参保人员的法治意识，推动全社会共同关注、支持、参与打击欺诈骗保工作，加强医保基金监管，保护广大人民群众的根本利益。",
    achieved="加强政策法规宣传，全年共组织3次集中宣传活动，严厉打击欺诈骗保行为，发现问题查处率100%。依法办理各类医疗保障信访、投诉、举报，办结率100%。",
    goal_score="18", total="92.84", grade="优",
    indicators=[
        ("产出\n指标", "数量指标", "政策宣传活动次数", "≥2次", 3, 10, 10, None),
        (None, "质量指标", "对两定医药机构抽查完成率", "100%", "100%", 10, 10, None),
        (None, None, "培训参与率", "100%", "100%", 10, 10, None),
        (None, "时效指标", "处理群众举报的欺诈骗保行为的及时性", "及时", "及时", 10, 10, None),
        ("满意度\n指标", "服务对象满意度", "群众对医疗保障工作的满意度", "≥90%", None, 20, 15,
         "我局为本年度新组建单位，未纳入双评议。"),
    ],
)
HB_SOURCES = ["其中：中央补助", "省补助", "市补助", "国债资金", "区级预算资金", "其他资金"]
HB_NOTE = "请在此处简要说明中央巡视、各级审计和财政监督中发现的问题及其所涉及的金额，如没有请填无。"


def hubei_project_sheet(ws, p, unit="万元"):
    """The Hubei 2019 项目支出绩效自评表 as 附件1.1/1.2 of seed 003 print it, in the national column set
    (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分).  unit="元" gives the 元 layout variant.
    Returns the coordinates of the cells tests refer to."""
    one = p["key"] == "1.1"
    scale = D(10000) if unit == "元" else D(1)
    widths(ws, {"A": 9, "B": 10, "C": 12, "D": 26, "E": 12, "F": 13, "G": 8, "H": 10, "I": 22})
    put(ws, "A1", "附件" + p["key"], font=FONT_T2, align=LEFT_NW)
    merge(ws, "A2:I2", "项目支出绩效自评表", font=FONT_T)
    merge(ws, "A3:I3", "（2019年度）")
    merge(ws, "A4:B4", "（单位盖章）", align=LEFT)
    if one:   # 自评时间 as a real date in 1.1, as text in 1.2
        put(ws, "C4", "自评时间：", align=RIGHT)
        merge(ws, "D4:E4", datetime.datetime(2020, 5, 1), fmt='yyyy"年"m"月"', align=LEFT)
    else:
        merge(ws, "C4:E4", "自评时间：2020年5月", align=LEFT)
    put(ws, "F4", "自评等次：", align=RIGHT)
    put(ws, "G4", p["grade"])
    put(ws, "H4", "自评得分：", align=RIGHT)
    put(ws, "I4", f(p["total"]), fmt=SC if one else None, align=LEFT_NW)
    put(ws, "A5", "项 目 名 称" if one else "项目名称")
    merge(ws, "B5:I5", p["name"], align=LEFT)
    put(ws, "A6", "合并明细项目")
    merge(ws, "B6:I6", p["detail"], align=LEFT)
    put(ws, "A7", "主管部门")
    merge(ws, "B7:E7", p["dept"], align=LEFT)
    put(ws, "F7", "实施单位")
    merge(ws, "G7:I7", None)
    # ---- 项目资金 -------------------------------------------------------------------------------
    lab = f"项目资金\n（{unit}）\n（20分）" if unit == "元" else ("项目资金\n（20分）" if one else "项目\n资金\n（20分）")
    merge(ws, "A8:A15", lab)
    merge(ws, "B8:C8", None)
    for col, h in zip("DEFGHI", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率\n（B/A）", "得分"]):
        put(ws, f"{col}8", h)
    merge(ws, "B9:C9", "年度资金总额：", align=LEFT)
    amt = lambda x: f(D(x) * scale)
    put(ws, "D9", amt(p["initial"]), AMT if (one or unit == "元") else SC)
    put(ws, "E9", amt(p["budget"]), AMT if (one or unit == "元") else SC)
    put(ws, "F9", amt(p["executed"]), AMT if (one or unit == "元") else SC)
    put(ws, "G9", 20)
    if one:
        put(ws, "H9", "=F9/E9", PCT1)                       # 执行率 as a formula
    else:
        put(ws, "H9", 0.992, PCT1)                          # typed by hand, as the seed prints it: 99.2%
    put(ws, "I9", f(p["fund_score"]), SC)
    for i, s in enumerate(HB_SOURCES):
        merge(ws, f"B{10 + i}:C{10 + i}", s, align=LEFT)
    # the fund-source row (区级预算资金) the way people fill it: partly text
    if unit == "元":
        put(ws, "D14", amt(p["initial"]), AMT)
        put(ws, "E14", amt(p["budget"]), AMT)
        put(ws, "F14", amt(p["executed"]), AMT)
        put(ws, "H14", "=F14/E14", PCT1)
    elif one:
        put(ws, "D14", f(p["initial"]), AMT)
        put(ws, "E14", "40.00")                              # text
        put(ws, "F14", "39.96")                              # text
        put(ws, "H14", "99.90%")                             # text
    else:
        put(ws, "D14", f(p["initial"]), SC)
        put(ws, "E14", f(p["budget"]), SC)
        put(ws, "F14", f(p["executed"]), SC)
        put(ws, "H14", "99.2%")                              # text
    # ---- 项目绩效目标 ------------------------------------------------------------------------------
    merge(ws, "A16:A17", "项目绩效目标\n（20分）" if one else "项目绩效\n总目标\n（20分）")
    merge(ws, "B16:E16", "年初设定目标")
    merge(ws, "F16:H16", "全年实际完成情况")
    put(ws, "I16", "自评分")
    merge(ws, "B17:E17", p["planned"], align=LEFT)
    merge(ws, "F17:H17", p["achieved"], align=LEFT)
    put(ws, "I17", f(p["goal_score"]))
    # ---- 绩效指标 ---------------------------------------------------------------------------------
    inds = p["indicators"]
    last = 18 + len(inds)
    merge(ws, f"A18:A{last}", "绩效指标\n（60分）" if one else "绩效\n指标\n（60分）")
    for col, h in zip("BCDEFGHI", ["一级\n指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分",
                                   "未完成原因和改进措施"]):
        put(ws, f"{col}18", h)
    rows = []
    for k, (l1, l2, l3, tgt, act, w, s, note) in enumerate(inds):
        r = 19 + k
        rows.append(r)
        if l1 is not None:
            put(ws, f"B{r}", l1)
        if l2 is not None:
            put(ws, f"C{r}", l2)
        put(ws, f"D{r}", l3, align=LEFT)
        put(ws, f"E{r}", tgt)
        put(ws, f"F{r}", act, PCT0 if isinstance(act, (int, float)) and act == 1 else None)
        put(ws, f"G{r}", w)
        put(ws, f"H{r}", s)
        put(ws, f"I{r}", note, align=LEFT)
    # merges of the 一级 / 二级 blocks (a None means "same as above")
    for colidx, col in ((0, "B"), (1, "C")):
        start = None
        for k, ind in enumerate(inds + [("END", "END")]):
            if ind[colidx] is not None:
                if start is not None and 19 + k - 1 > start:
                    ws.merge_cells(f"{col}{start}:{col}{19 + k - 1}")
                start = 19 + k
    nr = last + 1
    put(ws, f"A{nr}", "说明")
    merge(ws, f"B{nr}:I{nr}", HB_NOTE, align=LEFT)
    grid(ws, f"A5:I{nr}")
    heights(ws, [17], 75)
    heights(ws, rows, 30)
    heights(ws, [6, 8, 18], 30)
    ws.row_dimensions[2].height = 28
    return {"total": "I4", "grade": "G4", "fund_budget": "E9", "fund_executed": "F9", "fund_rate": "H9",
            "fund_score": "I9", "goal_score": "I17", "ind_rows": rows, "ind_weight_col": "G", "ind_score_col": "H"}


def summary_sheet(ws):
    """seed 003 二、本报告包含项目的自评结果."""
    widths(ws, {"A": 6, "B": 34, "C": 14, "D": 16, "E": 10, "F": 10})
    merge(ws, "A1:F1", "2019年度项目支出绩效自评结果汇总表", font=FONT_T)
    merge(ws, "A2:D2", "填报单位（盖章）：洪山区医疗保障局", align=LEFT)
    merge(ws, "E2:F2", datetime.datetime(2020, 5, 20), fmt='yyyy"年"m"月"d"日"', align=RIGHT)
    # row 3: blank spacer
    for col, h in zip("ABCDEF", ["序号", "项 目 名 称", "预算数\n（万元）", "全年执行数\n（万元）", "得分", "自评等级"]):
        put(ws, f"{col}4", h, font=FONT_B)
    for r, p in ((5, P1), (6, P2)):
        put(ws, f"A{r}", r - 4)
        put(ws, f"B{r}", p["name"], align=LEFT)
        put(ws, f"C{r}", f(p["budget"]), SC)
        put(ws, f"D{r}", f(p["executed"]), SC)
        put(ws, f"E{r}", f(p["total"]), SC)
        put(ws, f"F{r}", p["grade"])
    merge(ws, "A7:B7", "合计", font=FONT_B)
    put(ws, "C7", "=SUM(C5:C6)", SC)
    put(ws, "D7", "=SUM(D5:D6)")          # General format: LibreOffice shows 67.3, as the seed prints it
    put(ws, "E7", "----")
    put(ws, "F7", "----")
    grid(ws, "A4:F7")
    ws.row_dimensions[4].height = 30
    return {"total_budget": "C7", "total_executed": "D7"}


def wb_hubei_all():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评结果汇总"
    locs = {"自评结果汇总": summary_sheet(ws)}
    for p in (P1, P2):
        locs[p["sheet"]] = hubei_project_sheet(wb.create_sheet(p["sheet"]), p)
    return wb, locs


def wb_hubei_one(p):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = p["sheet"]
    return wb, {p["sheet"]: hubei_project_sheet(ws, p)}


# ================================================================================================
# Seed 004: 岚山区城乡居民基本医疗保险财政补助项目 2022, third-party evaluation
# ================================================================================================
S4_GROUPS = [  # title, sheet, 权重, rows (二级, 三级, 分值, 得分), 小计 as formula?
    ("项目决策得分情况表", "决策指标得分", "决策指标", 23, [
        ("项目立项", "实施依据充分性", 4, "4"), (None, "绩效目标合理性", 4, "3"), (None, "绩效目标明确性", 3, "1.5"),
        ("预算编制", "预算编制科学性", 4, "3.5"),
        ("资金落实", "区财政补助资金到位率", 4, "1.17"), (None, "资金使用率", 4, "3.86")], False),
    ("项目过程得分情况表", "过程指标得分", "过程指标", 17, [
        ("项目管理", "管理制度健全性", 2, "2"), (None, "定点医药机构规范性", 2, "2"), (None, "医保信息系统功能性", 2, "2"),
        "BLANK",
        (None, "医疗费用合理性", 2, "1"), (None, "开展支付方式改革", 2, "2"),
        ("财务管理", "管理制度健全性", 2, "2"), (None, "资金使用合规性", 3, "3"), (None, "会计核算规范性", 2, "2")], False),
    ("项目产出得分情况表", "产出指标得分", "产出指标", 40, [
        ("产出数量", "参保人数", 4, "3.91"), (None, "虚报参保人数", 4, "4"), (None, "区级财政补助标准", 4, "4"),
        (None, "参保居民个人缴费标准", 4, "4"),
        ("时效指标", "资金到位及时率", 4, "4"), (None, "区级补助资金上缴及时率", 4, "1.19"), (None, "个人缴费及时率", 3, "3"),
        ("质量指标", "政策住院报销比例", 3, "3"), (None, "参保覆盖率", 3, "3"), (None, "政策知晓率", 4, "3.70"),
        ("成本指标", "基金年度收支结存率", 3, "3")], True),
    ("项目效益得分情况表", "效益指标得分", "效益指标", 20, [
        ("经济效益", "减轻群众经济压力", 6, "5.4"), ("社会效益", "城乡居民医疗有保障", 6, "5.6"),
        ("满意度指标", "参保对象满意度", 8, "7.74")], True),
]
S4_SCORES = {"决策指标": "17.03", "过程指标": "16", "产出指标": "36.80", "效益指标": "18.74"}
S4_TOTAL = "88.57"


def s4_overall(ws, r0=1):
    """项目整体得分情况表 (seed 004 二)."""
    widths(ws, {"A": 14, "B": 12, "C": 12, "D": 12, "E": 12, "F": 12})
    merge(ws, f"A{r0}:F{r0}", "项目整体得分情况表", font=FONT_T)
    merge(ws, f"A{r0+1}:F{r0+1}", "项目名称：岚山区城乡居民基本医疗保险财政补助项目（2022年度）", align=LEFT)
    merge(ws, f"A{r0+2}:F{r0+2}", "评价机构：日照永萍盛慧会计师事务所（普通合伙）", align=LEFT)
    h = r0 + 4   # r0+3 blank spacer
    for col, t in zip("ABCDEF", ["评价项目", "决策指标", "过程指标", "产出指标", "效益指标", "合计"]):
        put(ws, f"{col}{h}", t, font=FONT_B)
    put(ws, f"A{h+1}", "权重")
    put(ws, f"A{h+2}", "分值")
    put(ws, f"A{h+3}", "得分率")
    for col, g in zip("BCDE", S4_GROUPS):
        put(ws, f"{col}{h+1}", g[3])
        put(ws, f"{col}{h+2}", f(S4_SCORES[g[2]]), SC)
        put(ws, f"{col}{h+3}", f"={col}{h+2}/{col}{h+1}", PCT2)
    put(ws, f"F{h+1}", f"=SUM(B{h+1}:E{h+1})")
    put(ws, f"F{h+2}", f"=SUM(B{h+2}:E{h+2})", SC)
    put(ws, f"F{h+3}", f"=F{h+2}/F{h+1}", PCT2)
    grid(ws, f"A{h}:F{h+3}")
    put(ws, f"A{h+5}", "绩效等级：", align=RIGHT)
    put(ws, f"B{h+5}", "良")
    return {"rate_决策": f"B{h+3}", "grade": f"B{h+5}", "total": f"F{h+2}"}


def s4_detail(ws, g, r0=1, cols="ABCD"):
    title, _sheet, _l1, weight, rows, formula = g
    A, B, C, Dc = cols
    merge(ws, f"{A}{r0}:{Dc}{r0}", title, font=FONT_T2)
    put(ws, f"{Dc}{r0+1}", "单位：分", align=RIGHT)
    h = r0 + 2
    for col, t in zip(cols, ["二级指标", "三级指标", "绩效分值", "实际得分"]):
        put(ws, f"{col}{h}", t, font=FONT_B)
    r = h + 1
    start = r
    blocks = []
    for row in rows:
        if row == "BLANK":          # the seed's table has an empty row here (page break in the Word table)
            r += 1
            continue
        l2, l3, w, s = row
        if l2 is not None:
            blocks.append(r)
            put(ws, f"{A}{r}", l2)
        put(ws, f"{B}{r}", l3, align=LEFT)
        put(ws, f"{C}{r}", w)
        put(ws, f"{Dc}{r}", f(s))
        r += 1
    end = r - 1
    blocks.append(end + 1)
    for a, b in zip(blocks, blocks[1:]):
        if b - 1 > a:
            ws.merge_cells(f"{A}{a}:{A}{b-1}")
    merge(ws, f"{A}{r}:{B}{r}", "小计", font=FONT_B)
    if formula:
        put(ws, f"{C}{r}", f"=SUM({C}{start}:{C}{end})")
        put(ws, f"{Dc}{r}", f"=SUM({Dc}{start}:{Dc}{end})", SC)
    else:
        put(ws, f"{C}{r}", weight)
        put(ws, f"{Dc}{r}", f(S4_SCORES[g[2]]), SC)
    grid(ws, f"{A}{h}:{Dc}{r}")
    return r


def wb_s4():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整体得分情况"
    locs = {"整体得分情况": s4_overall(ws)}
    for g in S4_GROUPS:
        w2 = wb.create_sheet(g[1])
        widths(w2, {"A": 14, "B": 26, "C": 12, "D": 12})
        s4_detail(w2, g)
    return wb, locs


def wb_s4_stacked():
    """Layout variant: the five tables one under the other on one sheet, as pasted from the report."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评价得分情况"
    s4_overall(ws, 1)
    widths(ws, {"A": 14, "B": 26, "C": 12, "D": 12, "E": 12, "F": 12})
    r = 13
    for g in S4_GROUPS:
        end = s4_detail(ws, g, r)
        r = end + 3              # two blank rows between tables
    return wb, {}

# ================================================================================================
# Seed 001: 剑阁县医疗保障局 2022 — 部门整体支出绩效目标自评表 (附表) and 评价指标体系 (附件2)
# ================================================================================================
# text of the seed, verbatim
ZT_TASKS = [('负责做好我县新冠病毒疫苗及接种费用保障工作，负责新冠病毒疫苗及接种费用结算、资金监管以及配合县财政做好新冠病毒疫苗及接种费用专项预算、专户资金划拨，加快推进疫苗免费接种，构筑保障人民群众生命健康免疫屏障，切实提高人民群众的获得感、安全感。',
  '负责做好我县新冠病毒疫苗及接种费用保障工作，负责新冠病毒疫苗及接种费用结算、资金监管以及配合县财政做好新冠病毒疫苗及接种费用专项预算、专户资金划拨，加快推进疫苗免费接种，构筑保障人民群众生命健康免疫屏障，切实提高人民群众的获得感、安全感。'),
 ('强化对医保定点机构发生费用的实时监控、常态稽核。', '强化对医保定点机构发生费用的实时监控、常态稽核。'),
 ('解决离休干部实际生活困难', '解决离休干部实际生活困难'),
 ('保障我局职工的工资及社会保障缴费', '保障我局职工的工资及社会保障缴费'),
 ('保障我局日常工作的正常运转', '保障我局日常工作的正常运转'),
 ('确保参加革命工作的部分退休干部给予适当医疗照顾。', '确保参加革命工作的部分退休干部给予适当医疗照顾。'),
 ('最大限度减轻困难群众医疗支出负担，切实保障困难群众获得基本医疗卫生服务。', '最大限度减轻困难群众医疗支出负担，切实保障困难群众获得基本医疗卫生服务。'),
 ('确保建档立卡贫困人员参加城乡居民基本医疗保险参保率达到100%，进一步减轻建档立卡贫困人口医疗费用负担，防止因病致贫、因病返贫，助力脱贫攻坚。', '确保建档立卡贫困人员参加城乡居民基本医疗保险参保率达到100%，进一步减轻建档立卡贫困人口医疗费用负担，防止因病致贫、因病返贫，助力脱贫攻坚。'),
 ('确保城乡居民基本医疗保险参保人员的医疗保险待遇落实．', '确保城乡居民基本医疗保险参保人员的医疗保险待遇落实．'),
 ('确保医保档案的管理能方便群众查询和翻阅复印，更好的实现对档案的再利用。', '确保医保档案的管理能方便群众查询和翻阅复印，更好的实现对档案的再利用。')]
ZT_GOAL = '做好单位权限范围内工作，完成上级交办的任务。在规定时间内完成辖区内普通城乡居民、学生城乡基本医疗保险参保筹资工作，参保率达应参保人数的95%以上。县级财政参保配套资金到位率100%，并及时拨付到位，完善医疗保障制度，强化医保基金监管。'

A2_ROWS = [('项目\n决策\n(18分)',
  '决策依据',
  '贯彻中央医疗保障制度改革有关医疗保障能力建设决策部署',
  '依据中央和国务院深化医疗保障制度改革的意见进行决策',
  '深入贯彻中央医疗保障制度改革关于有关能力建设决策部署，严格依据中央和国务院深化医疗保障制度改革的意见进行决策，坚持市医保局元昊书记提出的打造“最佳”医保服务体系目标不动摇，牢牢把握县区提升、乡镇升级、村社布点的服务体系建设思路，充分结合剑阁实际，因地制宜，集成嵌入，有序有效推进我县医保经办服务能力提升工作。',
  '1、符合《中共中央国务院关于深化医疗保障制度改革的意见》（2分）\n2.印发《“十四五”全民医疗保障规划》2022年度任务的相关文件(2分)',
  '4',
  '4',
  '用以反映和考核各级医保部门贯彻中央医疗保障制度改革有关医疗保障能力建设决策部署情况和《十四五”全民医疗保障规划》有关医保服务能力提升的决策部署'),
 ('',
  '',
  '执行预算绩效管理和资金管理办法',
  '决策符合预算绩效管理要求和资金管理办法',
  '严格贯彻执行专项资金预算绩效管理和资金管理等相关管理办法',
  '①符合《国家医疗保障局关于全面实施预算绩效管理的意见》（1分）\n③符合《医疗服务与保障能力提升补助资金管理办法》以及各省市制定的相关管理办法（1分）',
  '2',
  '2',
  '用以反映和考核决策是否符合预算绩效管理要求和资金管理办法'),
 ('',
  '决策过程',
  '决策程序规范',
  '程序合规完整',
  '按照全市统一工作部署，召开专题会，成立了剑阁县医保营商环境与服务体系能力建设工作小组，制定工作方案，对拟定项目进行必要性、可行性论证，按规定履行立项审批、预算评审等报批程序，确保决策程序规范有序。',
  '①对转移支付资金支持项目的必要性、可行性等进行科学论证(1分)\n②按规定履行立项审批、预算评审等报批程序（1分）',
  '2',
  '2',
  '用以反映和考核项目决策规范程度'),
 ('项目\n决策\n(22分)',
  '绩效目标',
  '绩效目标设置科学',
  '遵照财政厅和省医疗保障局下达的年度总体目标和具体绩效指标',
  '我局绩效目标设置从产出指标、效益指标、满意度指标等三个方面进行科学制定，全维度提升我县医疗保障服务能力。',
  '①按照财政厅和省医疗保障局下达的绩效目标表进行细化，目标设置合理科学（1分）②明确产出指标、满意度指标等绩效指标要求（1分）',
  '2',
  '2',
  '用以反映绩效目标的设置情况'),
 ('', '', '绩效目标分解细化', '对财政厅和省医疗保障局下达的年度绩效目标结合实际进行分解细化', '按照总体目标内容，围绕绩效目标3个方面进行细化分解为14项指标，确保医疗保障服务能力提升工作具体可行。', '①市级按照要求同步细化分解下达绩效目标（1分）\n②细化分解下达的绩效目标与财政厅和省医疗保障局要求一致（1分）', '2', '2', '用以反映绩效目标的分解情况'),
 ('',
  '资金分配',
  '资金分配规范性',
  '按规定时限下达资金',
  '我县专项资金主要用于县域内县乡村三级医保服务体系建设、持续打击欺诈骗保、医保政策宣传、医保信息平台网络维护等方面，根据项目侧重规范合理分配资金，确保项目高效推进，提高专项资金使用效益。',
  '市级财政部门收到中央财政转移支付资金预算后,在30日内会同医保部门正式下达到本行政区域县级财政部门和医保部门（2分）',
  '2',
  '2',
  '用以反映资金分配的规范性'),
 ('', '', '资金分配合理性', '符合预算管理和医疗服务与保障能力提升补助资金管理要求', '根据项目侧重规范合理分配资金，确保项目高效推进，提高专项资金使用效益。', '①资金分配方案符合财政厅和省医疗保障局下达的文件要求（1分）\n2、资金分配与绩效评价结果挂钩（3分）', '4', '4', '用以反映预算资金分配的合理性'),
 ('过程管理\n（22分）', '资金管理', '预算执行率', '≥90%', '2022年全县医疗保障与服务能力提升专项资金支出累计分配69万元，当年预算执行率为100%。', '全年执行数/全年预算数*10分(执行率≥90%,按10分计算)', '10', '10', '用以反映和考核项目预算执行情况'),
 ('', '', '资金使用合规性', '资金使用符合相关规定', '我局严格执行相关财务管理制度，认真按照批准项目和资金计划执行，对专项资金独立核算，专款专用，过程资料真实完整准确。', '①符合财经法规和有关专项资金管理办法(1分)②有完整的审批程序和手续(1分)③未发生截留、挤占、挪用、虚列支出等情况(1分)', '3', '3', '用以反映和考核项目资金的规范运行情况'),
 ('',
  '',
  '资金监管有效性',
  '监管措施有力',
  '通过加强专项资金监管，突出统筹协调、拨付速度、财政监管、使用效益等方面的管理，推行预算绩效管理制度，加强内控机制建设，完善管理办法，进一步提高专项资金使用的安全性、规范性和有效性。',
  '①各级医疗保障、财政部门以及转移支付资金具体使用单位，按照财政预算和国库管理有关规定，制定资金管理办法(3分)②市级医疗保障部门会同财政部门，做好能力提升补助资金支出监管，建立监管长效机制(1分)',
  '4',
  '4',
  '用以反映各级部门资金管理、监管的措施和执行情况'),
 ('', '组织管理', '管理制度健全有效性', '制度健全且执行有效', '严格按照专项资金管理制度规定的资金申报制度、资金使用制度、资金监督管理制度、资金财务支出制度执行。', '①别建立相应的管理制度(1分）\n②立项审批、招标采购、工程结算等规范运作、手续齐全(1分)', '2', '2', '用以反映各级部门项目管理、监管的措施和执行情况'),
 ('', '', '绩效评价机制健全性', '全面实现绩效管理', '我局按照全市统一的医疗服务与保障能力提升补助资金绩效评价指标体系进行绩效评价。', '1绩效指标细化明确(1分)2评价报告规范完整(1分)3自评报告上报及时(1分)', '3', '3', '用以反映全过程预算绩效管理情况'),
 ('项目\n产出\n（50分）', '数量指标', '召开医保工作省级新闻发布会和政策吹风会', '≥2次', '我县未召开省级新闻发布会和政策吹风会。', '满分:≥2次\n合格:1次\n零分:0次', '2', '0', '召开医保工作政府信息公开省级工作会的情况（此项无填0分）'),
 ('', '', '推进医保政府信息公开', '医保政府信息', '我局全年主动公开所有“主动公开”文件，有效办理信息公开申请。', '①主动公开所有“主动公开”文件（1分）\n②有效办理信息公开申请（1分）', '2', '2', '提升政府信息公开工作的透明性和公开性'),
 ('', '', '在官方网站或微信公众号发布政策文件和解读', '实现医保信息公开', '我局2022年在县级官方网站或部门相关微信公众号发布政策文件和解读共36次。', '满分:≥31次\n合格:≥20次\n零分:＜10次', '2', '2', '在官方网站或微信公众号发布医保政策文件和解读情况'),
 ('', '', '报送工作信息情况', '工作信息报送及时，质量较高', '2022年我局向市医疗保障局报送政务信信息18条，采用2条，信息亮点突出、问题鲜明、建议可行。', '①信息报送及时反映本地工作进展情况（1分）\n②信息亮点突出、问题鲜明、建议可行（1分）', '2', '2', '向市、省医疗保障局、国家医保局办公室报送政务信息，包括亮点工作、问题反映或政策建议'),
 ('', '', '医保规范性文件和政策措施的合法性审查、公平竞争审查', '全覆盖', '我局严格按照相关规定对医保规范性文件和政策措施进行合法性审查、公平竞争审查。', '满分：全覆盖\n发现1项不合格扣为0分', '1', '1', '医保规范性文件和政策措施的合法性审查、公平竞争审查情况'),
 ('', '', '医保信息系统验收合格率', '≥90%', '医保信息系统验收合格率99%，达到设定目标。', '满分:≥90%\n合格:≥80%\n零分:≤50%其他:合格之上:60+40*(实际值-80%)/10%合格之下: 60-60*(80%-实际值)/30%', '2', '2', '报告期内新建医保信息系统项目验收合格数量占新建医保信息系统项目数量的比重'),
 ('项目\n产出\n（50分）',
  '数量指标',
  '医保信息系统正常运行率',
  '≥90%',
  '医保信息系统服务全县50多万医保参保人群，接入实时联网结算定点医药机构168余家，信息系统正常运行率100%，达到设定目标。',
  '满分:≥90%\n合格:≥80%\n零分:≤50%\n其他:合格之上:60+40*(实际值-80%)/10%合格之下:60-60*(80%-实际值)/30%',
  '2',
  '2',
  '报告期内完工并正常运行的医保信息系统数量占完工医保信息系统数量的比重'),
 ('', '', '医保信息系统重大安全事件响应时间', '≤60分钟', '我县严格按照市医保信息系统安全保障方案及运维应急预案执行，明确重大安全事件诊断和恢复处理时间，符合设定1小时内设定目标。', '满分:≤60分钟\n合格:系统建设有设定\n零分:无设定', '2', '2', '信息系统发生重点安全事件做出响应的时间'),
 ('', '', '医保信息系统运行维护响应时间', '≤30分钟', '我县严格按照市医保信息系统安全保障方案及运维应急预案执行，明确重大安全事件诊断和恢复处理时间，符合设定1小时内设定目标。', '满分:≤30分钟\n合格:系统建设有设定\n零分:无设定', '2', '2', '医保信息系统故障运行维护的响应时间'),
 ('',
  '',
  '飞行监督检查覆盖率',
  '100%',
  '通过组织“双随机一公开”检查、飞行检查、专项行动、举报核查，结合日常巡查、网上监控等形式，实现监督检查全方位、常态化，全年检查定点医药机构168家，检查覆盖率100%，达到设定目标。',
  '满分:100%\n合格:95%\n零分:<95%\n其他:合格之上:60+40*(实际值-95%)/5%',
  '2',
  '2',
  '对定点医疗机构和定点零售药店监督检查全覆盖'),
 ('',
  '',
  '推行医保支付方式改革和DRG、DIP试点',
  '逐步推开',
  '持续推进以DRG付费为核心的多元付费方式改革，全县40家定点医院全覆盖实行DRG付费。',
  '满分:市级出台支付方式改革文件并落实到位。DRG、DIP付费国家试点进展监测评估结果为“进度优秀”\n合格（1分）:市级出台支付方式改革文件并落实到位，有国家支付方式改革和DRG、DIP试点通过试点监测评估\n零分:未开展任何医保支付方式改革',
  '2',
  '2',
  '通过省级政府出台支付改革文件,国家试点进展情况,试点监测评估结果等衡量'),
 ('项目\n产出\n（50分）',
  '质量指标',
  '医保法治建设能力',
  '有所提高',
  '我局紧紧围绕法治建设工作要求，推进法治建设组织领导，加强法治建设制度建设和专业人员配备，开展法治建设宣传教育，不断完善行政执法公示、重大执法决定法制审核制度，提高运用法治思维和法治方式推动医保高质量发展，应对医保基金风险的能力，不断提升医保行业依法行政水平。',
  '1.制定医保法治建设方面制度实施（2分）\n2.配备专职或兼职法律工作人员（2分）',
  '4',
  '4',
  '用以反映医保法治建设能力情况'),
 ('',
  '',
  '基金预警和风险防控能力',
  '有所提高',
  '实时监控定点医疗机构医保信息数据，加强部门协调联动，加大欺诈骗保打击力度，加强医保协议管理，实现监管手段有效衔接，综合运用多部门、大数据、纠指标、严处理等方式，建立常态化医保基金风险预警防控机制，前置医保基金监管，保障基金运行安全。',
  '1. 定期进行医保基金运行分析（2分）\n2. 建立医保基金分析防控机制（3分）',
  '5',
  '5',
  '用以反映基金预警和风险防控能力情况'),
 ('',
  '',
  '医保标准化水平',
  '显著提升',
  '一是迅速发动，覆盖全县。我县率先启动县级医保服务大厅的标准化设计和改造，同步加强对29个乡镇医疗保障服务站、364个村（社区）医疗保障服务室的标准化建设，实现县乡村三级医保经办服务体系全覆盖；二是因地制宜，量身打造。做优县级经办，做强镇级经办，做实村级经办；三是系统完善，内外兼修。健全大厅管理制度，强化人员培训学习，全面提升业务经办人员综合素质。',
  '承担国家、省、市医保公共服务标准化试点项目（3分）\n完成国家医保标准化15项标准的贯标工作（1分）',
  '4',
  '4',
  '用以反映标准化建设项目资金的效果'),
 ('',
  '',
  '医保经办服务能力',
  '有所提升',
  '通过对医保经办服务事项全面梳理、分类细化和流程明确，规范窗口和热线服务岗位等人员文明用语、行为准则、服务礼仪，创新政务服务方式，大力推行“网上办”、“掌上办”，实行综合柜员制和一窗办理，实行全市、全县通办，落实政务服务“好差评”制度，持续优化营商环境，推动我县医保经办服务水平提质增效。',
  '医保经办机构归口管理、独立运行。（4分）\n医保经办清单全面落实（2分）\n实行综合柜员制和一窗办理，实行全市、全县通办（2分）',
  '10',
  '10',
  '用以反映医保经办机构的服务能力,可依据第三方评估结果（部分地区）'),
 ('',
  '',
  '医保综合监管能力',
  '显著提升',
  '我局通过自查自纠，强力监管，构建长效机制等方式，让医保基金监管逐步形成堵漏洞、强监管、重规范、严震摄的工作态势。',
  '满分（2分）:医保综合监管能力较上年提高5%及以上\n合格（1）:医保综合监管能力较上年提高5%以内\n零分:医保综合监管能力较上年下降',
  '2',
  '2',
  '用以反映医保监管项目资金的效果（开展监管的相关记录）'),
 ('项目\n产出\n（50分）', '质量指标', '跨省异地就医直接结算率', '有所提高', '根据基本医疗保险异地就医情况统计，2022年职工、居民基本医疗保险跨省直接结算率较往年明显提高。', '满分:较往年提高（2分）\n合格:较往年持平（1分）\n零分:较往年降低（0分）', '2', '2', '报告期居民医保跨省异地就医直接结算人数占跨省异地就医人数的比重变化情况'),
 ('',
  '',
  '医保新闻宣传、政府信息工作和政策研究能力等方面培训',
  '有所提高',
  '我县充分运用各种媒介，全方位多角度开展医保宣传工作，加大医保政策宣传力度，结合医保政策宣传月集中宣传医保政策，启动打击欺诈骗保宣传月活动，助推医保政策深入民心，提升群众医保政策知晓率和满意度。',
  '满分:较往年提高（2分）\n合格:较往年持平（1分）\n零分:较往年降低（0分）',
  '2',
  '2',
  '开展医保新闻宣传、政府信息工作和政策研究培训\n配备医保新闻宣传、政府信息工作和政策研究的刊物、资料'),
 ('项目效益\n（10分）', '服务对象满意度', '工作满意度', '≥85%', '经过绩效测评，实施医疗保障服务能力项目后，参保人员对医保服务的满意度99%以上，定点医疗机构对医保管理服务满意度99%以上。', '满分:大于85%\n合格:等于85%\n零分:小于85%', '10', '10', '用以反映保障能力提升的效果和社会影响')]

ZT_INDICATORS = [  # 一级, 二级, 三级, 预期, 实际, 自评得分   (None = merged with the row above)
    ("完成指标", "数量指标", "配合上级专项稽核", "≥10天", "≥10天", 10),
    (None, None, "全年对区域内城乡居民医保定点医疗机构进行全面检查", "≥1次", "≥1次", 10),
    (None, None, "完成辖区内普通城乡居民人数参保缴费任务", "≥52万人", "≥52万人", 10),
    (None, "质量指标", "基本医疗保险的参保率达应参保人数的比例", "≥95%", "≥95%", 10),
    (None, None, "县级财政参保配套资金到位率", "≥100%", "≥100%", 5),
    (None, "时效指标", "按时完成配套资金的拨付", datetime.datetime(2022, 12, 31), datetime.datetime(2022, 12, 31), 5),
    ("效益指标", "经济效益\n指标", "保障全县参保群众利益，规范管理医药机构", "成效明显", "成效明显", 10),
    (None, "社会效益", "对减轻区内患者医疗费用负担，保障人民群众医疗权利的作用", "不断增强", "不断增强", 20),
    ("满意度指标", "满意度指标", "受益群众的满意程度", "≥95%", "≥95%", 10),
]


def merge_runs(ws, col, first_row, labels):
    """Merge a column over runs where a label is followed by None (= same as above)."""
    start = None
    for k, lab in enumerate(list(labels) + ["END"]):
        if lab is not None:
            if start is not None and first_row + k - 1 > start:
                ws.merge_cells(f"{col}{start}:{col}{first_row + k - 1}")
            start = first_row + k


def dept_selfeval_sheet(ws):
    widths(ws, {"A": 10, "B": 10, "C": 11, "D": 30, "E": 18, "F": 18, "G": 14, "H": 9, "I": 9})
    merge(ws, "A1:I1", "2022年度部门整体支出绩效目标自评表", font=FONT_T)
    merge(ws, "H2:I2", "单位：万元", align=RIGHT)
    put(ws, "A3", "部门（单位）名称")
    merge(ws, "B3:I3", "剑阁县医疗保障局", align=LEFT)
    n = len(ZT_TASKS)
    merge(ws, f"A4:A{4 + n}", "年度\n主要\n任务")
    merge(ws, "B4:E4", "年初任务目标")
    merge(ws, "F4:I4", "实际完成目标")
    for k, (a, b) in enumerate(ZT_TASKS):
        merge(ws, f"B{5 + k}:E{5 + k}", a, align=LEFT)
        merge(ws, f"F{5 + k}:I{5 + k}", b, align=LEFT)
    r = 5 + n                                    # 15
    merge(ws, f"A{r}:A{r + 3}", "预算执行情况（万元）")
    merge(ws, f"B{r}:C{r}", None)
    for col, h in zip("DEFG", ["全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A)"]):
        put(ws, f"{col}{r}", h)
    merge(ws, f"H{r}:I{r}", "得分")
    merge(ws, f"B{r+1}:C{r+1}", "年度资金总额：", align=LEFT)
    put(ws, f"D{r+1}", 6560.14, AMT)
    put(ws, f"E{r+1}", 6560.14, AMT)
    put(ws, f"F{r+1}", 10)
    put(ws, f"G{r+1}", 1, PCT0)
    merge(ws, f"H{r+1}:I{r+1}", 10)
    merge(ws, f"B{r+2}:C{r+2}", " 其中：财政拨款", align=LEFT)
    put(ws, f"D{r+2}", "6560.14")              # text, as pasted
    put(ws, f"E{r+2}", 6560.14, AMT)
    put(ws, f"G{r+2}", "100%")                 # text
    merge(ws, f"H{r+2}:I{r+2}", None)
    merge(ws, f"B{r+3}:C{r+3}", "其他资金", align=LEFT)
    merge(ws, f"H{r+3}:I{r+3}", None)
    g = r + 4                                    # 19: 年度总体目标 (the seed has an empty row under the header)
    merge(ws, f"A{g}:A{g+2}", "年度\n总体\n目标")
    merge(ws, f"B{g}:E{g}", "预期目标")
    merge(ws, f"F{g}:I{g}", "实际完成目标")
    merge(ws, f"B{g+1}:E{g+1}", None)
    merge(ws, f"F{g+1}:I{g+1}", None)
    merge(ws, f"B{g+2}:E{g+2}", ZT_GOAL, align=LEFT)
    merge(ws, f"F{g+2}:I{g+2}", ZT_GOAL, align=LEFT)
    h = g + 3                                    # 22
    merge(ws, f"A{h}:A{h + len(ZT_INDICATORS)}", "年度\n绩效\n指标")
    for col, t in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "预期指标值（包含数字及文字描述）",
                                   "实际完成指标值（包含数字及文字描述）", "未完成原因及拟采取的改进措施", "自评得分", "财政复评得分"]):
        put(ws, f"{col}{h}", t)
    for k, (l1, l2, l3, e, a, s) in enumerate(ZT_INDICATORS):
        rr = h + 1 + k
        if l1:
            put(ws, f"B{rr}", l1)
        if l2:
            put(ws, f"C{rr}", l2)
        put(ws, f"D{rr}", l3, align=LEFT)
        fmt = "yyyy-mm-dd" if isinstance(e, datetime.datetime) else None
        put(ws, f"E{rr}", e, fmt)
        put(ws, f"F{rr}", a, fmt)
        put(ws, f"H{rr}", s)
    merge_runs(ws, "B", h + 1, [x[0] for x in ZT_INDICATORS])
    merge_runs(ws, "C", h + 1, [x[1] for x in ZT_INDICATORS])
    t = h + 1 + len(ZT_INDICATORS)               # 总分 row (INVENTED: the seed states 100分 in its text only)
    merge(ws, f"A{t}:G{t}", "总分", font=FONT_B)
    put(ws, f"H{t}", f"=H{r+1}+SUM(H{h+1}:H{t-1})")
    grid(ws, f"A3:I{t}")
    heights(ws, range(5, 5 + n), 42)
    ws.row_dimensions[g + 2].height = 60
    return {"fund_budget": f"D{r+1}", "fund_executed": f"E{r+1}", "fund_score": f"H{r+1}", "total": f"H{t}"}


def wb_dept_selfeval():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    return wb, {ws.title: dept_selfeval_sheet(ws)}


A2_HEADER = ["一级\n指标", "二级\n指标", "三级指标", "标准值", "实际值\n(2022年)", "评分标准", "分值", "自评\n得分", "指标说明"]
A2_GROUP_LABEL = {"项目决策": "项目\n决策\n(18分)", "过程管理": "过程管理\n（22分）", "项目产出": "项目\n产出\n（50分）",
                  "项目效益": "项目效益\n（10分）"}


def a2_rows():
    """The seed's rows with the page-break repeats undone: (一级 group, 二级 or None, 三级, 标准值, 实际值, 评分标准, 分值, 得分, 说明)."""
    out = []
    group = None
    prev_l2 = None
    for r in A2_ROWS:
        l1 = r[0]
        if l1:
            g = re.sub(r"[\s（(].*", "", l1.replace("\n", ""))
            new_group = g != group
            group = g
        else:
            new_group = False
        l2 = r[1] or None
        if l2 is not None and l2 == prev_l2 and not new_group:
            l2 = None                               # "数量指标" repeated after a page break
        if l2 is not None:
            prev_l2 = l2
        out.append((group, l2) + tuple(r[2:6]) + (int(r[6]), int(r[7]), r[8]))
    return out


def a2_sheet(ws, seed_page_breaks=False):
    """附件: 医疗服务与保障能力提升补助资金绩效评价指标体系 (seed 001 附件2).
    seed_page_breaks=True reproduces the Word table's page breaks: the header row repeated and the 一级
    label restarted at each break, including the seed's own slip "项目决策(22分)"."""
    widths(ws, {"A": 8, "B": 9, "C": 18, "D": 16, "E": 36, "F": 30, "G": 6, "H": 6, "I": 24})
    put(ws, "A1", "附件", font=FONT_T2, align=LEFT_NW)
    merge(ws, "A2:I2", "医疗服务与保障能力提升补助资金（医疗保障服务能力提升部分）", font=FONT_T2)
    merge(ws, "A3:I3", "绩效评价指标体系", font=FONT_T)
    rows = a2_rows()
    # page breaks of the seed (before these 三级 indicators the seed repeats the header / 一级 label)
    breaks = {"绩效目标设置科学": "项目\n决策\n(22分)", "医保信息系统正常运行率": None, "医保法治建设能力": None,
              "跨省异地就医直接结算率": None} if seed_page_breaks else {}
    r = 4
    hdr_rows = []
    def header(rr):
        for col, t in zip("ABCDEFGHI", A2_HEADER):
            put(ws, f"{col}{rr}", t, font=FONT_B)
        hdr_rows.append(rr)
    header(r)
    r += 1
    segs = []            # (first_row, label) of 一级 merged blocks
    l2segs = []
    prev_group = None
    data_rows = []
    for (group, l2, l3, std, act, rule, w, s, note) in rows:
        if l3 in breaks:
            header(r)
            r += 1
            lab = breaks[l3] or A2_GROUP_LABEL[group]
            segs.append((r, lab))
            l2segs.append((r, l2 or last_l2))
        elif group != prev_group:
            segs.append((r, A2_GROUP_LABEL[group]))
        if l2 is not None:
            last_l2 = l2
            if not l2segs or l2segs[-1][0] != r:
                l2segs.append((r, l2))
        prev_group = group
        put(ws, f"C{r}", l3, align=LEFT)
        put(ws, f"D{r}", std, align=LEFT)
        put(ws, f"E{r}", act, align=LEFT)
        put(ws, f"F{r}", rule, align=LEFT)
        put(ws, f"G{r}", w)
        put(ws, f"H{r}", s)
        put(ws, f"I{r}", note, align=LEFT)
        data_rows.append(r)
        r += 1
    end = r - 1
    def close(segments, col):
        for k, (a, lab) in enumerate(segments):
            b = segments[k + 1][0] - 1 if k + 1 < len(segments) else end
            while b in hdr_rows:
                b -= 1
            merge(ws, f"{col}{a}:{col}{b}", lab)
    close(segs, "A")
    close(l2segs, "B")
    # 合计 row (INVENTED: the seed gives 98 only in its text)
    merge(ws, f"A{r}:F{r}", "合计", font=FONT_B)
    put(ws, f"G{r}", f"=SUM(G5:G{end})")
    put(ws, f"H{r}", f"=SUM(H5:H{end})")
    put(ws, f"I{r}", None)
    grid(ws, f"A4:I{r}")
    heights(ws, data_rows, 96)
    return {"data_rows": data_rows, "total_row": r}


def wb_a2(seed_page_breaks=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效评价指标体系"
    return wb, {ws.title: a2_sheet(ws, seed_page_breaks)}


# ================================================================================================
# Seed 001: 剑阁县医疗保障局 部门决算公开 nine tables, 2022 and 2021 (万元)
# ================================================================================================
DEPT = "剑阁县医疗保障局"
CODE_NAMES = {
    "208": "社会保障和就业支出", "20801": "人力资源和社会保障管理事务", "2080199": "其他人力资源和社会保障管理事务支出",
    "20805": "行政事业单位养老支出", "2080505": "机关事业单位基本养老保险缴费支出",
    "20827": "财政代缴社会保险费支出", "2082702": "财政代缴其他社会保险费支出",
    "210": "卫生健康支出", "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101102": "事业单位医疗",
    "21013": "医疗救助", "2101301": "城乡医疗救助",
    "21015": "医疗保障管理事务", "2101501": "行政运行", "2101550": "事业运行", "2101599": "其他医疗保障管理事务支出",
    "213": "农林水支出", "21305": "巩固脱贫衔接乡村振兴", "2130506": "社会发展",
    "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金",
    "229": "其他支出", "22960": "彩票公益金安排的支出", "2296013": "用于城乡医疗救助的彩票公益金支出",
}
CLASSES_01 = [  # 2022 功能分类 类, in the order of the 公开01/04 tables
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"), ("205", "教育支出"),
    ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
    ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"), ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("231", "债务还本支出"), ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
]
CN_NUM = "一二三四五六七八九十"


def cn(n):
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


ECON_301 = [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30106", "伙食补助费"), ("30107", "绩效工资"),
            ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
            ("30111", "公务员医疗补助缴费"), ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"),
            ("30199", "其他工资福利支出")]
ECON_303 = [("30301", "离休费"), ("30302", "退休费"), ("30303", "退职（役）费"), ("30304", "抚恤金"), ("30305", "生活补助"),
            ("30306", "救济费"), ("30307", "医疗费补助"), ("30308", "助学金"), ("30309", "奖励金"),
            ("30310", "个人农业生产补贴"), ("30399", "其他对个人和家庭的补助")]
ECON_302 = [("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30204", "手续费"), ("30205", "水费"),
            ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"), ("30209", "物业管理费"), ("30211", "差旅费"),
            ("30212", "因公出国（境）费用"), ("30213", "维修（护）费"), ("30214", "租赁费"), ("30215", "会议费"),
            ("30216", "培训费"), ("30217", "公务接待费"), ("30218", "专用材料费"), ("30224", "被装购置费"),
            ("30225", "专用燃料费"), ("30226", "劳务费"), ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"),
            ("30231", "公务用车运行维护费"), ("30239", "其他交通费用"), ("30240", "税金及附加费用"),
            ("30299", "其他商品和服务支出")]
ECON_307 = [("30701", "国内债务付息"), ("30702", "国外债务付息")]
ECON_310 = [("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
            ("31007", "信息网络及软件购置更新"), ("31099", "其他资本性支出")]
ECON_399 = [("39906", "赠与"), ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"),
            ("39999", "其他支出")]

# Leaves: 项 code -> (fund, basic, project); fund "gen" = 一般公共预算, "gov" = 政府性基金预算.
FY = {
    2022: dict(
        year=2022,
        leaves={
            "2080199": ("gen", "0", "9.30"),        # seed §五(三)1   9.3
            "2080505": ("gen", "28.21", "0"),       # seed §五(三)2
            "2101101": ("gen", "11.85", "0"),       # seed §五(三)3
            "2101102": ("gen", "2.25", "0"),        # seed §五(三)4
            "2101301": ("gen", "0", "2299.53"),     # seed §五(三)5
            "2101501": ("gen", "274.45", "0"),      # seed §五(三)6
            "2101550": ("gen", "54.60", "0"),       # seed §五(三)7
            "2101599": ("gen", "0", "39.00"),       # seed §五(三)8
            "2130506": ("gen", "0", "689.57"),      # seed §五(三)9
            "2210201": ("gen", "21.15", "0"),       # seed §五(三)10
            "2296013": ("gov", "0", "125.91"),      # seed §八 125.91; code INVENTED
        },
        # 人员经费 (301 + 303): 30108/30110/30113 follow the 项 above; the rest INVENTED
        personnel={"30101": "96.42", "30102": "88.37", "30103": "12.06", "30107": "61.58", "30108": "28.21",
                   "30110": "14.10", "30112": "2.71", "30113": "21.15", "30199": "18.15",
                   "30305": "2.66", "30309": "0.50"},
        # 公用经费 (302): seed 001 附件1 二(一)2 (budget, in 元, rounded to 万元); 310 none
        public={"30201": "10.18", "30202": "3.00", "30205": "0.20", "30206": "2.40", "30209": "1.00", "30211": "4.00",
                "30213": "0.50", "30214": "3.00", "30217": "1.50", "30226": "0.50", "30228": "1.26", "30229": "2.10",
                "30239": "16.96"},
        three_budget={"abroad": "0", "purchase": "0", "operation": "0", "reception": "1.50"},
        three_actual={"abroad": "0", "purchase": "0", "operation": "0", "reception": "1.50"},
        batches=45, persons=360,
    ),
    2021: dict(
        year=2021,
        leaves={  # totals implied by seed 001 §一/§五 comparisons; the split of 基本 across 项 is INVENTED
            "2080199": ("gen", "0", "9.30"),
            "2080505": ("gen", "25.76", "0"),
            "2082702": ("gen", "0", "793.00"),      # 689.57 + 103.43 (困难群众社会保险个人缴费财政代缴)
            "2101101": ("gen", "10.92", "0"),
            "2101102": ("gen", "2.07", "0"),
            "2101301": ("gen", "0", "2658.11"),     # 2299.53 + 358.58 (城乡居民医疗救助, 一般公共预算)
            "2101501": ("gen", "250.49", "0"),
            "2101550": ("gen", "49.87", "0"),
            "2101599": ("gen", "0", "39.00"),
            "2210201": ("gen", "19.47", "0"),
            "2296013": ("gov", "0", "166.77"),      # 125.91 + 40.86 (= 399.44 - 358.58)
        },
        personnel={"30101": "86.40", "30102": "78.95", "30103": "10.80", "30107": "51.20", "30108": "25.76",
                   "30110": "12.99", "30112": "2.43", "30113": "19.47", "30199": "14.02",
                   "30305": "2.36", "30309": "0.50"},
        public={"30201": "12.30", "30202": "3.50", "30205": "0.20", "30206": "2.60", "30209": "1.00", "30211": "5.20",
                "30213": "0.80", "30214": "3.00", "30215": "0.60", "30216": "1.20", "30217": "2.85", "30226": "0.50",
                "30228": "1.14", "30229": "1.90", "30239": "16.91"},
        three_budget={"abroad": "0", "purchase": "0", "operation": "0", "reception": "3.00"},   # INVENTED
        three_actual={"abroad": "0", "purchase": "0", "operation": "0", "reception": "2.85"},
        batches=None, persons=None,
    ),
}


def fa_compute(fy):
    """Aggregate the leaves into 类/款/项 nodes per fund; everything else follows by addition."""
    nodes = {}   # code -> dict(fund -> [basic, project])
    for code, (fund, b, p) in fy["leaves"].items():
        for c in (code[:3], code[:5], code):
            n = nodes.setdefault(c, {})
            acc = n.setdefault(fund, [D(0), D(0)])
            acc[0] += D(b)
            acc[1] += D(p)
    def tot(code, fund=None, part=None):
        n = nodes.get(code, {})
        s = D(0)
        for fu, (b, p) in n.items():
            if fund and fu != fund:
                continue
            s += (b if part == "b" else p if part == "p" else b + p)
        return s
    out = dict(nodes=nodes, tot=tot)
    gen = sum((tot(c, "gen") for c in nodes if len(c) == 3), D(0))
    gov = sum((tot(c, "gov") for c in nodes if len(c) == 3), D(0))
    basic = sum((tot(c, None, "b") for c in nodes if len(c) == 3), D(0))
    project = sum((tot(c, None, "p") for c in nodes if len(c) == 3), D(0))
    gen_basic = sum((tot(c, "gen", "b") for c in nodes if len(c) == 3), D(0))
    gen_project = sum((tot(c, "gen", "p") for c in nodes if len(c) == 3), D(0))
    p301 = sum((D(v) for k, v in fy["personnel"].items() if k.startswith("301")), D(0))
    p303 = sum((D(v) for k, v in fy["personnel"].items() if k.startswith("303")), D(0))
    p302 = sum((D(v) for k, v in fy["public"].items() if k.startswith("302")), D(0))
    p310 = sum((D(v) for k, v in fy["public"].items() if k.startswith("310")), D(0))
    out.update(gen=gen, gov=gov, total=gen + gov, basic=basic, project=project, gen_basic=gen_basic,
               gen_project=gen_project, p301=p301, p303=p303, p302=p302, p310=p310,
               personnel=p301 + p303, public_use=p302 + p310)
    assert out["personnel"] + out["public_use"] == gen_basic, (fy["year"], out["personnel"], out["public_use"], gen_basic)
    assert D(fy["public"]["30217"]) == D(fy["three_actual"]["reception"])
    return out


def fa_head(ws, title, tag, lastcol, year, unit_text="金额单位：万元"):
    merge(ws, f"A1:{lastcol}1", title, font=FONT_T)
    put(ws, f"{lastcol}2", tag, align=RIGHT)
    merge(ws, "A3:B3", f"部门：{DEPT}", align=LEFT)
    put(ws, "D3", f"{year}年度")
    put(ws, f"{lastcol}3", unit_text, align=RIGHT)


def money(ws, ref, v, blank_zero=True):
    v = D(v)
    if v == 0 and blank_zero:
        put(ws, ref, None, AMT, align=RIGHT)
    else:
        put(ws, ref, f(v), AMT, align=RIGHT)


def t01(ws, fy, c):
    widths(ws, {"A": 34, "B": 6, "C": 14, "D": 34, "E": 6, "F": 14})
    fa_head(ws, "收入支出决算总表", "公开01表", "F", fy["year"])
    merge(ws, "A4:C4", "收    入", font=FONT_B)
    merge(ws, "D4:F4", "支    出", font=FONT_B)
    for col, t in zip("ABCDEF", ["项    目", "行次", "决算数", "项    目", "行次", "决算数"]):
        put(ws, f"{col}5", t, font=FONT_B)
    for col, t in zip("ABCDEF", ["栏    次", None, 1, "栏    次", None, 2]):
        put(ws, f"{col}6", t)
    income = [("一、一般公共预算财政拨款收入", c["gen"]), ("二、政府性基金预算财政拨款收入", c["gov"]),
              ("三、国有资本经营预算财政拨款收入", 0), ("四、上级补助收入", 0), ("五、事业收入", 0), ("六、经营收入", 0),
              ("七、附属单位上缴收入", 0), ("八、其他收入", 0)]
    n = len(CLASSES_01)
    for k in range(n):
        r = 7 + k
        put(ws, f"B{r}", k + 1)
        if k < len(income):
            put(ws, f"A{r}", income[k][0], align=LEFT)
            money(ws, f"C{r}", income[k][1])
        code, name = CLASSES_01[k]
        put(ws, f"D{r}", f"{cn(k + 1)}、{name}", align=LEFT)
        put(ws, f"E{r}", n + 5 + k)
        money(ws, f"F{r}", c["tot"](code))
    r = 7 + n                                   # 33
    left = [("本年收入合计", c["total"]), ("使用非财政拨款结余", 0), ("年初结转和结余", 0), ("总计", c["total"])]
    right = [("本年支出合计", c["total"]), ("结余分配", 0), ("年末结转和结余", 0), ("总计", c["total"])]
    for k, ((a, av), (b, bv)) in enumerate(zip(left, right)):
        rr = r + k
        put(ws, f"A{rr}", a, font=FONT_B)
        put(ws, f"B{rr}", n + 1 + k)
        money(ws, f"C{rr}", av, blank_zero=False)
        put(ws, f"D{rr}", b, font=FONT_B)
        put(ws, f"E{rr}", 2 * n + 5 + k)
        money(ws, f"F{rr}", bv, blank_zero=False)
    grid(ws, f"A4:F{r + 3}")
    merge(ws, f"A{r + 4}:F{r + 4}", "注：本表反映部门本年度的总收支和年末结转结余情况。", align=LEFT)
    return {"income_year_total": f"C{r}", "income_total": f"C{r + 3}", "exp_year_total": f"F{r}",
            "exp_total": f"F{r + 3}"}


def sorted_codes(c, fund=None):
    codes = [k for k, n in c["nodes"].items() if fund is None or fund in n]
    return sorted(codes, key=lambda k: (k[:3], k[:5] if len(k) >= 5 else "", k))


def code_table(ws, fy, c, title, tag, heads, values, fund=None, code_as_number=False, indent=False, lastcol=None,
               note=None):
    """Generic 科目编码 | 科目名称 | amounts table (公开02/03/05/08). values(code or None) -> list of amounts."""
    ncol = 2 + len(heads)
    lastcol = get_column_letter(ncol)
    widths(ws, {"A": 11, "B": 34, **{get_column_letter(i): 13 for i in range(3, ncol + 1)}})
    fa_head(ws, title, tag, lastcol, fy["year"])
    put(ws, "A4", "科目编码", font=FONT_B)
    put(ws, "B4", "科目名称", font=FONT_B)
    top = {}
    for i, h in enumerate(heads):
        col = get_column_letter(3 + i)
        if isinstance(h, tuple):                # (group, sub)
            top.setdefault(h[0], []).append(col)
            put(ws, f"{col}5", h[1], font=FONT_B)
        else:
            merge(ws, f"{col}4:{col}5", h, font=FONT_B)
    for g, cols in top.items():
        merge(ws, f"{cols[0]}4:{cols[-1]}4", g, font=FONT_B)
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    merge(ws, "A6:B6", "栏次")
    for i in range(len(heads)):
        put(ws, f"{get_column_letter(3 + i)}6", i + 1)
    merge(ws, "A7:B7", "合计", font=FONT_B)
    for i, v in enumerate(values(None)):
        money(ws, f"{get_column_letter(3 + i)}7", v, blank_zero=False)
    r = 8
    rows = {}
    for code in sorted_codes(c, fund):
        name = CODE_NAMES[code]
        if indent:
            name = {3: "", 5: "  ", 7: "    "}[len(code)] + name
        put(ws, f"A{r}", int(code) if code_as_number else code, align=LEFT)
        put(ws, f"B{r}", name, align=LEFT)
        for i, v in enumerate(values(code)):
            money(ws, f"{get_column_letter(3 + i)}{r}", v)
        rows[code] = r
        r += 1
    grid(ws, f"A4:{lastcol}{r - 1}")
    if note:
        merge(ws, f"A{r}:{lastcol}{r}", note, align=LEFT)
    return {"rows": rows, "total_row": 7, "lastcol": lastcol}


def t02(ws, fy, c):
    heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    def values(code):
        t = c["total"] if code is None else c["tot"](code)
        return [t, t, 0, 0, 0, 0, 0]
    return code_table(ws, fy, c, "收入决算表", "公开02表", heads, values, code_as_number=True,
                      note="注：本表反映部门本年度取得的各项收入情况。")


def t03(ws, fy, c):
    heads = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    def values(code):
        if code is None:
            return [c["total"], c["basic"], c["project"], 0, 0, 0]
        return [c["tot"](code), c["tot"](code, None, "b"), c["tot"](code, None, "p"), 0, 0, 0]
    return code_table(ws, fy, c, "支出决算表", "公开03表", heads, values, indent=True,
                      note="注：本表反映部门本年度各项支出情况。")


def t05(ws, fy, c):
    heads = [("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出")]
    def values(code):
        if code is None:
            return [c["gen"], c["gen_basic"], c["gen_project"]]
        return [c["tot"](code, "gen"), c["tot"](code, "gen", "b"), c["tot"](code, "gen", "p")]
    return code_table(ws, fy, c, "一般公共预算财政拨款支出决算表", "公开05表", heads, values, fund="gen",
                      note="注：本表反映部门本年度一般公共预算财政拨款实际支出情况。")


def t08(ws, fy, c, empty_note=None):
    heads = ["年初结转和结余", "本年收入", ("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"),
             "年末结转和结余"]
    gov = c["gov"]
    if gov == 0:
        c = dict(c, nodes={})
    def values(code):
        if code is None:
            return [0, gov, gov, 0, gov, 0]
        t = c["tot"](code, "gov")
        return [0, t, t, c["tot"](code, "gov", "b"), c["tot"](code, "gov", "p"), 0]
    note = empty_note or "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"
    return code_table(ws, fy, c, "政府性基金预算财政拨款收入支出决算表", "公开08表", heads, values, fund="gov", note=note)


def t09(ws, fy, c):
    heads = ["年初结转和结余", "本年收入", ("本年支出", "小计"), ("本年支出", "基本支出"), ("本年支出", "项目支出"),
             "年末结转和结余"]
    ncol = 8
    lastcol = "H"
    widths(ws, {"A": 11, "B": 34, **{get_column_letter(i): 13 for i in range(3, ncol + 1)}})
    fa_head(ws, "国有资本经营预算财政拨款收入支出决算表", "公开09表", lastcol, fy["year"])
    put(ws, "A4", "科目编码", font=FONT_B)
    put(ws, "B4", "科目名称", font=FONT_B)
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    for i, h in enumerate(heads):
        col = get_column_letter(3 + i)
        if isinstance(h, tuple):
            put(ws, f"{col}5", h[1], font=FONT_B)
        else:
            merge(ws, f"{col}4:{col}5", h, font=FONT_B)
    merge(ws, "E4:G4", "本年支出", font=FONT_B)
    merge(ws, "A6:B6", "栏次")
    for i in range(6):
        put(ws, f"{get_column_letter(3 + i)}6", i + 1)
    merge(ws, "A7:B7", "合计", font=FONT_B)
    for r in (8, 9):                       # two empty body rows, as the template prints them
        for col in "ABCDEFGH":
            put(ws, f"{col}{r}", None)
    grid(ws, "A4:H9")
    merge(ws, "A10:H10", f"注：本单位{fy['year']}年度无国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，"
          "故本表无数据。", align=LEFT)
    ws.row_dimensions[10].height = 30
    return {}


def t04(ws, fy, c):
    widths(ws, {"A": 30, "B": 6, "C": 13, "D": 30, "E": 6, "F": 13, "G": 13, "H": 13, "I": 13})
    fa_head(ws, "财政拨款收入支出决算总表", "公开04表", "I", fy["year"])
    merge(ws, "A4:C4", "收    入", font=FONT_B)
    merge(ws, "D4:I4", "支    出", font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["项    目", "行次", "金额", "项    目", "行次", "合计", "一般公共预算财政拨款",
                                    "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]):
        put(ws, f"{col}5", t, font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["栏    次", None, 1, "栏    次", None, 2, 3, 4, 5]):
        put(ws, f"{col}6", t)
    income = [("一、一般公共预算财政拨款", c["gen"]), ("二、政府性基金预算财政拨款", c["gov"]),
              ("三、国有资本经营预算财政拨款", 0)]
    n = len(CLASSES_01)
    for k in range(n):
        r = 7 + k
        put(ws, f"B{r}", k + 1)
        if k < len(income):
            put(ws, f"A{r}", income[k][0], align=LEFT)
            money(ws, f"C{r}", income[k][1])
        code, name = CLASSES_01[k]
        put(ws, f"D{r}", f"{cn(k + 1)}、{name}", align=LEFT)
        put(ws, f"E{r}", n + 8 + k)
        money(ws, f"F{r}", c["tot"](code))
        money(ws, f"G{r}", c["tot"](code, "gen"))
        money(ws, f"H{r}", c["tot"](code, "gov"))
        money(ws, f"I{r}", 0)
    r = 7 + n
    put(ws, f"A{r}", "本年收入合计", font=FONT_B)
    put(ws, f"B{r}", n + 1)
    money(ws, f"C{r}", c["total"], blank_zero=False)
    put(ws, f"D{r}", "本年支出合计", font=FONT_B)
    put(ws, f"E{r}", 2 * n + 8)
    for col, v in zip("FGHI", [c["total"], c["gen"], c["gov"], 0]):
        money(ws, f"{col}{r}", v, blank_zero=False)
    put(ws, f"A{r+1}", "年初财政拨款结转和结余", font=FONT_B)
    put(ws, f"B{r+1}", n + 2)
    money(ws, f"C{r+1}", 0, blank_zero=False)
    put(ws, f"D{r+1}", "年末财政拨款结转和结余", font=FONT_B)
    put(ws, f"E{r+1}", 2 * n + 9)
    for col in "FGHI":
        money(ws, f"{col}{r+1}", 0, blank_zero=False)
    for k, lab in enumerate(["  一般公共预算财政拨款", "  政府性基金预算财政拨款", "  国有资本经营预算财政拨款"]):
        put(ws, f"A{r+2+k}", lab, align=LEFT)
        put(ws, f"B{r+2+k}", n + 3 + k)
        money(ws, f"C{r+2+k}", 0, blank_zero=False)
    put(ws, f"A{r+5}", "总计", font=FONT_B)
    put(ws, f"B{r+5}", n + 6)
    money(ws, f"C{r+5}", c["total"], blank_zero=False)
    put(ws, f"D{r+5}", "总计", font=FONT_B)
    put(ws, f"E{r+5}", 2 * n + 10)
    for col, v in zip("FGHI", [c["total"], c["gen"], c["gov"], 0]):
        money(ws, f"{col}{r+5}", v, blank_zero=False)
    grid(ws, f"A4:I{r + 5}")
    merge(ws, f"A{r+6}:I{r+6}", "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
          align=LEFT)
    return {}


def t06(ws, fy, c):
    widths(ws, {"A": 8, "B": 24, "C": 11, "D": 8, "E": 20, "F": 11, "G": 8, "H": 26, "I": 11})
    fa_head(ws, "一般公共预算财政拨款基本支出决算表", "公开06表", "I", fy["year"])
    merge(ws, "A4:C4", "人员经费", font=FONT_B)
    merge(ws, "D4:I4", "公用经费", font=FONT_B)
    for col, t in zip("ABCDEFGHI", ["科目编码", "科目名称", "决算数"] * 3):
        put(ws, f"{col}5", t, font=FONT_B)
    pers, pub = fy["personnel"], fy["public"]
    def block(items_groups, values):
        out = []
        for (gcode, gname, items) in items_groups:
            gsum = sum((D(values.get(k, 0)) for k, _ in items), D(0))
            out.append((gcode, gname, gsum))
            for k, name in items:
                out.append((k, name, D(values.get(k, 0))))
        return out
    b1 = block([("301", "工资福利支出", ECON_301), ("303", "对个人和家庭的补助", ECON_303)], pers)
    b2 = block([("302", "商品和服务支出", ECON_302)], pub)
    b3 = block([("307", "债务利息及费用支出", ECON_307), ("310", "资本性支出", ECON_310), ("399", "其他支出", ECON_399)], pub)
    rows = max(len(b1), len(b2), len(b3))
    where = {}
    for cols, blk in (("ABC", b1), ("DEF", b2), ("GHI", b3)):
        for k, (code, name, v) in enumerate(blk):
            r = 6 + k
            put(ws, f"{cols[0]}{r}", code, align=LEFT)
            put(ws, f"{cols[1]}{r}", name, align=LEFT)
            money(ws, f"{cols[2]}{r}", v, blank_zero=len(code) > 3)
            where[code] = f"{cols[2]}{r}"
    t = 6 + rows
    merge(ws, f"A{t}:B{t}", "人员经费合计", font=FONT_B)
    money(ws, f"C{t}", c["personnel"], blank_zero=False)
    merge(ws, f"D{t}:H{t}", "公用经费合计", font=FONT_B)
    money(ws, f"I{t}", c["public_use"], blank_zero=False)
    grid(ws, f"A4:I{t}")
    merge(ws, f"A{t+1}:I{t+1}", "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", align=LEFT)
    where.update(personnel_total=f"C{t}", public_total=f"I{t}")
    return where


def t07(ws, fy, c):
    widths(ws, {get_column_letter(i): 11 for i in range(1, 13)})
    merge(ws, "A1:L1", "财政拨款“三公”经费支出决算表", font=FONT_T)
    put(ws, "L2", "公开07表", align=RIGHT)
    merge(ws, "A3:C3", f"部门：{DEPT}", align=LEFT)
    put(ws, "F3", f"{fy['year']}年度")
    put(ws, "L3", "金额单位：万元", align=RIGHT)
    merge(ws, "A4:F4", "预算数", font=FONT_B)
    merge(ws, "G4:L4", "决算数", font=FONT_B)
    for base in ("A", "G"):
        i = openpyxl.utils.column_index_from_string(base)
        L = lambda k: get_column_letter(i + k)
        merge(ws, f"{L(0)}5:{L(0)}6", "合计", font=FONT_B)
        merge(ws, f"{L(1)}5:{L(1)}6", "因公出国（境）费", font=FONT_B)
        merge(ws, f"{L(2)}5:{L(4)}5", "公务用车购置及运行费", font=FONT_B)
        put(ws, f"{L(2)}6", "小计", font=FONT_B)
        put(ws, f"{L(3)}6", "公务用车购置费", font=FONT_B)
        put(ws, f"{L(4)}6", "公务用车运行费", font=FONT_B)
        merge(ws, f"{L(5)}5:{L(5)}6", "公务接待费", font=FONT_B)
    for k in range(12):
        put(ws, f"{get_column_letter(k + 1)}7", k + 1)
    for base, t in (("A", fy["three_budget"]), ("G", fy["three_actual"])):
        i = openpyxl.utils.column_index_from_string(base)
        L = lambda k: get_column_letter(i + k)
        veh = D(t["purchase"]) + D(t["operation"])
        tot = D(t["abroad"]) + veh + D(t["reception"])
        for k, v in enumerate([tot, t["abroad"], veh, t["purchase"], t["operation"], t["reception"]]):
            money(ws, f"{L(k)}8", v, blank_zero=False)
    grid(ws, "A4:L8")
    # statistics the seed gives in its text (§七): 国内公务接待 45 批次, 360 人次
    merge(ws, "A10:C10", "国内公务接待批次（个）", align=LEFT)
    put(ws, "D10", fy["batches"])
    merge(ws, "A11:C11", "国内公务接待人次（人）", align=LEFT)
    put(ws, "D11", fy["persons"])
    grid(ws, "A10:D11")
    merge(ws, "A13:L13", "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年财政拨款和"
          "以前年度结转资金安排的实际支出。", align=LEFT)
    ws.row_dimensions[13].height = 30
    return {"budget_total": "A8", "actual_total": "G8", "actual_reception": "L8"}


FA_TABLES = [  # key, table name, builder
    ("01", "收入支出决算总表", t01), ("02", "收入决算表", t02), ("03", "支出决算表", t03),
    ("04", "财政拨款收入支出决算总表", t04), ("05", "一般公共预算财政拨款支出决算表", t05),
    ("06", "一般公共预算财政拨款基本支出决算表", t06), ("07", "财政拨款“三公”经费支出决算表", t07),
    ("08", "政府性基金预算财政拨款收入支出决算表", t08), ("09", "国有资本经营预算财政拨款收入支出决算表", t09),
]
SHEET_2022 = {"01": "公开01表 收入支出决算总表", "02": "公开02表 收入决算表", "03": "公开03表 支出决算表",
              "04": "公开04表 财政拨款收支总表", "05": "公开05表 一般公共预算支出表", "06": "公开06表 一般公共预算基本支出表",
              "07": "公开07表 三公经费支出表", "08": "公开08表 政府性基金收支表", "09": "公开09表 国有资本经营收支表"}
SHEET_2021 = {"01": "1收入支出决算总表", "02": "2收入决算表", "03": "3支出决算表", "04": "4财政拨款收入支出决算总表",
              "05": "5一般公共预算财政拨款支出决算表", "06": "6一般公共预算财政拨款基本支出决算表",
              "07": "7财政拨款三公经费支出决算表", "08": "8政府性基金预算财政拨款收支决算表", "09": "9国有资本经营预算财政拨款收支决算表"}


def wb_final_accounts(year, only=None, extra=False):
    fy = FY[year]
    c = fa_compute(fy)
    names = SHEET_2022 if year == 2022 else SHEET_2021
    wb = openpyxl.Workbook()
    first = True
    locs = {}
    if extra:   # layout variant: a cover and a 填报说明 before the tables, an extra statistics sheet after
        ws = wb.active
        first = False
        ws.title = "封面"
        widths(ws, {"A": 70})
        put(ws, "A8", f"{DEPT}", font=Font(name="黑体", size=20))
        put(ws, "A10", f"{year}年度部门决算公开表", font=Font(name="黑体", size=22))
        put(ws, "A20", "剑阁县财政局制", font=FONT_T2)
        put(ws, "A21", datetime.datetime(2023, 9, 1), fmt='yyyy"年"m"月"', font=FONT_T2)
        ws2 = wb.create_sheet("填报说明")
        widths(ws2, {"A": 6, "B": 90})
        put(ws2, "A1", "填报说明", font=FONT_T2, align=LEFT_NW)
        notes = ["本套报表包括公开01表至公开09表共九张表，金额单位均为万元，保留两位小数。",
                 "公开01表“本年收入合计”应等于公开02表“合计”，“本年支出合计”应等于公开03表“合计”。",
                 "公开05表“基本支出”应等于公开06表“人员经费合计”与“公用经费合计”之和。",
                 "公开07表“公务接待费”应等于公开06表“30217 公务接待费”。",
                 "没有数据的表格应保留表样，并在表下注明“本表无数据”的原因。",
                 "联系人：张某某  联系电话：0839-XXXXXXX"]
        for k, t in enumerate(notes):
            put(ws2, f"A{3 + k}", k + 1)
            put(ws2, f"B{3 + k}", t, align=LEFT)
    for key, tname, fn in FA_TABLES:
        if only and key not in only:
            continue
        if first:
            ws = wb.active
            ws.title = names[key]
            first = False
        else:
            ws = wb.create_sheet(names[key])
        locs[names[key]] = fn(ws, fy, c)
    if extra:
        ws = wb.create_sheet("其他重要事项情况表")
        widths(ws, {"A": 40, "B": 14})
        merge(ws, "A1:B1", "其他重要事项情况表", font=FONT_T)
        put(ws, "B2", "金额单位：万元", align=RIGHT)
        rows = [("机关运行经费支出", 46.60), ("政府采购支出总额", 0), ("  其中：政府采购货物支出", 0),
                ("        政府采购工程支出", 0), ("        政府采购服务支出", 0), ("授予中小企业合同金额", 0),
                ("车辆数（辆）", 0), ("单价100万元以上专用设备（台/套）", 0)]
        put(ws, "A3", "项目", font=FONT_B)
        put(ws, "B3", "金额/数量", font=FONT_B)
        for k, (a, b) in enumerate(rows):
            put(ws, f"A{4 + k}", a, align=LEFT)
            put(ws, f"B{4 + k}", b, AMT if "（" not in a else "0")
        grid(ws, f"A3:B{3 + len(rows)}")
    return wb, locs


# ================================================================================================
# Seed 000: 攀枝花市医疗保障事务中心 2021, national 项目支出绩效自评表 (财预〔2020〕10号 附件1)
# ================================================================================================
# The seed (附件7, 业务运行费及追加工作经费项目支出绩效自评报告) is a narrative without a table and without
# scores. The sheet below is the national table as finance staff fill it from that narrative. Figures from
# the seed: 资金计划 215.11万元 全额财政拨款, 到位 215.11 (100%), 支付使用 215.11 (资金使用率 100%, 截止2021年12月31日),
# 宣传手册 10万册, 宣传海报 1700张. Everything marked INVENTED is not in the seed (listed in README "INVENTED").
N0 = dict(
    sheet="项目支出绩效自评表", year=2021, name="业务运行费及追加工作经费",
    dept="攀枝花市医疗保障局",                  # INVENTED: the seed names no 主管部门 (the 中心 is the 局's 事业单位)
    implementer="攀枝花市医疗保障事务中心",
    initial="180.00",                            # INVENTED: 年初预算数; 215.11 − 180.00 = 35.11 is the 追加 of the title
    budget="215.11", executed="215.11",          # seed: 资金计划 215.11, 已支付使用 215.11
    fund_weight=10, fund_score="10",             # national weight 10; 10 × min(215.11/215.11, 1) = 10
    planned="（1）不断提升市医保经办机构医保基金监管水平，坚决维护医保基金安全可持续发展。"
            "（2）让全市参保群众懂得了人人参保、按时续保的重要意义，也对医保相关政策有了更深入全面的了解，在以后的生活中，"
            "能更好地从此项关乎自己切身利益的惠民政策中受益。同时，通过宣传，让医保机构、医疗机构、药店、用人单位和参保人员等"
            "医疗保障参与方在参保、就医、服务等方式遵守法律法规，提升医疗保障的社会影响力。",
    # seed sentences (二(二)2, 二(二)3, 四(一)), joined
    achieved="2021年资金215.11万元已全额到位，资金到位率100%。截止2021年12月31日，该项目资金已支付使用资金215.11万元。"
             "2021年本中心预算项目经费和市级预算追加项目资金全部使用完毕，达到年初预算绩效目标。",
    total="98.25",                               # = 10 + 49.25 + 29 + 10 (follows from the INVENTED scores)
    # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施   (None = merged with the row above)
    # every 分值 and 得分 is INVENTED (the seed gives no scores); the weights follow the national 50 / 30 / 10.
    indicators=[
        ("产出指标", "数量指标", "印制医保宣传和服务手册", "≥10万册", "10万册", 10, 10, None),   # seed: 10万册
        (None, None, "印制宣传海报", "≥2000张", "1700张", 5, "4.25",                          # target INVENTED; 1700 seed
         "部分宣传改为微信公众号、短视频等线上推送，纸质海报印制少于计划；下一年度按实际需求编制印制计划。"),  # INVENTED
        (None, "质量指标", "费用审核工作", "按时完成", "按时完成", 10, 10, None),
        (None, "时效指标", "项目资金支付完成时间", datetime.datetime(2021, 12, 31), datetime.datetime(2021, 12, 31),
         5, 5, None),
        (None, None, "资金使用率", "100%", 1, 10, 10, None),                                   # seed: 100%
        (None, "成本指标", "项目支出总额", "≤215.11万元", "215.11万元", 10, 10, None),          # INVENTED row (反向)
        ("效益指标", "社会效益指标", "按时足额发放医学专家劳务费及聘用人员工资", "按时足额", "按时足额", 10, 10, None),
        (None, None, "医保公共服务水平", "稳步提高", "达成", 10, 10, None),
        (None, "可持续影响指标", "医保基金运行", "平稳有序", "平稳有序，个别定点医疗机构仍有违规行为", 10, 9,   # INVENTED 9
         "定点医疗机构违规行为仍有发生；下一步加大稽核检查和专项治理力度，规范医疗机构服务行为。"),        # INVENTED
        ("满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", 0.95, 10, 10, None),    # INVENTED ≥90% / 95%
    ],
)


def national_sheet(ws, p=N0, as_text=False):
    """The national 项目支出绩效自评表 (财预〔2020〕10号 附件1): 执行率 10 / 产出 50 / 效益 30 / 满意度 10, no score for
    the 年度总体目标, 分值/得分 "—" in the fund-source rows, a 总分 row (100).  as_text=True types the 年度资金总额
    amounts, its 执行率 and one indicator's 分值/得分 as text (the layout08 variant)."""
    widths(ws, {"A": 7, "B": 9, "C": 11, "D": 24, "E": 12, "F": 14, "G": 11, "H": 8, "I": 10, "J": 22})
    merge(ws, "A1:J1", "项目支出绩效自评表", font=FONT_T)
    merge(ws, "A2:J2", f"（{p['year']}年度）")
    merge(ws, "A3:B3", "项目名称")
    merge(ws, "C3:J3", p["name"], align=LEFT)
    merge(ws, "A4:B4", "主管部门")
    merge(ws, "C4:E4", p["dept"], align=LEFT)
    merge(ws, "F4:G4", "实施单位")
    merge(ws, "H4:J4", p["implementer"], align=LEFT)
    # ---- 项目资金 -------------------------------------------------------------------------------
    merge(ws, "A5:B9", "项目资金\n（万元）")
    merge(ws, "C5:D5", None)
    for col, h in zip("EFGHIJ", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        put(ws, f"{col}5", h)
    for r, lab in zip(range(6, 10), ["年度资金总额", "其中：当年财政拨款", "      上年结转资金", "      其他资金"]):
        merge(ws, f"C{r}:D{r}", lab, align=LEFT)
    if as_text:                                  # typed as text, the way they come from a pasted Word table
        put(ws, "E6", f"{q2(p['initial'])}")
        put(ws, "F6", f"{q2(p['budget'])}")
        put(ws, "G6", f"{q2(p['executed'])}")
        put(ws, "I6", f"{q2(D(p['executed']) / D(p['budget']) * 100)}%")
    else:
        put(ws, "E6", f(p["initial"]), AMT)
        put(ws, "F6", f(p["budget"]), AMT)
        put(ws, "G6", f(p["executed"]), AMT)
        put(ws, "I6", "=G6/F6", PCT2)
    put(ws, "H6", p["fund_weight"])
    put(ws, "J6", f(p["fund_score"]), SC)
    # 全额财政拨款 (seed): 当年财政拨款 = the whole; 上年结转 / 其他 left blank
    put(ws, "E7", f(p["initial"]), AMT)
    put(ws, "F7", f(p["budget"]), AMT)
    put(ws, "G7", f(p["executed"]), AMT)
    put(ws, "I7", "=G7/F7", PCT2)
    for r in (7, 8, 9):
        put(ws, f"H{r}", "—")
        put(ws, f"J{r}", "—")
    # ---- 年度总体目标 (no score in the national format) ---------------------------------------------
    merge(ws, "A10:B11", "年度\n总体\n目标")
    merge(ws, "C10:F10", "预期目标")
    merge(ws, "G10:J10", "实际完成情况")
    merge(ws, "C11:F11", p["planned"], align=LEFT)
    merge(ws, "G11:J11", p["achieved"], align=LEFT)
    # ---- 绩效指标 ---------------------------------------------------------------------------------
    inds = p["indicators"]
    h = 12
    last = h + len(inds)
    merge(ws, f"A{h}:A{last}", "绩效\n指标")
    for col, t in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        put(ws, f"{col}{h}", t)
    merge(ws, f"I{h}:J{h}", "偏差原因分析及改进措施")
    rows = []
    text_row = None
    for k, (l1, l2, l3, tgt, act, w, s, note) in enumerate(inds):
        r = h + 1 + k
        rows.append(r)
        if l1 is not None:
            put(ws, f"B{r}", l1)
        if l2 is not None:
            put(ws, f"C{r}", l2)
        put(ws, f"D{r}", l3, align=LEFT)
        for col, v in (("E", tgt), ("F", act)):
            fmt = "yyyy-mm-dd" if isinstance(v, datetime.datetime) else PCT0 if isinstance(v, (int, float)) else None
            put(ws, f"{col}{r}", v, fmt)
        if as_text and note is not None and text_row is None:    # the first indicator with a 偏差原因
            text_row = r
            put(ws, f"G{r}", str(w))
            put(ws, f"H{r}", str(q2(s)))
        else:
            put(ws, f"G{r}", w)
            put(ws, f"H{r}", f(s) if isinstance(s, str) else s, SC if isinstance(s, str) else None)
        merge(ws, f"I{r}:J{r}", note, align=LEFT)
    merge_runs(ws, "B", h + 1, [x[0] for x in inds])
    merge_runs(ws, "C", h + 1, [x[1] for x in inds])
    t = last + 1
    merge(ws, f"A{t}:F{t}", "总分", font=FONT_B)
    put(ws, f"G{t}", 100)
    put(ws, f"H{t}", f(p["total"]), SC)          # typed, as most filled sheets have it
    merge(ws, f"I{t}:J{t}", None)
    grid(ws, f"A3:J{t}")
    ws.row_dimensions[1].height = 28
    ws.row_dimensions[11].height = 90
    for r, ind in zip(rows, inds):                # room for a 偏差原因 or a long 实际完成值
        ws.row_dimensions[r].height = 45 if ind[7] or len(str(ind[4])) > 10 else 30
    heights(ws, [5], 24)
    return {"fund_budget": "F6", "fund_executed": "G6", "fund_rate": "I6", "fund_score": "J6", "ind_rows": rows,
            "total": f"H{t}", "text_row": text_row}


def wb_national(as_text=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = N0["sheet"]
    return wb, {ws.title: national_sheet(ws, N0, as_text)}


# ================================================================================================
# Layout variants a reader must tolerate
# ================================================================================================
def yunnan_sheet(ws, p=P2):
    """Yunnan-style 项目支出绩效自评表: extra columns 指标性质 (≥/≤/＝/定性) and 度量单位; fund rows
    当年财政拨款 / 上年结转资金 / 其他资金.  Data of seed 003 附件1.2 (Hubei weights 20/20/60 kept)."""
    widths(ws, {"A": 6, "B": 10, "C": 12, "D": 28, "E": 8, "F": 9, "G": 8, "H": 11, "I": 8, "J": 8, "K": 24})
    merge(ws, "A1:K1", "项目支出绩效自评表", font=FONT_T)
    merge(ws, "A2:K2", "（2019年度）")
    merge(ws, "A4:B4", "项目名称")
    merge(ws, "C4:K4", p["name"], align=LEFT)
    merge(ws, "A5:B5", "主管部门")
    merge(ws, "C5:F5", p["dept"], align=LEFT)
    merge(ws, "G5:H5", "实施单位")
    merge(ws, "I5:K5", None)
    merge(ws, "A6:B10", "项目资金\n（万元）")
    merge(ws, "C6:D6", None)
    for col, h in zip("EFGHI", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]):
        put(ws, f"{col}6", h)
    merge(ws, "J6:K6", "得分")
    for r, lab in zip(range(7, 11), ["年度资金总额", "其中：当年财政拨款", "      上年结转资金", "      其他资金"]):
        merge(ws, f"C{r}:D{r}", lab, align=LEFT)
        merge(ws, f"J{r}:K{r}", None)
    for r in (7, 8):
        put(ws, f"E{r}", f(p["initial"]), AMT)
        put(ws, f"F{r}", f(p["budget"]), AMT)
        put(ws, f"G{r}", f(p["executed"]), AMT)
        put(ws, f"I{r}", f"=G{r}/F{r}", PCT2)
    put(ws, "H7", 20)
    put(ws, "J7", f(p["fund_score"]), SC)
    put(ws, "H8", "—")
    merge(ws, "A11:B12", "年度\n总体\n目标")
    merge(ws, "C11:F11", "预期目标")
    merge(ws, "G11:J11", "实际完成情况")
    put(ws, "K11", "自评分（20分）")
    merge(ws, "C12:F12", p["planned"], align=LEFT)
    merge(ws, "G12:J12", p["achieved"], align=LEFT)
    put(ws, "K12", f(p["goal_score"]))
    inds = [("产出指标", "数量指标", "政策宣传活动次数", "≥", 2, "次", 3, 10, 10, None),
            (None, "质量指标", "对两定医药机构抽查完成率", "＝", 100, "%", 100, 10, 10, None),
            (None, None, "培训参与率", "＝", 100, "%", 100, 10, 10, None),
            (None, "时效指标", "处理群众举报的欺诈骗保行为的及时性", "定性", "及时", None, "及时", 10, 10, None),
            ("满意度指标", "服务对象满意度指标", "群众对医疗保障工作的满意度", "≥", 90, "%", None, 20, 15,
             "我局为本年度新组建单位，未纳入双评议。")]
    h = 13
    merge(ws, f"A{h}:A{h + len(inds)}", "绩\n效\n指\n标\n（60分）")
    for col, t in zip("BCDEFGHIJK", ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值",
                                     "分值", "得分", "偏差原因分析及改进措施"]):
        put(ws, f"{col}{h}", t)
    for k, row in enumerate(inds):
        r = h + 1 + k
        for col, v in zip("BCDEFGHIJK", row):
            if v is not None:
                put(ws, f"{col}{r}", v, align=LEFT if col in "DK" else CENTER)
    merge_runs(ws, "B", h + 1, [x[0] for x in inds])
    merge_runs(ws, "C", h + 1, [x[1] for x in inds])
    t = h + 1 + len(inds)
    merge(ws, f"A{t}:H{t}", "总分", font=FONT_B)
    put(ws, f"I{t}", 100)
    put(ws, f"J{t}", f"=J7+K12+SUM(J{h+1}:J{t-1})", SC)
    merge(ws, f"A{t+1}:B{t+1}", "自评等级")
    merge(ws, f"C{t+1}:K{t+1}", p["grade"], align=LEFT)
    grid(ws, f"A4:K{t+1}")
    ws.row_dimensions[12].height = 60
    return {}


def hubei_printed_sheet(ws, p=P2):
    """Columns in another order: the fund block as the seed prints it (全年预算数(A) | 全年执行数(B) | 自评分 |
    预算执行率(B/A); no 年初预算数 and no 分值 column) and indicators with 分值/得分 before the target values."""
    widths(ws, {"A": 9, "B": 10, "C": 12, "D": 26, "E": 12, "F": 12, "G": 12, "H": 12, "I": 22})
    put(ws, "A1", "附件" + p["key"], font=FONT_T2, align=LEFT_NW)
    merge(ws, "A2:I2", "项目支出绩效自评表", font=FONT_T)
    merge(ws, "A3:I3", "（2019年度）")
    merge(ws, "A4:B4", "（单位盖章）", align=LEFT)
    merge(ws, "C4:E4", "自评时间：2020年5月", align=LEFT)
    put(ws, "F4", "自评等次：", align=RIGHT)
    put(ws, "G4", p["grade"])
    put(ws, "H4", "自评得分：", align=RIGHT)
    put(ws, "I4", f(p["total"]), SC, align=LEFT_NW)
    put(ws, "A5", "项目名称")
    merge(ws, "B5:I5", p["name"], align=LEFT)
    put(ws, "A6", "合并明细项目")
    merge(ws, "B6:I6", p["detail"], align=LEFT)
    put(ws, "A7", "主管部门")
    merge(ws, "B7:E7", p["dept"], align=LEFT)
    put(ws, "F7", "实施单位")
    merge(ws, "G7:I7", None)
    merge(ws, "A8:A15", "项目资金\n（20分）")
    merge(ws, "B8:C8", None)
    for col, h in zip("DEFG", ["全年预算数（A）", "全年执行数（B）", "自评分", "预算执行率（B/A）"]):
        put(ws, f"{col}8", h)
    merge(ws, "H8:I8", None)
    merge(ws, "B9:C9", "年度资金总额：", align=LEFT)
    put(ws, "D9", f(p["budget"]), SC)
    put(ws, "E9", f(p["executed"]), SC)
    put(ws, "F9", f(p["fund_score"]), SC)
    put(ws, "G9", "=E9/D9", PCT1)
    for i, s in enumerate(HB_SOURCES):
        merge(ws, f"B{10 + i}:C{10 + i}", s, align=LEFT)
    for r in range(9, 16):
        merge(ws, f"H{r}:I{r}", None)
    put(ws, "D14", f(p["budget"]), SC)
    put(ws, "E14", f(p["executed"]), SC)
    put(ws, "G14", "=E14/D14", PCT1)
    merge(ws, "A16:A17", "项目绩效目标\n（20分）")
    merge(ws, "B16:D16", "年初设定目标")
    merge(ws, "E16:H16", "全年实际完成情况")
    put(ws, "I16", "自评分")
    merge(ws, "B17:D17", p["planned"], align=LEFT)
    merge(ws, "E17:H17", p["achieved"], align=LEFT)
    put(ws, "I17", f(p["goal_score"]))
    inds = p["indicators"]
    last = 18 + len(inds)
    merge(ws, f"A18:A{last}", "绩效指标\n（60分）")
    for col, h in zip("BCDEFGHI", ["一级指标", "二级指标", "指标内容", "分值", "得分", "年度目标值", "全年完成值",
                                   "未完成原因和改进措施"]):
        put(ws, f"{col}18", h)
    for k, (l1, l2, l3, tgt, act, w, s, note) in enumerate(inds):
        r = 19 + k
        if l1 is not None:
            put(ws, f"B{r}", l1)
        if l2 is not None:
            put(ws, f"C{r}", l2)
        put(ws, f"D{r}", l3, align=LEFT)
        put(ws, f"E{r}", w)
        put(ws, f"F{r}", s)
        put(ws, f"G{r}", tgt)
        put(ws, f"H{r}", act)
        put(ws, f"I{r}", note, align=LEFT)
    merge_runs(ws, "B", 19, [x[0] for x in inds])
    merge_runs(ws, "C", 19, [x[1] for x in inds])
    nr = last + 1
    put(ws, f"A{nr}", "说明")
    merge(ws, f"B{nr}:I{nr}", HB_NOTE, align=LEFT)
    grid(ws, f"A5:I{nr}")
    ws.row_dimensions[17].height = 75
    return {}


def wb_layout(kind):
    wb = openpyxl.Workbook()
    ws = wb.active
    if kind == "yunnan":
        ws.title = "项目支出绩效自评表"
        yunnan_sheet(ws)
    elif kind == "yuan":
        ws.title = P1["sheet"]
        hubei_project_sheet(ws, P1, unit="元")
    elif kind == "order":
        ws.title = P2["sheet"]
        hubei_printed_sheet(ws)
    elif kind == "hidden":
        ws.title = "下拉选项"
        put(ws, "A1", "自评等次", font=FONT_B)
        for k, g in enumerate(["优", "良", "中", "差"]):
            put(ws, f"A{2 + k}", g)
        put(ws, "B1", "一级指标", font=FONT_B)
        for k, g in enumerate(["产出指标", "效益指标", "满意度指标"]):
            put(ws, f"B{2 + k}", g)
        put(ws, "C1", "等次标准", font=FONT_B)
        for k, g in enumerate(["90分（含）以上为优", "80（含）-90分为良", "60（含）-80分为中", "60分以下为差"]):
            put(ws, f"C{2 + k}", g, align=LEFT)
        ws.sheet_state = "hidden"
        main = wb.create_sheet(P1["sheet"])
        hubei_project_sheet(main, P1)
        dv = DataValidation(type="list", formula1="=下拉选项!$A$2:$A$5", allow_blank=True)
        main.add_data_validation(dv)
        dv.add("G4")
        wb.active = 1
    return wb, {}


# ================================================================================================
# Injected mistakes: a clean workbook with exactly one changed cell
# ================================================================================================
F_HUBEI_ALL = "003_洪山区医保局_2019_项目支出绩效自评.xlsx"
F_P1 = "003_附件1.1_机关建设及日常保障经费.xlsx"
F_P2 = "003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx"
F_S4 = "004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx"
F_ZT = "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx"
F_A2 = "001_剑阁县医保局_2022_医疗保障服务能力提升_评价指标体系.xlsx"
F_FA22 = "001_剑阁县医保局_2022_部门决算公开九表.xlsx"
F_FA21 = "001_剑阁县医保局_2021_部门决算公开九表.xlsx"
F_N0 = "000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx"


def f_fa_single(key):
    name = dict((k, n) for k, n, _ in FA_TABLES)[key].replace("“", "").replace("”", "")
    return f"001_2022_公开{key}表_{name}.xlsx"


def finding(rule, sheet, cell, message, expected, found, severity="error"):
    return dict(rule=rule, severity=severity, sheet=sheet, cell=cell, message=message, expected=expected, found=found)


S22 = SHEET_2022
VARIANTS = [
    dict(file="err01_附件1.1_自评得分91.98.xlsx", base=F_P1, sheet=P1["sheet"], cell="I4", new=91.98,
         what="header 自评得分 91.98 instead of 90.98",
         findings=[finding("project.total_score", P1["sheet"], "I4", "自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98",
                           90.98, 91.98)]),
    dict(file="err02_附件1.1_资金得分20.00.xlsx", base=F_P1, sheet=P1["sheet"], cell="I9", new=20,
         what="项目资金 得分 20.00 where 20 × 39.96/40.00 = 19.98",
         findings=[finding("project.fund_score", P1["sheet"], "I9",
                           "项目资金得分 20.00 ≠ 20 × 39.96 / 40.00 = 19.98", 19.98, 20.00),
                   finding("project.total_score", P1["sheet"], "I4", "自评得分 90.98 ≠ 20.00 + 18 + 53 = 91.00",
                           91.00, 90.98)]),
    dict(file="err03_附件1.2_执行率99.9%.xlsx", base=F_P2, sheet=P2["sheet"], cell="H9", new=0.999,
         what="年度资金总额 执行率 typed 99.9% where 27.34/27.56 = 99.20% (the 得分 19.84 stays right and must not be flagged)",
         findings=[finding("project.execution_rate", P2["sheet"], "H9",
                           "执行率 99.90% ≠ 27.34 / 27.56 = 99.20%", 0.992, 0.999)]),
    dict(file="err04_自评结果汇总_合计多0.10.xlsx", base=F_HUBEI_ALL, sheet="自评结果汇总", cell="C7", new=67.66,
         what="汇总 合计 预算数 typed 67.66 (formula =SUM(C5:C6) replaced)",
         findings=[finding("summary.total", "自评结果汇总", "C7", "合计 67.66 ≠ 40.00 + 27.56 = 67.56", 67.56, 67.66)]),
    dict(file="err05_附件1.2_指标得分超分值.xlsx", base=F_P2, sheet=P2["sheet"], cell="H19", new=12,
         what="政策宣传活动次数 得分 12 with 分值 10",
         findings=[finding("project.indicator_score_range", P2["sheet"], "H19",
                           "政策宣传活动次数 得分 12 > 分值 10", 10, 12),
                   finding("project.total_score", P2["sheet"], "I4",
                           "自评得分 92.84 ≠ 19.84 + 18 + 57 = 94.84", 94.84, 92.84)]),
    dict(file="err06_整体得分_决策得分率74.40%.xlsx", base=F_S4, sheet="整体得分情况", cell="B8", new=0.744,
         what="决策指标 得分率 typed 74.40% (formula =B7/B6 replaced) where 17.03/23 = 74.04%",
         findings=[finding("score_table.score_rate", "整体得分情况", "B8", "得分率 74.40% ≠ 17.03 / 23 = 74.04%",
                           0.7404, 0.744)]),
    dict(file="err07_整体得分_等级优.xlsx", base=F_S4, sheet="整体得分情况", cell="B10", new="优",
         what="绩效等级 优 for a total of 88.57",
         findings=[finding("score_table.grade", "整体得分情况", "B10", "等级 优 与总分 88.57 不符：80 ≤ 88.57 < 90 为 良",
                           "良", "优")]),
    dict(file="err08_公开01_收入总计不等于支出总计.xlsx", base=f_fa_single("01"), sheet=S22["01"], cell="C36",
         new=3565.82, what="公开01 收入 总计 3565.82",
         findings=[finding("fa01.balance", S22["01"], "C36", "收入总计 3565.82 ≠ 支出总计 3555.82", 3555.82, 3565.82),
                   finding("fa01.income_total", S22["01"], "C36",
                           "收入总计 3565.82 ≠ 本年收入合计 3555.82 + 使用非财政拨款结余 0.00 + 年初结转和结余 0.00 = 3555.82",
                           3555.82, 3565.82)]),
    dict(file="err09_公开05_类不等于款之和.xlsx", base=f_fa_single("05"), sheet=S22["05"], cell="C13", new=2681.86,
         what="公开05 210 卫生健康支出 合计 2681.86 (digits swapped) where its 款 add to 2681.68",
         findings=[finding("fa.class_sum", S22["05"], "C13",
                           "210 卫生健康支出 2681.86 ≠ 21011 14.10 + 21013 2299.53 + 21015 368.05 = 2681.68", 2681.68, 2681.86),
                   finding("fa.row_sum", S22["05"], "C13", "210 卫生健康支出 合计 2681.86 ≠ 基本支出 343.15 + 项目支出 2338.53 = 2681.68",
                           2681.68, 2681.86),
                   finding("fa.grand_total", S22["05"], "C7",
                           "合计 3429.91 ≠ 208 37.51 + 210 2681.86 + 213 689.57 + 221 21.15 = 3430.09", 3430.09, 3429.91)]),
    dict(file="err10_公开06_人员经费不等于301加303.xlsx", base=f_fa_single("06"), sheet=S22["06"], cell="C34", new=354.91,
         what="公开06 人员经费合计 354.91 where 301 342.75 + 303 3.16 = 345.91",
         findings=[finding("fa06.personnel", S22["06"], "C34", "人员经费合计 354.91 ≠ 301 342.75 + 303 3.16 = 345.91",
                           345.91, 354.91)]),
    dict(file="err11_公开07_三公合计不等于分项.xlsx", base=f_fa_single("07"), sheet=S22["07"], cell="G8", new=1.05,
         what="公开07 决算数 合计 1.05 where 0 + 0 + 1.50 = 1.50",
         findings=[finding("fa07.total", S22["07"], "G8",
                           "决算数 合计 1.05 ≠ 因公出国（境）费 0.00 + 公务用车购置及运行费 0.00 + 公务接待费 1.50 = 1.50", 1.50, 1.05)]),
    dict(file="err12_九表_01本年支出合计不等于03合计.xlsx", base=F_FA22, sheet=S22["01"], cell="F33", new=3555.28,
         what="公开01 本年支出合计 3555.28 (digits swapped) while 公开03 合计 is 3555.82",
         findings=[finding("fa.cross_01_03", S22["01"], "F33", "公开01 本年支出合计 3555.28 ≠ 公开03 合计 3555.82",
                           3555.82, 3555.28),
                   finding("fa01.expenditure_total", S22["01"], "F36",
                           "支出总计 3555.82 ≠ 本年支出合计 3555.28 + 结余分配 0.00 + 年末结转和结余 0.00 = 3555.28", 3555.28, 3555.82),
                   finding("fa01.class_sum", S22["01"], "F33", "本年支出合计 3555.28 ≠ 各类支出之和 3555.82", 3555.82, 3555.28)]),
    dict(file="err13_国家版_总分错.xlsx", base=F_N0, sheet=N0["sheet"], cell="H23", new=99.25,
         what="national 项目支出绩效自评表 总分 得分 99.25 (off by 1.00) where 10 + 49.25 + 29 + 10 = 98.25",
         findings=[finding("project.total_score", N0["sheet"], "H23", "总分 99.25 ≠ 10.00 + 49.25 + 29 + 10 = 98.25",
                           98.25, 99.25)]),
]


# ================================================================================================
# the files
# ================================================================================================
def clean_files():
    out = [
        dict(file=F_HUBEI_ALL, build=wb_hubei_all, kinds=["project_summary", "project_selfeval", "project_selfeval"],
             source="seed 003 二（自评结果汇总）, 附件1.1, 附件1.2"),
        dict(file=F_P1, build=lambda: wb_hubei_one(P1), kinds=["project_selfeval"], source="seed 003 附件1.1"),
        dict(file=F_P2, build=lambda: wb_hubei_one(P2), kinds=["project_selfeval"], source="seed 003 附件1.2"),
        dict(file=F_S4, build=wb_s4, kinds=["score_table"] * 5,
             source="seed 004 二 项目整体得分情况表 and 项目决策/过程/产出/效益得分情况表"),
        dict(file=F_ZT, build=wb_dept_selfeval, kinds=["dept_selfeval"],
             source="seed 001 第四部分 附件1 附表 2022年度部门整体支出绩效目标自评表"),
        dict(file=F_A2, build=wb_a2, kinds=["score_table"],
             source="seed 001 第四部分 附件2 的附件 绩效评价指标体系"),
        dict(file=F_FA22, build=lambda: wb_final_accounts(2022), kinds=["final_accounts"],
             source="seed 001 第二部分 2022年度部门决算情况说明 (+ 附件1 二 for 公用经费 items)"),
    ]
    for key, name, _ in FA_TABLES:
        out.append(dict(file=f_fa_single(key), build=(lambda k=key: wb_final_accounts(2022, only=[k])),
                        kinds=["final_accounts"], source=f"seed 001 第二部分, table 公开{key}表 {name} alone"))
    out.append(dict(file=F_FA21, build=lambda: wb_final_accounts(2021), kinds=["final_accounts"],
                    source="seed 001 第二部分: the 2021 figures its comparisons imply"))
    out.append(dict(file=F_N0, build=wb_national, kinds=["project_selfeval"],
                    source="seed 000 二 资金 (215.11 万元) and 三 项目绩效情况 (数量/质量/时效, 社会效益/可持续影响/服务对象满意度), "
                           "in the national 财预〔2020〕10号 附件1 layout; scores INVENTED"))
    return out


LAYOUTS = [
    dict(file="layout01_云南式_指标性质和度量单位.xlsx", build=lambda: wb_layout("yunnan"), kinds=["project_selfeval"],
         source="seed 003 附件1.2 data in a Yunnan-style layout",
         what="extra columns 指标性质 (≥/＝/定性) and 度量单位; target split into operator / value / unit; fund rows "
              "当年财政拨款/上年结转资金/其他资金; 总分 row with a formula; grade in a bottom row",
         expect="same record as 附件1.2: budget 27.56, executed 27.34, rate 99.20%, fund 19.84, goals 18, "
                "indicators 10+10+10+10+15 = 55, total 92.84, 优"),
    dict(file="layout02_金额单位元_机关建设经费.xlsx", build=lambda: wb_layout("yuan"), kinds=["project_selfeval"],
         source="seed 003 附件1.1 with amounts in 元",
         what="block label 项目资金（元）; amounts 400,000.00 / 399,600.00 元",
         expect="budget 40.00 万元 (400000 元), executed 39.96 万元, rate 99.90%, fund 19.98, total 90.98, 优"),
    dict(file="layout03_列顺序不同_打击欺诈骗保经费.xlsx", build=lambda: wb_layout("order"), kinds=["project_selfeval"],
         source="seed 003 附件1.2 in the column order the seed prints",
         what="fund block 全年预算数（A）| 全年执行数（B）| 自评分 | 预算执行率（B/A）(no 年初预算数, no 分值 column: weight "
              "only in the label （20分）); indicator columns 指标内容 | 分值 | 得分 | 年度目标值 | 全年完成值",
         expect="same record as 附件1.2 (total 92.84, 优)"),
    dict(file="layout04_多表同页_岚山医保评价得分.xlsx", build=wb_s4_stacked, kinds=["score_table"],
         source="seed 004, the five tables on one sheet",
         what="项目整体得分情况表 then the 决策/过程/产出/效益 tables one under the other, two blank rows between",
         expect="same groups as the 004 workbook: 23/17.03, 17/16, 40/36.80, 20/18.74, total 88.57, 良"),
    dict(file="layout05_含隐藏工作表_机关建设经费.xlsx", build=lambda: wb_layout("hidden"), kinds=[None, "project_selfeval"],
         source="seed 003 附件1.1 plus a hidden first sheet",
         what="first sheet 下拉选项 is hidden (lists for a data validation on 自评等次 G4); the visible sheet is the second",
         expect="the hidden sheet is recognised as no layout (or skipped) without error; 附件1.1 reads as the clean file"),
    dict(file="layout06_九表含封面和填报说明_2022.xlsx", build=lambda: wb_final_accounts(2022, extra=True),
         kinds=[None, None] + ["final_accounts"] * 9 + [None],
         source="seed 001 2022 nine tables plus unrelated sheets",
         what="sheets 封面 and 填报说明 before the nine tables and 其他重要事项情况表 (机关运行经费 46.60, from seed §十) after",
         expect="the nine tables read exactly as in the clean nine-table workbook; the three extra sheets get layout null"),
    dict(file="layout07_指标体系_分页重复表头.xlsx", build=lambda: wb_a2(seed_page_breaks=True), kinds=["score_table"],
         source="seed 001 附件2 as the Word table breaks across pages",
         what="header row repeated 4 times inside the table; 一级 label restarted at each break, once as the seed's own slip "
              "“项目决策(22分)” over rows whose group totals 18",
         expect="same 31 items, groups 18/22/50/10 (Σ分值), scores 18/22/48/10 = 98; a checker should warn that the "
                "label 项目决策(22分) disagrees with Σ分值 18",
         findings=[finding("score_table.group_label_weight", "绩效评价指标体系", "A9",
                           "项目决策 标注 22 分 ≠ 分值之和 18", 18, 22, severity="warning")]),
    dict(file="layout08_国家版_数字为文本.xlsx", build=lambda: wb_national(as_text=True), kinds=["project_selfeval"],
         source="seed 000 national 项目支出绩效自评表 with numbers typed as text",
         what="年度资金总额 年初预算数/全年预算数/全年执行数 typed as text \"180.00\"/\"215.11\"/\"215.11\" (E6:G6), its 执行率 "
              "as text \"100.00%\" (I6, formula =G6/F6 in the clean file), and 印制宣传海报 分值/得分 as text \"5\"/\"4.25\" (G14/H14)",
         expect="same record as the clean 000 file: budget 215.11, executed 215.11, rate 100.00%, fund 10, indicators "
                "产出 49.25 (of 50) + 效益 29 (of 30) + 满意度 10 (of 10) = 88.25, total 98.25, 优"),
]


def page_setup(wb):
    """Print the way the finance office does: A4, fitted to one page wide, landscape for wide tables."""
    for ws in wb.worksheets:
        width = sum((ws.column_dimensions[get_column_letter(i)].width or 8.43) for i in range(1, ws.max_column + 1))
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if width > 110 else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True


def save(wb, path):
    page_setup(wb)
    wb.properties.creator = {"001": "剑阁县医疗保障局", "000": "攀枝花市医疗保障事务中心"}.get(
        os.path.basename(path)[:3], "jixiao samples")
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    tmp = path + ".tmp"
    wb.save(tmp)
    normalize_zip(tmp, path)
    os.remove(tmp)


DATE_RE = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?")


def normalize_zip(src, dst):
    """Same bytes on every run: fixed zip timestamps, fixed dates in docProps."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst + ".part", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("docProps/"):
                data = DATE_RE.sub(b"2024-01-01T00:00:00Z", data)
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    os.replace(dst + ".part", dst)


def libreoffice_resave(paths, out_dir):
    user = os.path.join(PROFILE, "user")
    os.makedirs(user, exist_ok=True)
    # OOXMLRecalcMode 0 = always recalculate on load, so every formula gets its cached value
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                 'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                 '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                 '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                 '</oor:items>\n')
    tmp = tempfile.mkdtemp(prefix="lo-samples-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + PROFILE, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp] + paths, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=900)
        for p in paths:
            name = os.path.basename(p)
            got = os.path.join(tmp, name)
            if not os.path.exists(got):
                raise SystemExit(f"LibreOffice did not convert {name}")
            normalize_zip(got, os.path.join(out_dir, name))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def values_of(wb):
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out[(ws.title, c.coordinate)] = c.value
    return out


def main():
    for d in (OUT_OPX, OUT_LO):
        if os.path.isdir(d):
            for n in os.listdir(d):
                if n.endswith(".xlsx"):
                    os.remove(os.path.join(d, n))
        os.makedirs(d, exist_ok=True)
    manifest = {"generator": "samples/make_samples.py", "unit": "万元 unless stated", "clean": [], "variants": [],
                "layouts": []}
    builders = {}
    for e in clean_files():
        wb, locs = e["build"]()
        builders[e["file"]] = e["build"]
        save(wb, os.path.join(OUT_OPX, e["file"]))
        manifest["clean"].append(dict(file=e["file"], source=e["source"],
                                      sheets=[dict(name=ws.title, kind=k) for ws, k in zip(wb.worksheets, e["kinds"])]))
    # sanity: the coordinates the variants name are where the builders put the values
    _, l05 = wb_final_accounts(2022, only=["05"])
    assert l05[S22["05"]]["rows"]["210"] == 13
    _, l01 = wb_final_accounts(2022, only=["01"])
    assert l01[S22["01"]]["income_total"] == "C36" and l01[S22["01"]]["exp_year_total"] == "F33"
    _, l06 = wb_final_accounts(2022, only=["06"])
    assert l06[S22["06"]]["personnel_total"] == "C34"
    _, ln = wb_national()
    assert ln[N0["sheet"]]["total"] == "H23"
    _, ln = wb_national(as_text=True)
    assert ln[N0["sheet"]]["text_row"] == 14
    for v in VARIANTS:
        wb, _ = builders[v["base"]]()
        ws = wb[v["sheet"]]
        old = ws[v["cell"]].value
        assert old is not None
        before = values_of(wb)
        ws[v["cell"]].value = v["new"]
        after = values_of(wb)
        changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
        assert changed == [(v["sheet"], v["cell"])], changed
        save(wb, os.path.join(OUT_OPX, v["file"]))
        manifest["variants"].append(dict(file=v["file"], base=v["base"], change=dict(sheet=v["sheet"], cell=v["cell"],
                                         old=old, new=v["new"]), what=v["what"], findings=v["findings"]))
    for e in LAYOUTS:
        wb, _ = e["build"]()
        save(wb, os.path.join(OUT_OPX, e["file"]))
        manifest["layouts"].append(dict(file=e["file"], source=e["source"], what=e["what"], expect=e["expect"],
                                        findings=e.get("findings", []),
                                        sheets=[dict(name=ws.title, kind=k, hidden=ws.sheet_state != "visible")
                                                for ws, k in zip(wb.worksheets, e["kinds"])]))
    files = sorted(n for n in os.listdir(OUT_OPX) if n.endswith(".xlsx"))
    libreoffice_resave([os.path.join(OUT_OPX, n) for n in files], OUT_LO)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    print(f"{len(files)} workbooks in {OUT_OPX} and {OUT_LO}")


if __name__ == "__main__":
    main()
