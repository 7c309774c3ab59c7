#!/usr/bin/python3
"""Rebuilds real published self-evaluation forms from 北京, 上海, 河北, 山东 and 安徽 as .xlsx samples.

Run from the repository root:  /usr/bin/python3 samples/regional/a/make_regional_a.py

Every form below was found as text on a public web page (the search tool's `pages` corpus: tables flattened to one
cell per line or one row per line, full-width punctuation often normalised to ASCII). Each builder rebuilds the grid
(labels as the page writes them, merges, header rows, column order, number formats) and says in its first comment:
the address, the page title and date, and what is INVENTED (rows cut off where the stored page text ends, blank
template cells filled with plausible values). Output:

  samples/regional/a/openpyxl/*.xlsx     written by openpyxl (formulas carry no cached values)
  samples/regional/a/libreoffice/*.xlsx  the same files re-saved by LibreOffice (formulas recalculated, cached)
  samples/regional/a/manifest.json       per file: source, region, kind, the schema facts with their cells, the
                                         form's own arithmetic, its scoring rules; err_* files: the one changed cell
                                         and the findings a checker must report

Expectations are computed here with decimal.Decimal from the forms' own numbers, never from jixiao.
The output is deterministic: fixed document dates, fixed zip timestamps.
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
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_OPX = os.path.join(HERE, "openpyxl")
OUT_LO = os.path.join(HERE, "libreoffice")
PROFILE = "/tmp/lo-regional-a-profile"
FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
FONT_B = Font(name="宋体", size=10, bold=True)
FONT_T = Font(name="方正小标宋简体", size=16)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
GEN = "General"
AMT = "#,##0.00"
AMT1 = "#,##0.0"
SC = "0.00"
P0 = "0%"
P2 = "0.00%"


def q2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def num(x):
    """Decimal -> the number written to the cell (int when whole, so 29 stays 29)."""
    d = D(x)
    return int(d) if d == d.to_integral_value() else float(d)


def shown(v, fmt):
    """The string a spreadsheet shows for value v under number format fmt (the formats used here only)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    d = D(str(v))
    if fmt in (None, GEN):
        s = format(d.normalize(), "f")
        return s
    if fmt == SC:
        return str(q2(d))
    if fmt == AMT:
        return f"{q2(d):,}"
    if fmt == AMT1:
        return f"{d.quantize(D('0.1'), rounding=ROUND_HALF_UP):,}"
    if fmt == P0:
        return f"{(d * 100).quantize(D('1'), rounding=ROUND_HALF_UP)}%"
    if fmt == P2:
        return f"{(d * 100).quantize(D('0.01'), rounding=ROUND_HALF_UP)}%"
    raise ValueError(fmt)


def pct2(d):
    return f"{(D(d) * 100).quantize(D('0.01'), rounding=ROUND_HALF_UP)}%"


def grade_cn(score):
    """DOMAIN.md §2 bands (national 优/良/中/差), used only where a form states no bands of its own."""
    s = D(score)
    return "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"


# ------------------------------------------------------------------------------------------------
class Sheet:
    """One worksheet being built: places values, merges, remembers what each cell shows and which schema field it is."""

    def __init__(self, ws, widths):
        self.ws = ws
        self.shown = {}          # cell -> string shown
        self.facts = {}          # field path -> {"cell", "value"}
        for col, w in widths.items():
            ws.column_dimensions[col].width = w

    def put(self, ref, v=None, fmt=None, field=None, align=CENTER, font=FONT, expect=None):
        c = self.ws[ref]
        if isinstance(v, D):
            v = num(v)
        c.value = v
        if isinstance(v, str) and v.startswith("=") and expect is None:
            c.data_type = "s"            # a target typed as text ("=100%", "=8个"), not a formula
        c.font = font
        c.alignment = align
        if fmt:
            c.number_format = fmt
        if isinstance(v, str) and v.startswith("="):
            s = shown(expect, fmt) if expect is not None else None
        else:
            s = shown(v, fmt) if v is not None else None
        if s is not None:
            self.shown[ref] = s
        if field:
            assert s is not None, (ref, field)
            self.facts[field] = {"cell": ref, "value": s}
        return c

    def mg(self, rng, v=None, fmt=None, field=None, align=CENTER, font=FONT, expect=None):
        first, _, last = rng.partition(":")
        self.put(first, v, fmt, field, align, font, expect)
        if last and last != first:
            self.ws.merge_cells(rng)

    def grid(self, rng):
        for row in self.ws[rng]:
            for c in row:
                c.border = BORDER
                if c.value is None:
                    c.font = FONT

    def heights(self, rows, h):
        for r in rows:
            self.ws.row_dimensions[r].height = h


def indicator_block(sh, first_row, cols, rows, prefix="indicators"):
    """Writes indicator rows. rows: tuples (l1, l2, l3, target, actual, weight, score, note[, extra]) where l1/l2 '^'
    continues the merge from the row above, None leaves the cell empty. cols maps l1,l2,l3,tgt,act,w,s,note(,extra)
    to a column or a 'X:Y' span. Returns the indicator list (rows that carry a weight) with their Decimal values."""
    out = []
    r = first_row
    starts = {"l1": None, "l2": None}

    def close(key, upto):
        st = starts[key]
        if st is not None and upto > st:
            col = cols[key]
            sh.ws.merge_cells(f"{col}{st}:{col}{upto}")

    for spec in rows:
        l1, l2, l3, tgt, act, w, s, note = spec[:8]
        extra = spec[8] if len(spec) > 8 else None
        for key, val in (("l1", l1), ("l2", l2)):
            if val == "^":
                continue
            close(key, r - 1)
            starts[key] = r if val is not None else None
            if val is not None:
                sh.put(f"{cols[key]}{r}", val)
        sh.put(f"{cols['l3']}{r}", l3, align=LEFT)
        for key, val in (("tgt", tgt), ("act", act)):
            if isinstance(val, tuple):          # (number, format)
                sh.put(f"{cols[key]}{r}", D(val[0]), val[1])
            else:
                sh.put(f"{cols[key]}{r}", val)
        if w is not None:
            sh.put(f"{cols['w']}{r}", D(w) if not isinstance(w, str) else w)
        if s is not None:
            sh.put(f"{cols['s']}{r}", D(s) if not isinstance(s, str) else s)
        ncol = cols["note"]
        if ":" in ncol:
            a, b = ncol.split(":")
            sh.mg(f"{a}{r}:{b}{r}", note, align=LEFT)
        else:
            sh.put(f"{ncol}{r}", note, align=LEFT)
        if "extra" in cols and extra is not None:
            sh.put(f"{cols['extra']}{r}", extra, align=LEFT)
        if w is not None:
            out.append(dict(row=r, l1=l1, l2=l2, w=D(str(w)), s=D(str(s)) if s is not None else None))
        r += 1
    close("l1", r - 1)
    close("l2", r - 1)
    # facts: level1/level2 are the merged cells that cover the row
    for n, ind in enumerate(out):
        rr = ind["row"]
        for key, fld in (("l1", "level1"), ("l2", "level2")):
            col = cols[key]
            ref = covering(sh.ws, f"{col}{rr}")
            if ref in sh.shown:
                sh.facts[f"{prefix}.{n}.{fld}"] = {"cell": ref, "value": sh.shown[ref]}
        for key, fld in (("l3", "name"), ("tgt", "target"), ("act", "actual"), ("w", "weight"), ("s", "score")):
            ref = f"{cols[key]}{rr}"
            if ref in sh.shown:
                sh.facts[f"{prefix}.{n}.{fld}"] = {"cell": ref, "value": sh.shown[ref]}
    return out, r


def covering(ws, ref):
    """The top-left cell of the merged range that covers ref (ref itself when not merged)."""
    for m in ws.merged_cells.ranges:
        if ref in m:
            return m.coord.split(":")[0]
    return ref


# ================================================================================================
# 安徽 · 六安市裕安区 · 市级文物保护专项经费 (2022)
# ================================================================================================
def f_yuan():
    # Source: https://www.yuan.gov.cn/public/6596881/25080505.html
    # Title: 市级文物保护专项经费绩效自评表(2022年度), 发布时间 2023-05-22, 信息来源 裕安区文旅局.
    # Real: everything down to the 社会效益指标 row (fund row 29 / 29 / 27.8 / 分值 9 / 执行率 0.958 / 得分 8, repeated
    #   on the 其中：当年财政拨款 row; eight 产出 indicators; 社会效益 15/15).
    # INVENTED: the stored page text stops at "可…": the 可持续影响指标 row (分值 16, so that the weights add to the
    #   总分 100: 9 + 50 + 15 + 16 + 10), the 满意度指标 row (10/10) and the 总分 row (100 / 97 = the form's own sum).
    # Widths and punctuation: the page text shows ASCII ":" and "," (normalised); written full-width here as the
    #   Anhui template prints them.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "市级文物保护专项经费"
    sh = Sheet(ws, {"A": 7, "B": 16, "C": 11, "D": 22, "E": 20, "F": 20, "G": 8, "H": 8, "I": 10, "J": 12})
    sh.mg("A1:J1", "市级文物保护专项经费绩效自评表（2022年度）", field="year", font=FONT_T)
    sh.put("A2", "项目名称")
    sh.mg("B2:J2", "市级文物保护专项经费", field="name", align=LEFT)
    sh.put("A3", "主管部门")
    sh.mg("B3:E3", "裕安区文化和旅游局", field="department", align=LEFT)
    sh.mg("F3:G3", "实施单位")
    sh.mg("H3:J3", "裕安区文化和旅游局", field="implementer", align=LEFT)
    sh.mg("A4:A8", "项目资金\n（万元）")
    for col, t in zip("CDEFG", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]):
        sh.put(f"{col}4", t)
    sh.mg("H4:J4", "得分")
    sh.put("B5", "年度资金总额", align=LEFT)
    sh.put("C5", D("29"))
    sh.put("D5", D("29"), field="funds.budget")
    sh.put("E5", D("27.8"), field="funds.executed")
    sh.put("F5", D("9"), field="funds.weight")
    sh.put("G5", D("0.958"), GEN, field="funds.rate")        # typed as a bare fraction, General format
    sh.mg("H5:J5", D("8"), field="funds.score")
    sh.put("B6", "其中：当年财政拨款", align=LEFT)
    for col, v in zip("CDEFG", ["29", "29", "27.8", "9", "0.958"]):
        sh.put(f"{col}6", D(v))
    sh.mg("H6:J6", D("8"))                                   # the sub-row repeats 分值 and 得分
    sh.put("B7", "      上年结转资金", align=LEFT)
    sh.mg("H7:J7")
    sh.put("B8", "  其他资金", align=LEFT)
    sh.mg("H8:J8")
    sh.mg("A9:A10", "年度总体目标")
    sh.mg("B9:F9", "预期目标")
    sh.mg("G9:J9", "实际完成情况")
    sh.mg("B10:F10", "通过项目实施，完成六安市罗氏宗祠、李氏宗祠、英布墓日常维护，赤卫军指挥部旧址报病虫害防治测绘、"
                     "国保省保矢量数据测绘、龙盘石刻护栏制装，加大文物保护力度，发挥文物的宣传教育价值。",
          field="goals.planned", align=LEFT)
    sh.mg("G10:J10", "基本完成年度目标。", field="goals.achieved", align=LEFT)
    sh.mg("A11:A22", "绩效指标")
    for col, t in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"]):
        sh.put(f"{col}11", t)
    sh.mg("I11:J11", "偏差原因分析及改进措施")
    work = ("完成六安市六安市罗氏宗祠、李氏宗祠、英布墓日常维护，指挥部旧址报病虫害防治测绘、国保省保矢量数据测绘、"
            "龙盘石刻护栏制装")
    rows = [
        ("产出指标", "数量指标", "指标1：修缮建筑数量", work, work, 7, 7, None),
        ("^", "^", "指标2：修缮建筑面积", "6000平方米", "6000平方米", 7, 7, None),
        ("^", "^", "指标3：修缮级别", "市级保护单位", "市级保护单位", 7, 7, None),
        ("^", "质量指标", "指标1：验收通过率", "100%", "95%", 6, 5, None),
        ("^", "^", "指标2：工程质量管理", "≥95%", "98%", 6, 6, None),
        ("^", "^", "指标3：文明施工", "≥95%", "97%", 6, 6, None),
        ("^", "时效指标", "项目设计、招标、施工", "完成时间为2022年12月30日", "完成时间为2022年12月30日", 6, 5, None),
        ("^", "成本指标", "项目成本控制在预算内", "本着节约的原则，控制在预算中。", "100%", 5, 5, None),
        ("效益指标", "社会效益指标", "文物本体安全、体现文物价值，提升知名度", "加大文物保护，展示文物价值", "程度较高", 15, 15,
         None),
        ("^", "可持续影响指标", "文物保护长效机制", "持续发挥", "持续发挥", 16, 16, None),        # INVENTED row
        ("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥90%", "95%", 10, 10, None),        # INVENTED row
    ]
    cols = dict(l1="B", l2="C", l3="D", tgt="E", act="F", w="G", s="H", note="I:J")
    inds, r = indicator_block(sh, 12, cols, rows)
    sh.mg(f"A{r}:F{r}", "总分", font=FONT_B)
    sh.put(f"G{r}", D("100"))
    sh.mg(f"H{r}:J{r}", D("97"), field="total_score")
    sh.grid(f"A2:J{r}")
    sh.heights([10], 60)
    sh.heights([12], 60)
    fund_score = D("8")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == D("97")
    rate = D("27.8") / D("29")
    arith = (f"资金得分 = 分值 9 × 执行率 (27.8/29 = {rate:.4f}) = {q2(9 * rate)}, the form writes 8 (and 执行率 0.958, "
             f"truncated); 产出 7+7+7+5+6+6+5+5 = 48 of 50; 效益 15+16 = 31; 满意度 10; 总分 = 8 + 48 + 31 + 10 = 97 "
             f"(分值 9 + 50 + 31 + 10 = 100); no grade cell (national bands would give {grade_cn(total)})")
    scoring = ("national project form (财预〔2020〕10号 附件1 layout): weights written per row in 分值, one-level weights not "
               "printed; 资金 分值 9 (not 10) on this form; fund score = 分值 × 执行率; no grade words on the form")
    disc = [
        dict(cell="H5", expected=str(q2(9 * rate)), found="8", what="资金得分 8 ≠ 9 × 27.8/29 = 8.63 (the unit wrote a "
             "whole number); same on the 其中 row H6", severity="warning"),
        dict(cell="G5", expected=f"{rate.quantize(D('0.001'), rounding=ROUND_HALF_UP)}", found="0.958",
             what="执行率 0.958 is 27.8/29 = 0.95862 truncated, not rounded", severity="info"),
        dict(cell="G6", expected=f"{rate.quantize(D('0.001'), rounding=ROUND_HALF_UP)}", found="0.958",
             what="the same truncated 执行率 repeated on the 其中：当年财政拨款 row", severity="info"),
        dict(cell="H15", expected="5.70", found="5", what="验收通过率 95% of 100%: ratio rule gives 6 × 0.95 = 5.70, the "
             "form gives 5", severity="warning"),
        dict(cell="H18", expected="6", found="5", what="时效 actual equals target (2022年12月30日) yet 5 of 6",
             severity="warning"),
    ]
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring,
                     discrepancies=disc, total_cell=f"H{r}", total=total, inds=inds, fund_score=fund_score)]


# ================================================================================================
# 安徽 · 池州市贵池区棠溪镇 · 委托业务项目 / 村级补助及运转经费 (2022)
# ================================================================================================
GUICHI_CODE = "219-池州市贵池区棠溪镇人民政府"
GUICHI_IMPL = "219001-池州市贵池区棠溪镇人民政府"


def guichi_sheet(ws, p):
    sh = Sheet(ws, {"A": 7, "B": 18, "C": 14, "D": 26, "E": 18, "F": 14, "G": 8, "H": 8, "I": 10, "J": 12})
    sh.put("A1", "附件：", align=LEFT)
    sh.mg("A2:J2", "项目支出绩效自评表", font=FONT_T)
    sh.mg("A3:J3", "（2022年度）", field="year")
    sh.put("A4", "项目名称")
    sh.mg("B4:J4", p["name"], field="name", align=LEFT)
    sh.put("A5", "主管部门")
    sh.mg("B5:E5", GUICHI_CODE, field="department", align=LEFT)
    sh.mg("F5:G5", "实施单位")
    sh.mg("H5:J5", GUICHI_IMPL, field="implementer", align=LEFT)
    sh.mg("A6:A10", "项目资金\n（万元）")
    for col, t in zip("CDEFG", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]):
        sh.put(f"{col}6", t)
    sh.mg("H6:J6", "得分")
    sh.put("B7", "年度资金总额：", align=LEFT)
    # the published total row is all zeros although the 其中 row carries the money (see discrepancies)
    sh.put("C7", D("0"))
    sh.put("D7", D("0"), field="funds.budget")
    sh.put("E7", D("0"), field="funds.executed")
    sh.put("F7", D("10"), field="funds.weight")
    sh.put("G7", D("0"), field="funds.rate")
    sh.mg("H7:J7", D("0"), field="funds.score")
    sh.put("B8", "其中：本年财政拨款", align=LEFT)
    sh.put("C8", D(p["initial"]))
    sh.put("D8", D(p["budget"]))
    sh.put("E8", D(p["executed"]))
    sh.mg("H8:J8")
    sh.put("B9", "上年结转资金", align=LEFT)
    sh.mg("H9:J9")
    sh.put("B10", "其他资金", align=LEFT)
    sh.mg("H10:J10")
    sh.mg("A11:A12", "年度总体目标")
    sh.mg("B11:F11", "预期目标")
    sh.mg("G11:J11", "实际完成情况")
    sh.mg("B12:F12", p["planned"], field="goals.planned", align=LEFT)
    sh.mg("G12:J12", p["achieved"], field="goals.achieved", align=LEFT)
    for col, t in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        sh.put(f"{col}13", t)
    sh.mg("I13:J13", "偏差原因分析及改进措施")
    cols = dict(l1="B", l2="C", l3="D", tgt="E", act="F", w="G", s="H", note="I:J")
    inds, r = indicator_block(sh, 14, cols, p["rows"])
    sh.ws.merge_cells(f"A13:A{r - 1}")
    sh.put("A13", "绩效指标")
    sh.mg(f"A{r}:F{r}", "总分", font=FONT_B)
    sh.put(f"G{r}", D("100"))
    sh.mg(f"H{r}:J{r}", D(p["total"]), field="total_score")
    sh.grid(f"A4:J{r}")
    sh.heights([12], 75)
    total = D("0") + sum(i["s"] for i in inds)
    assert total == D(p["total"])
    return sh, inds, f"H{r}", total


def f_guichi():
    # Source 1: http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2  (a mirror of the 贵池区 site's
    #   attachment download; the stored text carries the WPS metadata of the .doc, last saved 2022-05-16)
    #   Title: 附件: 项目支出绩效自评表 (2022年度) — 委托业务项目, 主管部门 219-池州市贵池区棠溪镇人民政府.
    # Source 2: http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2 — same template, 村级补助及运转经费.
    # Real: both headers, the fund rows (年度资金总额: 0 0 0 10 0 0 although 其中:本年财政拨款 carries 90 / 89.974 /
    #   89.974 and 202.64 / 132.912 / 132.912), both goal texts, all 产出 rows and the 效益 rows shown; labels
    #   "产出指标(50分)", "效益指标(30分)", "满意度指标(10分)" kept with the ASCII brackets the stored text shows.
    # INVENTED: sheet 1: the 满意度 row's completion ("公众满" → 公众满意度 ≥90% 达成预期指标 10/10) and the 总分 row
    #   (100 / 90 = 0 + 50 + 30 + 10); sheet 2: the 可持续影响指标 row, the empty 生态效益指标 row, the 满意度 row and 总分.
    wb = openpyxl.Workbook()
    ws1 = wb.active
    ws1.title = "委托业务项目"
    p1 = dict(name="委托业务项目", initial="90", budget="89.974", executed="89.974", total="90",
              planned="本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；"
                      "30万元用于基建工程项目设计、规划、测绘。",
              achieved="本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；"
                       "29.99万元用于基建工程项目设计、规划、测绘。",
              rows=[
                  ("产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", 50, 8, 8, None),
                  ("^", "质量指标", "委托业务报告合格率", "≥100百分比", 100, 8, 8, None),
                  ("^", "^", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", 8, 8, None),
                  ("^", "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", 8, 8, None),
                  ("^", "成本指标", "项目总成本", "≤90万元", 90, 8, 8, None),
                  ("^", "^", "单项业务成本", "符合相关规定", "达成预期指标", 10, 10, None),
                  ("效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 10, 10, None),
                  ("^", "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", 10, 10, None),
                  ("^", "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标", 10,
                   10, None),
                  ("^", "经济效益指标", None, None, None, None, None, None),
                  ("满意度指标(10分)", "满意度指标", "公众满意度", "≥90%", "达成预期指标", 10, 10, None),   # INVENTED tail
              ])
    sh1, inds1, tc1, t1 = guichi_sheet(ws1, p1)
    ws2 = wb.create_sheet("村级补助及运转经费")
    p2 = dict(name="村级补助及运转经费", initial="202.64", budget="132.912", executed="132.912", total="90",
              planned="本项目共申请预算资金2026400元，其中村级组织运转400000元，村民组长，党小组长基本报酬252000元，"
                      "村民监督委员会 工资28000元，村级事务补助960000元，村级工作目标奖励100000元。",
              achieved="本项目共完成预算资金1329120.67元，其中村级组织运转439120.67元，村民组长，党小组长基本报酬152000元，"
                       "村民监督委员会 工资28000元，村级事务补助660000元，村级工作目标奖励50000元。",
              rows=[
                  ("产出指标(50分)", "数量指标", "补助村（社区）数量", "=8个", 8, 8, 8, None),
                  ("^", "^", "保障村干部人数", "=42个", 42, 8, 8, None),
                  ("^", "质量指标", "补助资格合规性", "合规", "达成预期指标", 8, 8, None),
                  ("^", "^", "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标", 8, 8, None),
                  ("^", "时效指标", "补助经费到位及时性", "及时", "达成预期指标", 8, 8, None),
                  ("^", "成本指标", "项目总成本", "≤202.6万元", D("132.9"), 10, 10, None),
                  ("效益指标(30分)", "经济效益指标", "对保障村（社区）两委机构正常运行的影响程度", "效果明显", "达成预期指标",
                   10, 10, None),
                  ("^", "社会效益指标", "提高村（社区）干部工作积极性的影响程度", "效果明显", "达成预期指标", 10, 10, None),
                  ("^", "可持续影响指标", "对村级组织长效运转的影响程度", "效果明显", "达成预期指标", 10, 10, None),  # INVENTED
                  ("^", "生态效益指标", None, None, None, None, None, None),                                  # INVENTED
                  ("满意度指标(10分)", "满意度指标", "村干部满意度", "≥90%", "达成预期指标", 10, 10, None),     # INVENTED
              ])
    sh2, inds2, tc2, t2 = guichi_sheet(ws2, p2)
    out = []
    for sh, inds, tc, t, p in ((sh1, inds1, tc1, t1, p1), (sh2, inds2, tc2, t2, p2)):
        arith = (f"资金得分 = 10 × 执行率; the 年度资金总额 row says 0 / 0 / 0 so 执行率 0 (0/0, undefined) and 得分 0, while "
                 f"其中：本年财政拨款 says {p['budget']} budgeted, {p['executed']} executed (100%); 产出 50 of 50, 效益 30 of "
                 f"30, 满意度 10 of 10; 总分 = 0 + 50 + 30 + 10 = {t}")
        scoring = ("Anhui county form on the national layout; one-level weights in the labels: 产出指标(50分), 效益指标(30分), "
                   "满意度指标(10分); 资金 分值 10; fund score = 分值 × 执行率; no grade on the form")
        disc = [dict(cell=c, expected=p[k], found="0",
                     what=f"年度资金总额 {lab} 0 ≠ Σ其中 = {p[k]} (the published total row was left at zero)",
                     severity="error")
                for c, k, lab in (("C7", "initial", "年初预算数"), ("D7", "budget", "全年预算数"),
                                  ("E7", "executed", "全年执行数"))]
        disc += [
                dict(cell="G7", expected="(undefined: 全年预算数 0)", found="0",
                     what="执行率 of a zero budget: a checker must not divide by zero", severity="warning")]
        out.append(dict(name=sh.ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring,
                        discrepancies=disc, total_cell=tc, total=t, inds=inds, fund_score=D("0")))
    return wb, out


# ================================================================================================
# 河北 · 廊坊市食品工程学校 · 办公宿舍楼、食堂及餐厅暖通改造经费 (2019)
# ================================================================================================
def f_langfang():
    # Source: http://www.lfsp.cn/newsinfo/1158053.html
    # Title: 办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改) — 附件1 项目支出绩效自评表 2019年度) (sic).
    # Real: every row down to the 满意度 block's "指标2" (the 河北 2019 template keeps its 指标1/指标2/…… rows, the two
    #   separate 效益指标 cells, the amounts typed into the 年度总体目标 cells, "0" in some 偏差 cells).
    # INVENTED: the stored text ends at 满意度 "指标2": its "……" row and the 总分 row (100 / 98 = the form's own sum).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    sh = Sheet(ws, {"A": 10, "B": 14, "C": 22, "D": 10, "E": 10, "F": 8, "G": 8, "H": 30})
    sh.put("A1", "附件1", align=LEFT)
    sh.mg("A2:H2", "项目支出绩效自评表", font=FONT_T)
    sh.mg("A3:H3", "2019年度）", field="year")                 # the opening bracket is missing on the page
    sh.put("A4", "项目名称")
    sh.mg("B4:H4", "办公宿舍楼、食堂及餐厅暖通改造经费", field="name", align=LEFT)
    sh.put("A5", "主管部门")
    sh.mg("B5:H5", "廊坊市发改委", field="department", align=LEFT)
    sh.put("A6", "实施单位")
    sh.mg("B6:H6", "廊坊市食品工程学校", field="implementer", align=LEFT)
    sh.mg("A7:A11", "项目资金\n（万元）")
    for col, t in zip("CDEFGH", ["年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"]):
        sh.put(f"{col}7", t)
    rate = D("37.24") / D("43.2")
    sh.put("B8", "年度资金总额", align=LEFT)
    sh.put("C8", D("43.2"))
    sh.put("D8", D("43.2"), field="funds.budget")
    sh.put("E8", D("37.24"), field="funds.executed")
    sh.put("F8", D("10"), field="funds.weight")
    sh.put("G8", "=E8/D8", P0, field="funds.rate", expect=rate)
    sh.put("H8", D("9"), field="funds.score")
    sh.put("B9", "其中：当年财政拨款", align=LEFT)
    sh.put("C9", D("43.2"))
    sh.put("D9", D("43.2"))
    sh.put("E9", D("37.24"))
    sh.put("B10", "      上年结转资金", align=LEFT)
    sh.put("B11", "  其他资金", align=LEFT)
    sh.mg("A12:A13", "年度总体目标")
    sh.mg("B12:E12", "预期目标")
    sh.mg("F12:H12", "实际完成情况")
    sh.mg("B13:E13", D("43.2"), field="goals.planned")          # amounts where the goal texts belong
    sh.mg("F13:H13", D("37.24"), field="goals.achieved")
    for col, t in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分",
                                   "偏差原因分析及改进措施"]):
        sh.put(f"{col}14", t)
    E = (None, None, None, None, None)
    rows = [
        ("产出指标", "数量指标", "指标1工程资金金额", D("43.2"), D("37.24"), 10, 9,
         "已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。"),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("^", "质量指标", "指标1工程完工率", 100, 100, 10, 10, None),
        ("^", "^", "指标2工程验收合格率", 100, 100, 10, 10, None),
        ("^", "^", "……") + E,
        ("^", "时效指标", "指标1项目完成及时率", 100, 100, 10, 10, None),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("^", "成本指标", "指标1成本控制率", 100, 100, 10, 10, None),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("效益指标", "经济效益\n指标", "指标1安全率", 100, 100, 10, 10, 0),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("^", "社会效益\n指标", "指标1学校发展能力", 100, 100, 10, 10, 0),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("^", "生态效益\n指标", "指标1") + E,
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("效益指标", "可持续影响\n指标", "指标1长期使用性", 100, 100, 10, 10, None),     # a second 效益指标 cell
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,
        ("满意度\n指标", "服务对象满意度指标", "指标1学生满意度", 100, 100, 10, 10, 0),
        ("^", "^", "指标2") + E,
        ("^", "^", "……") + E,                                                           # INVENTED (page ends)
    ]
    cols = dict(l1="A", l2="B", l3="C", tgt="D", act="E", w="F", s="G", note="H")
    inds, r = indicator_block(sh, 15, cols, rows)
    sh.mg(f"A{r}:E{r}", "总分", font=FONT_B)
    sh.put(f"F{r}", D("100"))
    sh.put(f"G{r}", D("98"), field="total_score")                                     # INVENTED (own sum)
    sh.grid(f"A4:H{r}")
    sh.heights([15], 45)
    fund_score = D("9")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == D("98")
    arith = (f"执行率 = 37.24/43.2 = {pct2(rate)} (formula, shown 86%); 资金得分 = 10 × {rate:.4f} = {q2(10 * rate)}, the "
             f"form writes 9; indicators 9 + 10×8 = 89 of 90; 总分 = 9 + 89 = 98 (分值 10 + 9×10 = 100); "
             f"placeholder rows 指标2/…… carry nothing")
    scoring = ("Hebei 2019 form on the national layout, no 绩效指标 column: 一级指标 starts in column A; every weight in "
               "分值 (10 each), none in labels; fund score = 分值 × 执行率 (the unit rounds to whole points)")
    disc = [
        dict(cell="H8", expected=str(q2(10 * rate)), found="9", what="资金得分 9 ≠ 10 × 37.24/43.2 = 8.62 (rounded to a "
             "whole point)", severity="warning"),
        dict(cell="G15", expected=str(q2(10 * rate)), found="9", what="工程资金金额 37.24 of 43.2: ratio rule gives 8.62, "
             "the form gives 9", severity="warning"),
    ]
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring,
                     discrepancies=disc, total_cell=f"G{r}", total=total, inds=inds, fund_score=fund_score,
                     rate_cell="G8", rate=rate)]


# ================================================================================================
# 河北 · 宁晋县教育局 · 2019年度高中助学金项目绩效评价指标表
# ================================================================================================
def f_ningjin():
    # Source: https://www.ningjin.gov.cn/content/26279.html
    # Title: 2019年度宁晋县高中助学金项目绩效评价指标表, 发布时间 2020-12-02, 发布机构 教育局 (the page renders the
    #   attached 2019年度宁晋县高中助学金项目绩效评价指标表.xlsx).
    # Real: every row (weights 20 + 10 + 10 + 10 + 10 + 20 + 20 = 100, 总分 100). The page text runs the cells
    #   together; the split of "制度指标 / 规章制度建立与否" and "产出 / 数量指标 / 享受资助人数达到预计值" over the columns
    #   评价内容 / 指标名称 / 指标说明 is this script's reading of it.
    # INVENTED: nothing but the SUM formula in 总分 (the attachment's own formula is not visible).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标表"
    sh = Sheet(ws, {"A": 16, "B": 10, "C": 12, "D": 28, "E": 10, "F": 8, "G": 10})
    sh.mg("A1:G1", "2019年度宁晋县高中助学金项目绩效评价指标表", field="year", font=FONT_T)
    for col, t in zip("ABCDEFG", ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"]):
        sh.put(f"{col}2", t)
    sh.mg("A3:A9", "项目年度绩效目标\n（定量指标）")
    sh.mg("B3:C3", "制度指标")
    items = [
        # row, 评价内容, 指标名称, 指标说明, 目标值, 分值
        (3, "制度指标", None, "规章制度建立与否", None, 20),
        (4, "产出", "数量指标", "享受资助人数达到预计值", D("2100"), 10),
        (5, "产出", "数量指标", "资金支出率达到目标值", (D("0.95"), P0), 10),
        (6, "产出", "质量指标", "建档立卡学生全面覆盖", (D("1"), P0), 10),
        (7, "产出", "质量指标", "资助对象满意度达到目标值", "95%以上", 10),
        (8, "产出", "时效指标", "及时发放率达到目标值", (D("1"), P0), 20),
        (9, "产出", "成本指标", "资助标准达标率", (D("1"), P0), 20),
    ]
    sh.mg("B4:B9", "产出")
    sh.mg("C4:C5", "数量指标")
    sh.mg("C6:C7", "质量指标")
    sh.put("C8", "时效指标")
    sh.put("C9", "成本指标")
    for n, (r, l2, l3, desc, tgt, w) in enumerate(items):
        sh.put(f"D{r}", desc, align=LEFT)
        if isinstance(tgt, tuple):
            sh.put(f"E{r}", tgt[0], tgt[1])
        elif tgt is not None:
            sh.put(f"E{r}", tgt)
        sh.put(f"F{r}", D(w))
        for fld, col in (("level1", "B"), ("level2", "C")):
            ref = covering(ws, f"{col}{r}")
            sh.facts[f"items.{n}.{fld}"] = {"cell": ref, "value": sh.shown[ref]}
        sh.facts[f"items.{n}.level3"] = {"cell": f"D{r}", "value": desc}
        if f"E{r}" in sh.shown:
            sh.facts[f"items.{n}.standard"] = {"cell": f"E{r}", "value": sh.shown[f"E{r}"]}
        sh.facts[f"items.{n}.weight"] = {"cell": f"F{r}", "value": str(w)}
    sh.mg("A10:E10", "总分", font=FONT_B)
    tw = sum(D(x[5]) for x in items)
    assert tw == 100
    sh.put("F10", "=SUM(F3:F9)", GEN, field="total_weight", expect=tw)
    sh.grid("A2:G10")
    arith = "Σ分值 = 20 + 10 + 10 + 10 + 10 + 20 + 20 = 100 = 总分 (F10, =SUM(F3:F9)); no score column on this form"
    scoring = ("county 指标表 fixing the weights before scoring: weights only in the 分值 column, 总分 100; 评价指标 is a "
               "block label (项目年度绩效目标（定量指标）), 评价内容 holds 产出, 指标名称 holds the 二级 names")
    return wb, [dict(name=ws.title, kind="score_table", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=[],
                     total_cell="F10", total=tw)]


# ================================================================================================
# 安徽 · 寿县 · 2023年度部门整体支出绩效评价自评表
# ================================================================================================
def f_shouxian():
    # Source: https://www.shouxian.gov.cn/public/118322758/1259995520.html
    # Title: 2023年度部门整体支出绩效评价自评表 (寿县 government site, public/ 信息公开 page).
    # Real: the header, the 单位 line (left blank on the page), the column heads, rows 1–5 (规划 (15分): 基础信息 (3分),
    #   工作计划 (6分), 绩效目标 (6分), with their 指标解释, 评分标准 and 自评得分 3/3/3/4/2) and row 6's start (执行 (35分),
    #   预算执行 (18分), 预算执行率, 5, its 指标解释 and the first words of its 评分标准).
    # INVENTED: the stored text ends inside row 6: its self-score (4.6) and the end of its 评分标准; rows 7–16 (the rest of
    #   执行 (35分) and a 效果 (50分) group, weights chosen to add to 100, short texts, self-scores) and the 合计 row.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    sh = Sheet(ws, {"A": 6, "B": 9, "C": 11, "D": 13, "E": 8, "F": 40, "G": 40, "H": 9})
    sh.mg("A1:H1", "2023年度部门整体支出绩效评价自评表", field="year", font=FONT_T)
    sh.put("A2", "单位")
    sh.mg("B2:H2", None, align=LEFT)
    for col, t in zip("ABCDEFGH", ["序号", "一级\n指标", "二级\n指标", "三级\n指标", "指标分值", "指标解释",
                                   "指标说明及评分标准", "自评得分"]):
        sh.put(f"{col}3", t)
    R = [  # (二级 or '^', 三级, 分值, 指标解释, 评分标准, 自评得分)
        ("基础信息\n（3分）", "基础信息\n完整性", 3,
         "部门及所属二级单位预算基础信息是否符合相关规定，信息资料是否真实、完整，用以评价该单位基础信息对预算编制数据的支撑"
         "情况（按年初预算基础信息表考核）。",
         "1、基础数据信息是否真实（1分）；\n2、基础数据信息是否完整（1分）；\n3、基础数据信息是否准确（1分）。", "3"),
        ("工作计划\n（6分）", "年度工作\n计划完整性", 3, "部门及所属二级单位年度工作计划制定是否完整可行。",
         "年度工作计划是否完整可行（3分）", "3"),
        ("^", "年度工作\n计划明确性", 3, "部门及所属二级单位年度工作计划制定是否明确可操作。",
         "年度工作计划是否明确可操作（3分）", "3"),
        ("绩效目标\n（6分）", "年度绩效\n目标合理性", 4, "单位是否设置年度绩效目标，绩效目标设定是否符合单位实际，是否合理。",
         "1、设置年度绩效目标（2分，其中单位整体绩效目标1分，项目绩效目标1分，若单位无项目，得2分）\n2、绩效目标设置依据充分"
         "（1分）\n3、绩效目标合理，符合实际，可操作（1分）\n4、未设置绩效目标，该栏不得分", "4"),
        ("^", "年度绩效\n目标明确性", 2, "是否制定明确、细化、量化的绩效目标。", "绩效目标明确，且细化、量化（2分）；", "2"),
        ("预算执行\n（18分）", "预算执行率", 5,
         "部门及所属二级单位本年度预算执行数与预算数的比率，用以反映和考核部门（单位）预算执行程度。预算执行率=（预算执行数/"
         "预算数）×100%。\n预算执行数：部门（单位）本年度实际执行的预算数。\n预算数：财政部门批复的本年度部门（单位）预算数。",
         "1、除上级政策性因素影响外，年度无预算追加（1分）；\n2、预算执行率≥95%得4分，每低1个百分点扣0.2分。",  # 2、INVENTED
         "4.6"),                                                                                 # score INVENTED
        # ---- INVENTED from here on
        ("^", "预算调整率", 5, "部门本年度预算调整数与预算数的比率。", "预算调整率≤5%得满分，每高1个百分点扣1分。", "5"),
        ("^", "结转结余率", 4, "部门本年度结转结余总额与支出预算数的比率。", "结转结余率≤5%得满分，每高1个百分点扣0.5分。",
         "3"),
        ("^", "支付进度", 4, "部门各季度支付进度是否达到序时要求。", "每季度未达序时进度扣1分。", "4"),
        ("预算管理\n（17分）", "管理制度\n健全性", 5, "部门为加强预算管理、规范财务行为而制定的管理制度是否健全完整。",
         "制度健全（3分），执行有效（2分）。", "5"),
        ("^", "资金使用\n合规性", 6, "部门使用预算资金是否符合相关的财务管理制度规定。", "发现一处违规扣2分，扣完为止。", "6"),
        ("^", "政府采购\n规范性", 6, "部门政府采购是否按规定程序执行。", "采购程序不规范每次扣1分。", "5"),
        ("履职效能\n（30分）", "重点工作\n完成率", 15, "部门年度重点工作实际完成数与计划数的比率。",
         "完成率×15分。", "15"),
        ("^", "年度任务\n完成及时性", 15, "部门是否按时完成年度各项工作任务。", "每项任务延期扣1分。", "14"),
        ("社会效应\n（20分）", "社会效益", 10, "部门履职对经济社会发展所带来的直接或间接影响。", "效益明显得满分，一般得6分。",
         "9.5"),
        ("^", "服务对象\n满意度", 10, "服务对象对部门履职效果的满意程度。", "满意度≥90%得满分，每低1个百分点扣0.5分。", "10"),
    ]
    groups = [("规划\n（15分）", 4, 8, D(15)), ("执行\n（35分）", 9, 15, D(35)), ("效果\n（50分）", 16, 19, D(50))]
    for g, (lab, a, b, w) in enumerate(groups):
        sh.mg(f"B{a}:B{b}", lab, field=f"groups.{g}.weight")
    start = None
    scores = []
    for n, (l2, l3, w, expl, rule, s) in enumerate(R):
        r = 4 + n
        sh.put(f"A{r}", D(n + 1))
        if l2 != "^":
            if start is not None and r - 1 > start:
                ws.merge_cells(f"C{start}:C{r - 1}")
            start = r
            sh.put(f"C{r}", l2)
        sh.put(f"D{r}", l3)
        sh.put(f"E{r}", D(w))
        sh.put(f"F{r}", expl, align=LEFT)
        sh.put(f"G{r}", rule, align=LEFT)
        sh.put(f"H{r}", D(s))
        scores.append(D(s))
    ws.merge_cells(f"C{start}:C{4 + len(R) - 1}")
    for n, (l2, l3, w, expl, rule, s) in enumerate(R):
        r = 4 + n
        for fld, col in (("level1", "B"), ("level2", "C")):
            ref = covering(ws, f"{col}{r}")
            sh.facts[f"items.{n}.{fld}"] = {"cell": ref, "value": sh.shown[ref]}
        sh.facts[f"items.{n}.level3"] = {"cell": f"D{r}", "value": l3}
        sh.facts[f"items.{n}.rule"] = {"cell": f"G{r}", "value": rule}
        sh.facts[f"items.{n}.weight"] = {"cell": f"E{r}", "value": str(w)}
        sh.facts[f"items.{n}.score"] = {"cell": f"H{r}", "value": s}
    last = 4 + len(R) - 1
    t = last + 1
    tw = sum(D(x[2]) for x in R)
    ts = sum(scores)
    assert tw == 100 and ts == D("96.1")
    sh.mg(f"A{t}:D{t}", "合计", font=FONT_B)
    sh.put(f"E{t}", f"=SUM(E4:E{last})", GEN, field="total_weight", expect=tw)
    sh.mg(f"F{t}:G{t}")
    sh.put(f"H{t}", f"=SUM(H4:H{last})", GEN, field="total_score", expect=ts)
    sh.grid(f"A3:H{t}")
    gs = [sum(scores[a - 4:b - 3]) for _, a, b, _ in groups]
    arith = (f"规划 3+3+3+4+2 = {gs[0]} of 15; 执行 4.6+5+3+4 + 5+6+5 = {gs[1]} of 35; 效果 15+14 + 9.5+10 = {gs[2]} of 50; "
             f"合计 = {gs[0]} + {gs[1]} + {gs[2]} = {ts} (=SUM(H4:H{last})); 指标分值 Σ = 100 (=SUM(E4:E{last})); "
             f"group and 二级 weights appear only inside labels (规划（15分）, 基础信息（3分）…) and must equal the sums of 指标分值")
    scoring = ("Anhui 部门整体支出绩效评价 framework: 一级 规划/执行/效果 with weights in the labels, 二级 weights in the labels, "
               "三级 weight in 指标分值, self-score in 自评得分; scoring rules as text per row in 指标说明及评分标准; no grade row")
    return wb, [dict(name=ws.title, kind="score_table", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=[],
                     total_cell=f"H{t}", total=ts, group_scores=gs)]


# ================================================================================================
# 山东 · 济南市历城区文化馆 · 商品和服务支出 (2019)
# ================================================================================================
def f_licheng():
    # Source: http://jnslcqwhg.cn/newsinf_id_308.html  (济南市历城区文化馆 site)
    # Title: 区级部门预算项目支出绩效自评表, 发布时间 2020-04-27; ( 2019 年度).
    # Real: header block (主管部门（盖章）：/ 单位：万元, 项目负责人, 联系电话), 年度总体目标 (年初设定目标 | 年度总体目标完成
    #   情况综述), the 项目预算执行情况（10分） block with its 得分计算方法 column, the indicator header with 预期指标值（A）/
    #   实际完成指标值（B）/ 未完成原因 / 得分计算方法, the four 产出 rows (12.5 each) with their "-" placeholder rows, the
    #   经济效益 row and the start of the 社会效益 row.
    # The page text shows only "(50分)" and "(30分)" where the 一级 labels stand (the words are lost in the stored
    #   text); written "产出\n指标\n（50分）" / "效益\n指标\n（30分）" here following the form's own 分值 split.
    # INVENTED: the end of the 社会效益 indicator text and its values (10/10), the 生态效益 "-" row, the 可持续影响 row
    #   (10/10), the 满意度指标（10分） rows and the 总分 row (100 / 100).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    sh = Sheet(ws, {"A": 12, "B": 12, "C": 30, "D": 12, "E": 12, "F": 10, "G": 8, "H": 12, "I": 36})
    sh.mg("A1:I1", "区级部门预算项目支出绩效自评表", font=FONT_T)
    sh.mg("A2:I2", "（ 2019 年度）", field="year")
    sh.mg("A3:E3", "主管部门（盖章）：", align=LEFT)
    sh.mg("F3:I3", "单位：万元", align=RIGHT)
    sh.put("A4", "项目名称")
    sh.mg("B4:D4", "商品和服务支出", field="name", align=LEFT)
    sh.put("E4", "主管部门")
    sh.mg("F4:I4", "济南市历城区文化和旅游局", field="department", align=LEFT)
    sh.put("A5", "项目实施单位")
    sh.mg("B5:D5", "济南市历城区文化馆", field="implementer", align=LEFT)
    sh.put("E5", "项目负责人")
    sh.put("F5", "田延青")
    sh.put("G5", "联系电话")
    sh.mg("H5:I5", "88894492")
    sh.mg("A6:A7", "年度总体目标")
    sh.mg("B6:E6", "年初设定目标")
    sh.mg("F6:I6", "年度总体目标完成情况综述")
    sh.mg("B7:E7", "历城区文化馆免费开放", field="goals.planned", align=LEFT)
    sh.mg("F7:I7", "用于历城区文化馆全年免费开放，主要支付招聘合同人员工资，确保我馆全年正常免费开放和群众文化工作开展。",
          field="goals.achieved", align=LEFT)
    sh.mg("A8:A11", "项目预算\n执行情况\n（10分）")
    for col, t in zip("CDEFG", ["年初预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]):
        sh.put(f"{col}8", t)
    sh.mg("H8:I8", "得分计算方法")
    sh.put("B9", "年度资金总额", align=LEFT)
    sh.put("C9", D("45"), field="funds.budget")
    sh.put("D9", D("45"), field="funds.executed")
    sh.put("E9", D("10"), field="funds.weight")
    sh.put("F9", "=D9/C9", P0, field="funds.rate", expect=D(1))
    sh.put("G9", D("10"), field="funds.score")
    sh.mg("H9:I9", "执行率*该指标分值，最高不得超过分值上限。", align=LEFT)
    sh.put("B10", "其中：财政拨款", align=LEFT)
    sh.put("C10", D("45"))
    sh.put("D10", D("45"))
    for col in "EFG":
        sh.put(f"{col}10", "-")
        sh.put(f"{col}11", "-")
    sh.mg("H10:I10")
    sh.put("B11", "      其他资金", align=LEFT)
    sh.mg("H11:I11")
    for col, t in zip("ABCDEFGHI", ["一级\n指标", "二级\n指标", "三级指标", "预期指标值（A）", "实际完成指标值（B）", "分值",
                                    "得分", "未完成原因", "得分计算方法"]):
        sh.put(f"{col}12", t)
    P = (D(1), P0)
    X = (None, None, None, None, None)
    rows = [
        ("产出\n指标\n（50分）", "数量指标", "全年免费开放", P, P, D("12.5"), D("12.5"), None),
        ("^", "^", "-") + X,
        ("^", "质量指标", "免费开放管理制度健全、执行有效性", P, P, D("12.5"), D("12.5"), None),
        ("^", "^", "-") + X,
        ("^", "时效指标", "免费开放率", P, P, D("12.5"), D("12.5"), None),
        ("^", "^", "-") + X,
        ("^", "成本指标", "实际成本与工作内容的匹配程度", "45万", "45万", D("12.5"), D("12.5"), None),
        ("^", "^", "-") + X,
        ("^", "-", "-") + X,
        ("效益\n指标\n（30分）", "经济效益\n指标", "承担重要公益服务项目、助推民生事业发展", P, P, 10, 10, None),
        ("^", "^", "-") + X,
        ("^", "社会效益\n指标", "促进基本公共文化服务标准化均等化，保障群众基本文化权益。满足广大人民群众接受素质教育、"
                            "提高文化素养的需求。", P, P, 10, 10, None),                 # end of text + values INVENTED
        ("^", "^", "-") + X,
        ("^", "生态效益\n指标", "-") + X,                                                  # INVENTED
        ("^", "可持续影响\n指标", "免费开放长效运行机制", "长期", "长期", 10, 10, None),    # INVENTED
        ("^", "^", "-") + X,
        ("满意度\n指标\n（10分）", "服务对象满意度\n指标", "群众满意度", (D("0.95"), P0), (D("0.98"), P0), 10, 10,
         None),                                                                           # INVENTED
        ("^", "^", "-") + X,
    ]
    cols = dict(l1="A", l2="B", l3="C", tgt="D", act="E", w="F", s="G", note="H")
    inds, r = indicator_block(sh, 13, cols, rows)
    sh.mg(f"I13:I{r - 1}", "定量指标计算：完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分。\n"
                          "定性指标计算：根据“三档”原则分别按照指标分值的100-80%（含80%）、80-50%（含50%）、50-0%来记分。",
          align=LEFT)
    sh.mg(f"A{r}:E{r}", "总分", font=FONT_B)
    sh.put(f"F{r}", D("100"))
    sh.put(f"G{r}", D("100"), field="total_score")
    sh.mg(f"H{r}:I{r}")
    sh.grid(f"A4:I{r}")
    sh.heights([7], 45)
    fund_score = D("10")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == 100
    arith = ("执行率 = 45/45 = 100% (=D9/C9); 资金得分 = 10 × 100% = 10; 产出 4 × 12.5 = 50; 效益 10+10+10 = 30; 满意度 10; "
             "总分 = 10 + 50 + 30 + 10 = 100")
    scoring = ("Jinan district form (2019): 10 / 50 / 30 / 10 with the weights in the block labels （10分）（50分）（30分）（10分）"
               " and per row in 分值; the rules are printed on the form: fund '执行率*该指标分值，最高不得超过分值上限'; "
               "quantitative 'B/A或A/B*该指标分值'; qualitative three bands 100-80%（含80%）/80-50%（含50%）/50-0%; "
               "no grade on the form")
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=[],
                     total_cell=f"G{r}", total=total, inds=inds, fund_score=fund_score, rate_cell="F9", rate=D(1))]


# ================================================================================================
# 北京 · 海淀区学院路街道 · 【体制】自管道路清扫保洁外包工作经费 (2016)
# ================================================================================================
def f_haidian():
    # Source: https://www.wenku365.com/s-60761775.html  (a document-sharing copy of 项目支出绩效自评表.doc, uploaded
    #   2020-12-15; the form is the 北京市海淀区学院路街道办事处 self-evaluation, 2016年度).
    # Real: header (主管部门及代码, "实施单位:"), the fund block (年初预算数（A） 310.2 | 全年执行数（B） 154.74 | 分值（10分）
    #   10 | 执行率（B/A） 50% | 得分 5 | 得分计算方法), both goal texts (no 预期/实际 sub-heads on the page), the indicator
    #   header (分值 before 年度指标值（A）/全年实际值（B）, 得分计算方法 before 得分) and the 数量指标 row, whose A and B
    #   columns carry 12.5 like its 分值 and 得分.
    # INVENTED: the stored text ends at "质量指标 是否达到国…": the rest of that name, the 时效/成本 rows, the 效益指标（30分）
    #   and 满意度指标（10分） rows (filled the way the real row is: A = B = 分值 = 得分) and the 总分 row (100 / 95).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    sh = Sheet(ws, {"A": 8, "B": 16, "C": 14, "D": 26, "E": 9, "F": 12, "G": 12, "H": 30, "I": 8, "J": 14})
    sh.mg("A1:J1", "项目支出绩效自评表", font=FONT_T)
    sh.mg("A2:J2", "（2016年度）", field="year")
    sh.put("A3", "项目名称")
    sh.mg("B3:J3", "【体制】自管道路清扫保洁外包工作经费", field="name", align=LEFT)
    sh.put("A4", "主管部门及代码")
    sh.mg("B4:E4", "北京市海淀区人民政府学院路街道办事处", field="department", align=LEFT)
    sh.put("F4", "实施单位：")
    sh.mg("G4:J4", "北京市海淀区学院路街道城市运行服务中心", field="implementer", align=LEFT)
    sh.mg("A5:A8", "项目资金\n（万元）")
    for col, t in zip("CDEFG", ["年初预算数（A）", "全年执行数（B）", "分值（10分）", "执行率（B/A）", "得分"]):
        sh.put(f"{col}5", t)
    sh.mg("H5:J5", "得分计算方法")
    rate = D("154.74") / D("310.2")
    sh.put("B6", "年度资金总额：", align=LEFT)
    sh.put("C6", D("310.2"), field="funds.budget")
    sh.put("D6", D("154.74"), field="funds.executed")
    sh.put("E6", D("10"), field="funds.weight")
    sh.put("F6", "=D6/C6", P0, field="funds.rate", expect=rate)
    sh.put("G6", D("5"), field="funds.score")
    sh.mg("H6:J6", "执行率*该指标分值，最高不得超过分值上限。", align=LEFT)
    sh.put("B7", "其中：本年一般公共预算拨款", align=LEFT)
    sh.put("C7", D("310.2"))
    sh.put("D7", D("154.74"))
    sh.mg("H7:J7")
    sh.put("B8", "其他资金", align=LEFT)
    sh.mg("H8:J8")
    sh.put("A9", "年度总体目标")
    sh.mg("B9:E9", "通过规范地区自管道路清扫保洁外包工作经费工作专项资金的使用，明确专项资金使用目的，实现科学管理，充分发挥"
                   "项目资金在地区自管小区、小广告、三级以下道路、无主垃圾渣土清运及重大活动环境卫生保障工作中的作用，将自管道路"
                   "保洁进行外包，更好的服务于本地区政治、经济、文化等各项事业的发展", field="goals.planned", align=LEFT)
    sh.mg("F9:J9", "按照年初设定目标，将辖区20条城市道路清扫保洁、4处居民生活区小广场清扫保洁业务通过公开招投标方式进行了外包，"
                   "通过地区自管道路清扫保洁外包项目的实施，使地区环境卫生及社区环境更加优美，为建设全国文明城区及建设美丽学院路"
                   "做出了贡献", field="goals.achieved", align=LEFT)
    for col, t in zip("BCDEFGHIJ", ["一级指标", "二级指标", "三级指标", "分值", "年度指标值（A）", "全年实际值（B）",
                                    "得分计算方法", "得分", "未完成原因分析"]):
        sh.put(f"{col}10", t)
    h = D("12.5")
    rows = [  # (l1, l2, l3, A, B, 分值, 得分, 未完成原因) — columns placed by cols below
        ("产出指标（50分）", "数量指标", "是否完成绩效目标申报表中申报的数量", h, h, h, h, None),
        ("^", "质量指标", "是否达到国家或行业标准", h, h, h, h, None),                       # INVENTED from 质量 on
        ("^", "时效指标", "是否按计划时间完成", h, h, h, h, None),
        ("^", "成本指标", "是否控制在预算范围内", h, h, h, h, None),
        ("效益指标（30分）", "社会效益指标", "是否改善地区环境卫生", 15, 15, 15, 15, None),
        ("^", "可持续影响指标", "是否建立长效保洁机制", 15, 15, 15, 15, None),
        ("满意度指标（10分）", "服务对象满意度指标", "辖区居民满意度", 10, 10, 10, 10, None),
    ]
    cols = dict(l1="B", l2="C", l3="D", w="E", tgt="F", act="G", s="I", note="J")
    inds, r = indicator_block(sh, 11, cols, rows)
    sh.mg(f"H11:H{r - 1}", "完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分。", align=LEFT)
    ws.merge_cells(f"A10:A{r - 1}")
    sh.put("A10", "绩效指标")
    sh.mg(f"A{r}:D{r}", "总分", font=FONT_B)
    sh.put(f"E{r}", D("100"))
    sh.mg(f"F{r}:H{r}")
    sh.put(f"I{r}", D("95"), field="total_score")
    sh.grid(f"A3:J{r}")
    sh.heights([9], 90)
    fund_score = D("5")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == D("95")
    arith = (f"执行率 = 154.74/310.2 = {pct2(rate)} (=D6/C6, shown 50%); 资金得分 = 10 × {rate:.4f} = {q2(10 * rate)}, the "
             f"form writes 5; 产出 4 × 12.5 = 50; 效益 15 + 15 = 30; 满意度 10; 总分 = 5 + 50 + 30 + 10 = 95")
    scoring = ("Beijing 2016 form: 一级 weights in the labels 产出指标（50分）/效益指标（30分）/满意度指标（10分）, fund weight in "
               "the header 分值（10分）; rules printed in 得分计算方法: fund '执行率*该指标分值，最高不得超过分值上限', indicators "
               "'完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分'; no grade on the form")
    disc = [dict(cell="G6", expected=str(q2(10 * rate)), found="5",
                 what="资金得分 5 ≠ 10 × 154.74/310.2 = 4.99 (the unit scored the rounded 50%)", severity="warning")]
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=disc,
                     total_cell=f"I{r}", total=total, inds=inds, fund_score=fund_score, rate_cell="F6", rate=rate)]


# ================================================================================================
# 上海 · 普陀区体育事业管理中心 · 普陀体育中心与委托运营方结算费用 (2022)
# ================================================================================================
def f_putuo():
    # Source: https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html  (a copy of 上海市普陀区体育事业管理中心2022年度项目
    #   自评价.pdf; page 1 of the PDF is this form, page 2 the 援滇对口支援及结对帮扶经费 form, left out: its indicator
    #   values are cut off in the stored text).
    # Real: every cell of page 1: 项目资金（元）, 250000.00 | 250000.00 | 215,457.6 | 10 | 86.19% | 8.62, the 其中 rows
    #   (215457.6 without the thousands separator, "—"), the empty 预期目标, five indicators (=100% / 100% / 10 / 10 …,
    #   >=90%), 总分 100 / 98.62; the PDF text order is scrambled and the cell positions are this script's reading.
    # INVENTED: nothing.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "普陀体育中心结算费用"
    sh = Sheet(ws, {"A": 7, "B": 18, "C": 12, "D": 22, "E": 12, "F": 12, "G": 9, "H": 8, "I": 10, "J": 12})
    sh.mg("A1:J1", "财政项目支出绩效自评表", font=FONT_T)
    sh.mg("A2:J2", "（2022 年度）", field="year")
    sh.put("A3", "项目名称")
    sh.mg("B3:J3", "普陀体育中心与委托运营方结算费用", field="name", align=LEFT)
    sh.put("A4", "主管部门")
    sh.mg("B4:E4", "上海市普陀区体育局", field="department", align=LEFT)
    sh.put("F4", "实施单位")
    sh.mg("G4:J4", "上海市普陀区体育事业管理中心", field="implementer", align=LEFT)
    sh.mg("A5:A9", "项目资金\n（元）")
    for col, t in zip("CDEFG", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"]):
        sh.put(f"{col}5", t)
    sh.mg("H5:J5", "得分")
    sh.put("B6", "年度资金总额", align=LEFT)
    sh.put("C6", D("250000"), SC)
    sh.put("D6", D("250000"), SC, field="funds.budget")
    sh.put("E6", D("215457.6"), AMT1, field="funds.executed")
    sh.put("F6", D("10"), field="funds.weight")
    sh.put("G6", D("0.8619"), P2, field="funds.rate")          # typed: 215457.6/250000 is 86.18%
    sh.mg("H6:J6", D("8.62"), SC, field="funds.score")
    sh.put("B7", "其中：当年财政拨款", align=LEFT)
    sh.put("C7", D("250000"), SC)
    sh.put("D7", D("250000"), SC)
    sh.put("E7", D("215457.6"), GEN)
    sh.put("F7", "—")
    sh.mg("H7:J7")
    for r, lab in ((8, "上年结转资金"), (9, "其他资金")):
        sh.put(f"B{r}", lab, align=LEFT)
        sh.put(f"D{r}", D("0"))
        sh.put(f"E{r}", D("0"))
        sh.put(f"F{r}", "—")
        sh.mg(f"H{r}:J{r}")
    sh.mg("A10:A11", "年度\n总体\n目标")
    sh.mg("B10:F10", "预期目标")
    sh.mg("G10:J10", "实际完成情况")
    sh.mg("B11:F11", None, align=LEFT)
    sh.mg("G11:J11", "已完成普陀体育中心与委托运营方费用结算。", field="goals.achieved", align=LEFT)
    for col, t in zip("BCDEFGH", ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"]):
        sh.put(f"{col}12", t)
    sh.mg("I12:J12", "偏差原因分析及\n改进措施")
    P = (D(1), P0)
    rows = [
        ("产出指标", "数量指标", "与委托运营方结算完成\n率", "=100%", P, 10, 10, None),
        ("^", "质量指标", "合同结算条款完成率", "=100%", P, 20, 20, None),
        ("^", "时效指标", "费用结算及时性", "及时", "及时", 20, 20, None),
        ("效益指标", "社会效益指标", "与委托运营方合同完成\n率", "=100%", P, 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", P, 10, 10, None),
    ]
    cols = dict(l1="B", l2="C", l3="D", tgt="E", act="F", w="G", s="H", note="I:J")
    inds, r = indicator_block(sh, 13, cols, rows)
    ws.merge_cells(f"A12:A{r - 1}")
    sh.put("A12", "绩\n效\n指\n标")
    sh.mg(f"A{r}:F{r}", "总分", font=FONT_B)
    sh.put(f"G{r}", D("100"))
    sh.mg(f"H{r}:J{r}", D("98.62"), SC, field="total_score")
    sh.grid(f"A3:J{r}")
    fund_score = D("8.62")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == D("98.62")
    rate = D("215457.6") / D("250000")
    arith = (f"执行率 = 215457.6/250000 = {pct2(rate)} (typed 86.19%); 资金得分 = 10 × {rate:.5f} = {q2(10 * rate)} = 8.62; "
             f"产出 10+20+20 = 50; 效益 30; 满意度 10; 总分 = 8.62 + 50 + 30 + 10 = 98.62 (分值 10+10+20+20+30+10 = 100)")
    scoring = ("Shanghai district form on the national layout with amounts in 元 (项目资金（元）); no one-level weights "
               "printed, per-row 分值; fund score = 分值 × 执行率 to two decimals; no grade on the form")
    disc = [dict(cell="G6", expected=pct2(rate), found="86.19%",
                 what="执行率 typed 86.19%, 215457.6/250000 = 86.18% (0.01 point; the score 8.62 holds either way)",
                 severity="info")]
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=disc,
                     total_cell=f"H{r}", total=total, inds=inds, fund_score=fund_score, rate_cell="G6", rate=rate)]


# ================================================================================================
# 安徽 · 天长市水利局 · 水旱灾害防御经费 (2022)
# ================================================================================================
def f_tianchang():
    # Source: address not stored with the page in the search corpus (pages corpus, two queries); page title
    #   天长市水利局水旱灾害防御股项目支出绩效自评, 发布时间 2023-12-05 15:04 (天长市 government site, 安徽 滁州).
    # Real: every cell, including the empty 主管部门, the empty 执行率 beside 分值 10 / 得分 10, the "-" in the 其中 rows,
    #   the 年度总体目标完成情况 / 年度绩效指标完成情况 block labels, all 指标1/指标2/…… rows, "指标1:/ / /" for 生态效益,
    #   总分 100 / 100 and the 注 (cut off after "如有").
    # The page text shows only "(50分)" and "(30分)" where the 产出/效益 labels stand (the words are lost); written
    #   "产出指标\n（50分）" / "效益指标\n（30分）" as its own "满意度指标\n(10分)" and 注 1 name them.
    # INVENTED: nothing.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "水旱灾害防御经费"
    sh = Sheet(ws, {"A": 10, "B": 14, "C": 12, "D": 30, "E": 10, "F": 10, "G": 8, "H": 8, "I": 10, "J": 12})
    sh.mg("A1:J1", "项目支出绩效自评表", font=FONT_T)
    sh.mg("A2:J2", "（2022年度）", field="year")
    sh.put("A3", "项目名称")
    sh.mg("B3:J3", "水旱灾害防御经费", field="name", align=LEFT)
    sh.put("A4", "主管部门")
    sh.mg("B4:E4", None, align=LEFT)
    sh.put("F4", "实施单位")
    sh.mg("G4:J4", "天长市水利局", field="implementer", align=LEFT)
    sh.mg("A5:A9", "项目资金\n（万元）")
    for col, t in zip("CDEFG", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）"]):
        sh.put(f"{col}5", t)
    sh.mg("H5:J5", "得分")
    sh.put("B6", "年度资金总额：", align=LEFT)
    sh.put("C6", D("880"))
    sh.put("D6", D("880"), field="funds.budget")
    sh.put("E6", D("880"), field="funds.executed")
    sh.put("F6", D("10"), field="funds.weight")
    sh.put("G6", None, P0)                                     # left empty on the page
    sh.facts["funds.rate"] = {"cell": "G6", "value": ""}
    sh.mg("H6:J6", D("10"), field="funds.score")
    sh.put("B7", " 其中：本年财政拨款", align=LEFT)
    for col in "CDE":
        sh.put(f"{col}7", D("880"))
    for r, lab in ((7, None), (8, "    上年结转资金"), (9, "       其他资金")):
        if lab:
            sh.put(f"B{r}", lab, align=LEFT)
        sh.put(f"F{r}", "-")
        sh.mg(f"H{r}:J{r}", "-")
    sh.mg("A10:A11", "年度总体目标完成情况")
    sh.mg("B10:F10", "预期目标")
    sh.mg("G10:J10", "实际完成情况")
    sh.mg("B11:F11", "完成年度防汛工作，完成中型灌区节水改造项目和农业综合水价改革项目。", field="goals.planned",
          align=LEFT)
    sh.mg("G11:J11", "完成年度目标。", field="goals.achieved", align=LEFT)
    for col, t in zip("BCDEFGH", ["一级\n指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
        sh.put(f"{col}12", t)
    sh.mg("I12:J12", "偏差原因分析及改进措施")
    E = (None, None, None, None, None)

    def trio(l1, l2, first, tgt=None, act=None, w=10, s=10):
        return [(l1, l2, first, tgt, act, w, s, None), ("^", "^", "指标2：") + E, ("^", "^", "……") + E]

    rows = (trio("产出指标\n（50分）", "数量指标", "指标1：完成中型灌区节水改造项目数量", 1, 1)[:1]
            + [("^", "^", "指标2：完成农业综合水价改革项目", 1, 1, 10, 10, None), ("^", "^", "……") + E]
            + trio("^", "质量指标", "指标1：工程质量合格")
            + trio("^", "时效指标", "指标1：年度资金支付完成率100%")
            + trio("^", "成本指标", "指标1：资金执行在预算范围内")
            + trio("效益指标\n（30分）", "经济效益\n指标", "指标1：全市安全度汛")
            + trio("^", "社会效益\n指标", "指标1：保护全市人口财产不受损失")
            + [("^", "生态效益\n指标", "指标1：/", "/", "/", None, None, None), ("^", "^", "指标2：") + E,
               ("^", "^", "……") + E]
            + trio("^", "可持续影\n响指标", "指标1：已建工程良性运行")
            + trio("满意度指标\n（10分）", "服务对象\n满意度指标", "指标1：服务对象满意度", (D("0.9"), P0), (D(1), P0)))
    cols = dict(l1="B", l2="C", l3="D", tgt="E", act="F", w="G", s="H", note="I:J")
    inds, r = indicator_block(sh, 13, cols, rows)
    ws.merge_cells(f"A12:A{r - 1}")
    sh.put("A12", "年度绩效指标完成情况")
    sh.mg(f"A{r}:F{r}", "总分", font=FONT_B)
    sh.put(f"G{r}", D("100"))
    sh.mg(f"H{r}:J{r}", D("100"), field="total_score")
    sh.grid(f"A3:J{r}")
    sh.mg(f"A{r + 1}:J{r + 1}", "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率"
                                "10分。如有……", align=LEFT)
    fund_score = D("10")
    total = fund_score + sum(i["s"] for i in inds)
    assert total == 100 and len(inds) == 9
    arith = ("执行率 left empty; from the form's own amounts 880/880 = 100%, 资金得分 = 10 × 100% = 10; 产出 10+10+10+10+10 = "
             "50; 效益 10+10+10 = 30 (生态效益 '/'); 满意度 10; 总分 = 10 + 50 + 30 + 10 = 100")
    scoring = ("Anhui (滁州 天长) form: 注 1 states the one-level weights 产出指标50分、效益指标30分、服务对象满意度指标10分、"
               "预算资金执行率10分; weights also in the labels （50分）（30分）（10分）; fund score = 分值 × 执行率; no grade")
    disc = [dict(cell="G6", expected="100%", found="", what="执行率 cell left empty; B/A = 880/880 = 100%",
                 severity="info")]
    return wb, [dict(name=ws.title, kind="project_selfeval", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=disc,
                     total_cell=f"H{r}", total=total, inds=inds, fund_score=fund_score, rate_cell="G6", rate=D(1))]


# ================================================================================================
# 浙江 · 衢州市财政局 · 2022年重点项目绩效评价结果 (project_summary)
# ================================================================================================
QUZHOU_TEXT = ("为落实市委、市政府《关于全面推进预算绩效管理的实施意见》精神，进一步深化预算绩效管理改革，提高财政资源配置效率和"
               "使用效益，推动高质量发展，根据年度工作计划，我局组织开展了2022年重点项目绩效评价工作，现将评价情况通报如下：\n"
               "2022年共对9个重点项目进行了评价，其中项目支出评价4个、政策评价3个、部门整体评价2个，涉及部门单位7个，资金17815.56"
               "万元。从评价结果来看，总体情况良好：评价结论为“良”的8个，“中”的1个，无等级为“优”和“差”的项目。具体评价结果情况"
               "如下：")


def f_quzhou():
    # Source: https://dpycxx.com/art/2022/12/27/art_1524593_58923905  (a copy of the 衢州市财政局 notice of
    #   2022-12-27 on its 2022 重点项目绩效评价; the copy replaced the city name by spam text, written back as 衢州市
    #   here: 世界围棋圣地 and 信安湖 are 衢州's).
    # Real: the two paragraphs (9 projects, 资金17815.56万元, 8 × 良, 1 × 中) and table rows 1–8 (序号 | 主管部门（单位） |
    #   项目名称 | 资金量 (万元) | 评价等级).
    # INVENTED (but fixed by the page's own numbers): row 9, cut off after its 主管部门 退役军人事务局: 资金量 3719.76 =
    #   17815.56 − Σ rows 1–8, 评价等级 良 (8 良 in all), name 衢州市退役军人事务局整体支出 (the second 部门整体评价).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "重点项目绩效评价结果"
    sh = Sheet(ws, {"A": 6, "B": 26, "C": 40, "D": 12, "E": 10})
    sh.mg("A1:E1", QUZHOU_TEXT, align=LEFT)
    ws.row_dimensions[1].height = 120
    for col, t in zip("ABCDE", ["序号", "主管部门（单位）", "项目名称", "资金量\n（万元）", "评价等级"]):
        sh.put(f"{col}2", t)
    Q = "衢州市"
    rows = [
        (f"中共{Q}委直属机关工作委员会", "红色物业联盟工作专项经费", "2059", "良"),
        (f"{Q}体育局", "世界围棋圣地专项", "1424.74", "良"),
        (f"{Q}体育局", "体育产业扶持项目资金", "1180", "良"),
        (f"{Q}信安湖管理中心", "信安湖堤防、码头、安全等设施维护，白蚂蚁防治及堤防绿化养护项目（2021年度）", "318", "良"),
        (f"{Q}应急管理局", "安全生产和环境污染综合责任保险补助", "240", "良"),
        (f"{Q}文化广电旅游局", "民宿产业政策配套（2019年为“乡旅游工作经费”）", "1600", "中"),
        (f"{Q}应急管理局", "应急救援资金", "140", "良"),
        (f"{Q}科学技术局", f"{Q}科技局整体支出", "7134.06", "良"),
        (f"{Q}退役军人事务局", f"{Q}退役军人事务局整体支出", "3719.76", "良"),          # INVENTED (fixed by text)
    ]
    for n, (dept, name, amt, grade) in enumerate(rows):
        r = 3 + n
        sh.put(f"A{r}", D(n + 1), field=f"rows.{n}.no")
        sh.put(f"B{r}", dept, field=f"rows.{n}.department", align=LEFT)
        sh.put(f"C{r}", name, field=f"rows.{n}.name", align=LEFT)
        sh.put(f"D{r}", D(amt), field=f"rows.{n}.budget")
        sh.put(f"E{r}", grade, field=f"rows.{n}.grade")
    last = 3 + len(rows) - 1
    sh.grid(f"A2:E{last}")
    total = sum(D(x[2]) for x in rows)
    assert total == D("17815.56")
    # The sentence in A1 states the count and the funds of the rows below (record fields text_total.*).
    sh.facts["text_total.count"] = {"cell": "A1", "value": "9"}
    sh.facts["text_total.budget"] = {"cell": "A1", "value": "17815.56"}
    arith = ("Σ资金量 = 2059 + 1424.74 + 1180 + 318 + 240 + 1600 + 140 + 7134.06 + 3719.76 = 17815.56 = the 资金17815.56万元 "
             "of the text in A1; 9 rows = 9个重点项目; 评价等级 8 × 良 + 1 × 中 = the text's count (无“优”和“差”); no 合计 row "
             "and no scores on the table")
    scoring = ("city finance bureau's notice of third-party results: grade words 优/良/中/差 only (no scores published); "
               "counts and the total amount stated in the text above the table")
    return wb, [dict(name=ws.title, kind="project_summary", sh=sh, arithmetic=arith, scoring=scoring, discrepancies=[],
                     total_cell="A1", total=total)]


# ================================================================================================
# files, injected mistakes, manifest
# ================================================================================================
FORMS = [
    # (file, builder, region, year, kind, source address)
    ("安徽_2022_project_selfeval_裕安文物保护.xlsx", f_yuan, "安徽", 2022, "project_selfeval",
     "https://www.yuan.gov.cn/public/6596881/25080505.html"),
    ("安徽_2022_project_selfeval_贵池棠溪镇.xlsx", f_guichi, "安徽", 2022, "project_selfeval",
     "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2 ; "
     "http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2"),
    ("河北_2019_project_selfeval_廊坊食品学校.xlsx", f_langfang, "河北", 2019, "project_selfeval",
     "http://www.lfsp.cn/newsinfo/1158053.html"),
    ("河北_2019_score_table_宁晋助学金指标表.xlsx", f_ningjin, "河北", 2019, "score_table",
     "https://www.ningjin.gov.cn/content/26279.html"),
    ("安徽_2023_score_table_寿县部门整体.xlsx", f_shouxian, "安徽", 2023, "score_table",
     "https://www.shouxian.gov.cn/public/118322758/1259995520.html"),
    ("山东_2019_project_selfeval_历城文化馆.xlsx", f_licheng, "山东", 2019, "project_selfeval",
     "http://jnslcqwhg.cn/newsinf_id_308.html"),
    ("北京_2016_project_selfeval_海淀学院路.xlsx", f_haidian, "北京", 2016, "project_selfeval",
     "https://www.wenku365.com/s-60761775.html"),
    ("上海_2022_project_selfeval_普陀体育中心.xlsx", f_putuo, "上海", 2022, "project_selfeval",
     "https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html"),
    ("安徽_2022_project_selfeval_天长水利.xlsx", f_tianchang, "安徽", 2022, "project_selfeval",
     "(address not stored in the search corpus) 天长市水利局水旱灾害防御股项目支出绩效自评, 2023-12-05"),
    ("浙江_2022_project_summary_衢州重点评价结果.xlsx", f_quzhou, "浙江", 2022, "project_summary",
     "https://dpycxx.com/art/2022/12/27/art_1524593_58923905"),
]


def variant_specs(built):
    """One injected mistake per clean file: (sheet index, cell, new value, number format or None, findings)."""
    v = {}
    s = built["安徽_2022_project_selfeval_裕安文物保护.xlsx"][0]
    v["安徽_2022_project_selfeval_裕安文物保护.xlsx"] = (0, s["total_cell"], D("98"), None, [dict(
        rule="project.total_score", cell=s["total_cell"], expected=str(s["total"]), found="98",
        what=f"总分 98 ≠ 8 + 48 + 31 + 10 = {s['total']}")])
    s = built["安徽_2022_project_selfeval_贵池棠溪镇.xlsx"][0]
    v["安徽_2022_project_selfeval_贵池棠溪镇.xlsx"] = (0, s["total_cell"], D("100"), None, [dict(
        rule="project.total_score", cell=s["total_cell"], expected=str(s["total"]), found="100",
        what=f"总分 100 ≠ 0 + 50 + 30 + 10 = {s['total']} (the fund score on the form is 0)")])
    s = built["河北_2019_project_selfeval_廊坊食品学校.xlsx"][0]
    v["河北_2019_project_selfeval_廊坊食品学校.xlsx"] = (0, s["rate_cell"], D("0.96"), P0, [dict(
        rule="project.execution_rate", cell=s["rate_cell"], expected=shown(s["rate"], P0), found="96%",
        what=f"执行率 96% ≠ 37.24/43.2 = {pct2(s['rate'])} (the =E8/D8 formula overwritten by a typed 96%)")])
    s = built["河北_2019_score_table_宁晋助学金指标表.xlsx"][0]
    v["河北_2019_score_table_宁晋助学金指标表.xlsx"] = (0, s["total_cell"], D("110"), None, [dict(
        rule="score_table.total_weight", cell=s["total_cell"], expected="100", found="110",
        what="总分 110 ≠ 20 + 10 + 10 + 10 + 10 + 20 + 20 = 100 (Σ分值)")])
    s = built["安徽_2023_score_table_寿县部门整体.xlsx"][0]
    v["安徽_2023_score_table_寿县部门整体.xlsx"] = (0, s["total_cell"], D("97.1"), None, [dict(
        rule="score_table.total_score", cell=s["total_cell"], expected=str(s["total"]), found="97.1",
        what=f"合计 97.1 ≠ {' + '.join(str(x) for x in s['group_scores'])} = {s['total']} (Σ自评得分; the SUM formula "
             f"replaced by a typed number)")])
    s = built["山东_2019_project_selfeval_历城文化馆.xlsx"][0]
    v["山东_2019_project_selfeval_历城文化馆.xlsx"] = (0, s["rate_cell"], D("0.9"), P0, [dict(
        rule="project.execution_rate", cell=s["rate_cell"], expected="100%", found="90%",
        what="执行率（B/A） 90% ≠ 45/45 = 100% (the =D9/C9 formula overwritten)")])
    s = built["北京_2016_project_selfeval_海淀学院路.xlsx"][0]
    v["北京_2016_project_selfeval_海淀学院路.xlsx"] = (0, s["total_cell"], D("59"), None, [dict(
        rule="project.total_score", cell=s["total_cell"], expected=str(s["total"]), found="59",
        what=f"总分 59 ≠ 5 + 50 + 30 + 10 = {s['total']}")])
    s = built["上海_2022_project_selfeval_普陀体育中心.xlsx"][0]
    v["上海_2022_project_selfeval_普陀体育中心.xlsx"] = (0, s["total_cell"], D("96.82"), SC, [dict(
        rule="project.total_score", cell=s["total_cell"], expected=str(s["total"]), found="96.82",
        what=f"总分 96.82 ≠ 8.62 + 50 + 30 + 10 = {s['total']}")])
    s = built["安徽_2022_project_selfeval_天长水利.xlsx"][0]
    v["安徽_2022_project_selfeval_天长水利.xlsx"] = (0, s["rate_cell"], D("0.9"), P0, [dict(
        rule="project.execution_rate", cell=s["rate_cell"], expected="100%", found="90%",
        what="执行率（B/A） 90% ≠ 880/880 = 100% (the empty cell filled with a wrong rate)")])
    s = built["浙江_2022_project_summary_衢州重点评价结果.xlsx"][0]
    v["浙江_2022_project_summary_衢州重点评价结果.xlsx"] = (0, "D3", D("2095"), None, [dict(
        rule="summary.total", cell="A1", expected=str(s["total"] - D("2059") + D("2095")), found="17815.56",
        what=f"the text's 资金17815.56万元 (A1) ≠ Σ资金量 D3:D11 = {s['total'] - D('2059') + D('2095')} (row 1's 2059 typed "
             f"as 2095 in D3); the table has no 合计 row, so the check is table against text, and which row is wrong "
             f"cannot be told")])
    return v


def page_setup(wb):
    for ws in wb.worksheets:
        width = sum((ws.column_dimensions[get_column_letter(i)].width or 8.43) for i in range(1, ws.max_column + 1))
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if width > 110 else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0


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


def save(wb, path):
    page_setup(wb)
    wb.properties.creator = "jixiao samples (regional a)"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    tmp = path + ".tmp"
    wb.save(tmp)
    normalize_zip(tmp, path)
    os.remove(tmp)


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
    tmp = tempfile.mkdtemp(prefix="lo-regional-a-")
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


def check_libreoffice(manifest):
    """Every formula the openpyxl file carries has, in the LibreOffice file, a cached value that shows as expected."""
    for e in manifest:
        lo = openpyxl.load_workbook(os.path.join(OUT_LO, e["file"]), data_only=True)
        src = openpyxl.load_workbook(os.path.join(OUT_OPX, e["file"]))
        for s in e["sheets"]:
            for fld, fact in s["facts"].items():
                c = src[s["name"]][fact["cell"]]
                if isinstance(c.value, str) and c.value.startswith("="):
                    got = lo[s["name"]][fact["cell"]].value
                    assert got is not None, (e["file"], fact)
                    assert shown(got, c.number_format) == fact["value"], (e["file"], fld, got, fact)


def main():
    for d in (OUT_OPX, OUT_LO):
        os.makedirs(d, exist_ok=True)
        for n in os.listdir(d):
            if n.endswith(".xlsx"):
                os.remove(os.path.join(d, n))
    manifest = []
    built = {}
    for fname, builder, region, year, kind, src in FORMS:
        wb, sheets = builder()
        for sd in sheets:                       # 95.0 -> 95: totals printed the way the cells show them
            sd["total"] = D(format(sd["total"].normalize(), "f"))
        built[fname] = sheets
        save(wb, os.path.join(OUT_OPX, fname))
        manifest.append(dict(
            file=fname, source=src, region=region, year=str(year), kind=kind,
            sheets=[dict(name=s["name"], kind=s["kind"], facts=s["sh"].facts, arithmetic=s["arithmetic"],
                         scoring=s["scoring"]) for s in sheets],
            source_discrepancies=[dict(sheet=s["name"], **d) for s in sheets for d in s["discrepancies"]],
            expected_findings=[]))
    specs = variant_specs(built)
    for fname, builder, region, year, kind, src in FORMS:
        si, cell, new, fmt, findings = specs[fname]
        wb, sheets = builder()
        ws = wb.worksheets[si]
        old = ws[cell].value
        before = values_of(wb)
        ws[cell].value = num(new)
        if fmt:
            ws[cell].number_format = fmt
        after = values_of(wb)
        changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
        assert changed == [(ws.title, cell)], changed
        err = "err_" + fname
        save(wb, os.path.join(OUT_OPX, err))
        clean = next(m for m in manifest if m["file"] == fname)
        new_shown = shown(new, fmt or ws[cell].number_format)
        esheets = json.loads(json.dumps(clean["sheets"], ensure_ascii=False))
        for fact in esheets[si]["facts"].values():
            if fact["cell"] == cell:
                fact["value"] = new_shown
        old_shown = sheets[si]["sh"].shown.get(cell, "")
        manifest.append(dict(
            file=err, source=src, region=region, year=str(year), kind=kind, sheets=esheets, variant_of=fname,
            change=dict(sheet=ws.title, cell=cell, old=old_shown, new=new_shown,
                        old_cell_content=old if isinstance(old, str) or old is None else num(D(str(old)))),
            source_discrepancies=clean["source_discrepancies"],
            expected_findings=[dict(sheet=ws.title, **f) for f in findings]))
    files = sorted(n for n in os.listdir(OUT_OPX) if n.endswith(".xlsx"))
    libreoffice_resave([os.path.join(OUT_OPX, n) for n in files], OUT_LO)
    check_libreoffice(manifest)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{len(files)} workbooks in {OUT_OPX} and {OUT_LO}")


def check_lo_csv():
    """--lo-csv: every fact's value must be what LibreOffice shows in that cell (lo-csv.sh, values as displayed)."""
    import csv
    from openpyxl.utils import coordinate_to_tuple
    tool = os.path.join(HERE, "..", "..", "..", "..", "shared", "tools", "lo-csv.sh")
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    out = tempfile.mkdtemp(prefix="lo-csv-regional-a-")
    checked = bad = 0
    try:
        for e in manifest:
            subprocess.run([tool, os.path.join(OUT_LO, e["file"]), out], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            for s in e["sheets"]:
                with open(os.path.join(out, f"{e['file'][:-5]}-{s['name']}.csv"), encoding="utf-8") as fh:
                    rows = list(csv.reader(fh))
                for fld, fact in s["facts"].items():
                    r, c = coordinate_to_tuple(fact["cell"])
                    got = rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else ""
                    checked += 1
                    if got != fact["value"]:
                        bad += 1
                        print(f"{e['file']} {s['name']} {fld} {fact['cell']}: manifest {fact['value']!r}, LO {got!r}")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"{checked} facts checked against LibreOffice's display, {bad} differ")
    return bad == 0


if __name__ == "__main__":
    import sys
    if "--lo-csv" in sys.argv:
        sys.exit(0 if check_lo_csv() else 1)
    main()
