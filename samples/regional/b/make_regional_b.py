#!/usr/bin/python3
"""Sample workbooks rebuilt from real self-evaluation forms published in central and western China
(四川, 云南, 重庆, 湖北, 湖南, 宁夏) and the national template (财预〔2020〕10号 附件1).

Run from the repository root:   /usr/bin/python3 samples/regional/b/make_regional_b.py
Check against LibreOffice:      /usr/bin/python3 samples/regional/b/make_regional_b.py --verify

Every form function starts with a comment naming its source page (address, title, date) and what was
INVENTED: the stored copies of these pages are flattened text, often cut off, sometimes OCR'd; where the
text ends or is illegible the cells are filled with plausible values and listed as INVENTED, in the
function and in manifest.json ("invented").

Output (deterministic: fixed document dates and zip timestamps):
  openpyxl/*.xlsx       written by openpyxl (formulas carry no cached values)
  libreoffice/*.xlsx    the same files re-saved by LibreOffice (formulas recalculated and cached)
  manifest.json         every file: source, region, year, kind, the schema facts (DOMAIN.md §5) with
                        their cells and displayed values, the form's own arithmetic and scoring rules;
                        for err_* files the one changed cell and the findings it must cause.

Expectations (displayed values, fund scores, totals, findings) are computed here with decimal.Decimal
from the forms' own numbers, never taken from jixiao.

One file on purpose (like samples/make_samples.py): each form is one function holding its source's data,
and the forms share the cell/fact helpers and the manifest writer.
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal as D, ROUND_HALF_UP

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter, range_boundaries

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_OPX = os.path.join(HERE, "openpyxl")
OUT_LO = os.path.join(HERE, "libreoffice")
PROFILE = "/tmp/lo-regional-b-profile"
FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
FONT_B = Font(name="宋体", size=10, bold=True)
FONT_T = Font(name="方正小标宋简体", size=16)
FONT_T2 = Font(name="黑体", size=12)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
AMT = "#,##0.00"
N2 = "0.00"
PCT2 = "0.00%"
PCT1 = "0.0%"
PCT0 = "0%"


def q2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def num(x):
    """A cell number from a decimal string: int when integral, else the float whose repr is the string."""
    d = D(x)
    return int(d) if d == d.to_integral_value() else float(d)


def plain(d):
    """How a General-format number shows: shortest decimal, no exponent, no trailing zeros."""
    d = D(d)
    if d == d.to_integral_value():
        return str(d.quantize(D(1)))
    return format(d.normalize(), "f")


def show(value, fmt):
    """The text LibreOffice displays for a value with this number format (the formats used here only)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    d = D(repr(value)) if isinstance(value, float) else D(value)
    if fmt in (None, "General"):
        return plain(d)
    if fmt == N2:
        return str(q2(d))
    if fmt == AMT:
        return f"{q2(d):,}"
    if fmt == "0":
        return str(d.quantize(D(1), rounding=ROUND_HALF_UP))
    if fmt.endswith("%"):
        places = len(fmt.split(".")[1]) - 1 if "." in fmt else 0
        return str((d * 100).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)) + "%"
    raise ValueError(fmt)


def rate(a, b, places=4):
    return (D(a) / D(b)).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------------------------------
class Sheet:
    """One worksheet plus what the manifest says about it: schema facts, other facts, formula values."""

    def __init__(self, wb, title, kind):
        self.ws = wb.create_sheet(title)
        self.kind = kind
        self.facts = {}        # schema path -> (cell, extra)
        self.other = {}        # other labelled facts -> cell
        self.calc = {}         # formula cell -> Decimal the formula gives (computed here, independently)
        self.arithmetic = ""
        self.scoring = ""
        self.notes = []

    def put(self, ref, value, fmt=None, font=FONT, align=CENTER, fact=None, other=None, calc=None, label=None):
        c = self.ws[ref]
        c.value = value
        c.font = font
        c.alignment = align
        if fmt:
            c.number_format = fmt
        if isinstance(value, str) and value.startswith("=") and len(value) > 1:    # "=" alone is a 指标性质
            assert calc is not None, ref
            self.calc[ref] = D(calc)
        for path in ([fact] if isinstance(fact, str) else fact or []):
            self.facts[path] = (ref, {"from_label": label} if label else {})
        if other:
            self.other[other] = ref
        return c

    def merge(self, rng, value=None, fmt=None, font=FONT, align=CENTER, **kw):
        first, last = rng.split(":") if ":" in rng else (rng, rng)
        self.put(first, value, fmt, font, align, **kw)
        if first != last:
            self.ws.merge_cells(rng)

    def grid(self, rng):
        for row in self.ws[rng]:
            for c in row:
                c.border = BORDER
                if c.font is None or c.font.name != "宋体":
                    c.font = FONT

    def widths(self, spec):
        for col, w in spec.items():
            self.ws.column_dimensions[col].width = w

    def heights(self, rows, h):
        for r in rows:
            self.ws.row_dimensions[r].height = h

    def shown(self, ref):
        c = self.ws[ref]
        v = c.value
        if isinstance(v, str) and v.startswith("=") and len(v) > 1:
            v = self.calc[ref]
        return show(v, c.number_format)

    def manifest(self):
        facts = {}
        for path, (ref, extra) in self.facts.items():
            facts[path] = dict(cell=ref, value=self.shown(ref), **extra)
        other = {k: dict(cell=ref, value=self.shown(ref)) for k, ref in self.other.items()}
        out = dict(name=self.ws.title, kind=self.kind, facts=facts, arithmetic=self.arithmetic,
                   scoring=self.scoring)
        if other:
            out["other_facts"] = other
        if self.notes:
            out["notes"] = self.notes
        return out


def runs(col_values):
    """Merge ranges for a column of labels where None means 'same as above': [(first, last, label)]."""
    out = []
    for r, v in col_values:
        if v is not None or not out:
            out.append([r, r, v])
        else:
            out[-1][1] = r
    return out


def indicator_rows(s, rows, first_row, cols, facts=True, start_index=0, fmts=None):
    """Writes indicator rows. rows: tuples in the order of cols (a letter per field, None = skip);
    level1/level2 None = merged with the row above. cols: dict field -> column letter.
    fields: level1, level2, name, nature, target, unit, actual, weight, score, note."""
    fmts = fmts or {}
    fields = list(cols)
    for k, row in enumerate(rows):
        r = first_row + k
        for field, v in zip(fields, row):
            col = cols[field]
            if col is None or (field in ("level1", "level2") and v is None):
                continue
            path = f"indicators.{start_index + k}.{field}" if facts and field in (
                "level1", "level2", "name", "target", "actual", "weight", "score", "note") else None
            align = LEFT if field in ("name", "note") else CENTER
            if isinstance(v, str) and field in ("weight", "score") and re.fullmatch(r"-?\d+(\.\d+)?", v):
                v = num(v)
            s.put(f"{col}{r}", v, fmts.get(field), align=align, fact=path)
    # level1/level2 facts for continuation rows point at the merged (top) cell
    for lvl in ("level1", "level2"):
        if lvl not in cols or cols[lvl] is None:
            continue
        idx = fields.index(lvl)
        for a, b, label in runs([(first_row + k, row[idx]) for k, row in enumerate(rows)]):
            if label is None:
                continue
            col = cols[lvl]
            if b > a:
                s.ws.merge_cells(f"{col}{a}:{col}{b}")
            if facts:
                for r in range(a, b + 1):
                    s.facts[f"indicators.{start_index + r - first_row}.{lvl}"] = (f"{col}{a}", {})


# ================================================================================================
# 1. 四川 中江县 2022 — 衔接资金 绩效目标自评表 (scored 分值 before 年度指标值; 总分 = Σ indicators only)
# ================================================================================================
ZJ_FILE = "四川_2022_project_selfeval_中江水标尺.xlsx"
ZJ_SRC = "https://chacewang.com/newsdetail/news242266.html"


def wb_zhongjiang():
    # Source: https://chacewang.com/newsdetail/news242266.html — 中江县水利局 "现已完成中江县2022年衔接资金实施
    # 项目绩效目标自评 … 附件:2022年财政衔接资金实施项目绩效自评表", dated 2022年12月30日 (page text, flattened).
    # Every number and label below is on the page. Grid (column order, the vertical 绩效指标 block, the
    # 资金情况 block) follows the same template as published filled (萧县 2023, ahxx.gov.cn).
    # INVENTED: nothing in the values; the 执行率 cell is written as a formula =E6/D6 (the page shows 100.00%);
    # 总分 cells are =SUM formulas (the page shows 100 and 100). The page's 注 is cut at "3.定量指标若为正向".
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "绩效目标自评表", "project_selfeval")
    s.widths({"A": 7, "B": 11, "C": 11, "D": 26, "E": 7, "F": 12, "G": 12, "H": 7, "I": 22})
    s.merge("A1:I1", "绩效目标自评表", font=FONT_T)
    s.merge("A2:I2", "(2022年度)", fact="year")
    s.put("A3", "项目名称")
    s.merge("B3:E3", "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装", align=LEFT, fact="name")
    s.merge("F3:G3", "项目负责人及电话")
    s.merge("H3:I3", "谢凯13990260322(办公)", other="项目负责人及电话")
    s.put("A4", "主管部门")
    s.merge("B4:E4", "中江县水利局", fact="department")
    s.merge("F4:G4", "实施单位")
    s.merge("H4:I4", "中江县水利局", fact="implementer")
    s.merge("A5:A8", "资金情况\n(万元)")
    s.merge("B5:C5", None)
    for col, h in zip("DEFGH", ["全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"]):
        s.put(f"{col}5", h)
    s.ws.merge_cells("H5:I5")
    s.merge("B6:C6", "年度资金总额:", align=LEFT)
    s.put("D6", 20, fact="funds.budget")
    s.put("E6", 20, fact="funds.executed")
    s.put("F6", 10, fact="funds.weight")
    s.put("G6", "=E6/D6", PCT2, fact="funds.rate", calc=rate(20, 20))
    s.merge("H6:I6", 10, fact="funds.score")
    s.merge("B7:C7", "其中:本年财政拨款", align=LEFT, fact="funds.sources.0.label")
    s.put("D7", 20, fact="funds.sources.0.budget")
    s.put("E7", 20, fact="funds.sources.0.executed")
    s.merge("H7:I7", None)
    s.merge("B8:C8", "其他资金", align=LEFT, fact="funds.sources.1.label")
    s.merge("H8:I8", None)
    s.merge("A9:A10", "年度总体目标")
    s.merge("B9:E9", "年初设定目标")
    s.merge("F9:I9", "年度总体目标完成情况综述")
    s.merge("B10:E10", "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
            align=LEFT, fact="goals.planned")
    s.merge("F10:I10", "对项目区农业用水计量,为项目区农业生产夯实基础,", align=LEFT, fact="goals.achieved")
    s.merge("A11:A22", "绩效指标")
    for col, h in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                                   "未完成原因及拟采取的改进措施"]):
        s.put(f"{col}11", h)
    inds = [
        ("产出指标(70分)", "数量指标", "安装坡面水标尺", "10", "≥266米", "≥266米", "10"),
        (None, None, "水标尺宽度", "10", "≥50厘米", "≥50厘米", "10"),
        (None, "质量指标", "项目(工程)验收合格率", "20", "100%", "100%", "20"),
        (None, "时效指标", "及时(按期)开工率", "10", "≥90%", "≥90%", "10"),
        (None, None, "及时(按期)完工率", "10", "≥90%", "≥90%", "10"),
        (None, "成本指标", "项目计划总投资", "10", "20万元", "20万元", "10"),
    ]
    indicator_rows(s, inds, 12, dict(level1="B", level2="C", name="D", weight="E", target="F", actual="G",
                                     score="H"))
    # 经济效益指标: an empty row, as published
    s.merge("B18:B20", "效益指标(20分)")
    s.put("C18", "经济效益指标")
    inds2 = [
        ("效益指标(20分)", "社会效益指标", "受益脱贫(含监测对象)户人口数", "10", "≥1000人", "≥1000人", "10"),
        (None, None, "群众生产生活条件改善状况", "10", "显著提升", "显著提升", "10"),
        ("满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "10", "≥95%", "≥95%", "10"),
    ]
    # rows 19..21; level1 of 19/20 sits in the merged B18:B20 (written above), so pass None for it
    indicator_rows(s, [(None,) + t[1:] for t in inds2[:2]] + [inds2[2]], 19,
                   dict(level1="B", level2="C", name="D", weight="E", target="F", actual="G", score="H"),
                   start_index=6)
    s.facts["indicators.6.level1"] = ("B18", {})
    s.facts["indicators.7.level1"] = ("B18", {})
    s.merge("B22:I22", "……", align=LEFT)
    s.merge("A23:D23", "总分")
    s.put("E23", "=SUM(E12:E22)", "General", other="总分 分值", calc=100)
    s.merge("F23:G23", None)
    s.put("H23", "=SUM(H12:H22)", "General", fact="total_score", calc=100)
    s.merge("A24:I24", "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,"
            "各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限,分别按照该指标对应分值区间"
            "100-80%(含80%)、80-60%(含60%)、60-0%合理确定得分,3.定量指标若为正向", align=LEFT)
    s.grid("A3:I23")
    s.heights([10, 24], 48)
    s.arithmetic = ("执行率 = 20/20 = 100.00%; 资金得分 = 10 × min(20/20, 1) = 10; 分值合计 = 10+10+20+10+10+10+10+10+10 = "
                    "100; 总分(得分) = Σ指标得分 = 10+10+20+10+10+10+10+10+10 = 100. The 资金 得分 10 is NOT added: "
                    "this form's 产出70 + 效益20 + 满意度10 already make the 100, although its own 注 prescribes "
                    "产出50/效益30/满意度10/执行率10.")
    s.scoring = ("Weights per indicator in the 分值 column (placed BEFORE 年度指标值); group weights only in labels "
                 "产出指标(70分)/效益指标(20分)/满意度指标(10分); 注: scores in bands 100-80%(含80%), 80-60%(含60%), "
                 "60-0% of the weight; no grade cell.")
    s.notes.append("总分 row: 分值 E23 and 得分 H23 are =SUM formulas here (100 and 100 on the page).")
    return wb, [s]


# ================================================================================================
# 2. 四川 大英县 2023 — 部门预算项目支出绩效自评表 (Sichuan 预算管理一体化 export)
# ================================================================================================
DY_FILE = "四川_2023_project_selfeval_大英安可替代.xlsx"
DY_SRC = "https://dyxrmt.cn/article-157795-21.html"
DY_NOTE = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),"
           "应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")


def wb_daying():
    # Source: https://dyxrmt.cn/article-157795-21.html — 大英县融媒体 page publishing 大英县司法局's
    # 部门预算项目支出绩效自评表(2023年度) (several forms on one page; this is the one for
    # 51092324T000010263357-2023年全县安可替代补助资金项目). Column grid (11 columns, 预算执行数 spanning three,
    # the 原因 note beside 总额) as on the same template published by 南充市林业局
    # (m.bidcenter.com.cn/newsrili-1-317588907.html) and 青神县 (scqs.gov.cn/info/13206/211004.htm).
    # INVENTED: the stored text stops after "= | 100 |" of the only indicator: its 度量单位 "%", 完成值 100,
    # 权重 90 and 得分 90 (90 because 绩效指标(90分) and the preceding form on the page has a single 90-weight
    # indicator); the 合计 得分 cell J15 (the page's 合计 row shows only 100, the weight total);
    # 评价结论 text; 存在问题/改进措施 "无" (as the preceding form); signatures left blank.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "部门预算项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 10, "B": 14, "C": 9, "D": 11, "E": 24, "F": 8, "G": 8, "H": 10, "I": 7, "J": 7, "K": 30})
    s.merge("A1:K1", "部门预算项目支出绩效自评表(2023年度)", font=FONT_T2, fact="year")
    s.put("A2", "项目名称")
    s.merge("B2:K2", "51092324T000010263357-2023年全县安可替代补助资金项目", align=LEFT, fact="name")
    s.put("A3", "主管部门")
    s.merge("B3:F3", "大英县司法局部门", align=LEFT, fact="department")
    s.merge("G3:H3", "实施单位")
    s.merge("I3:K3", "大英县司法局", align=LEFT, fact="implementer")
    s.merge("A4:A6", "项目基本情况")
    s.merge("B4:B5", "1.项目年度目标完成情况")
    s.merge("C4:G4", "项目年度目标")
    s.merge("H4:K4", "年度目标完成情况")
    s.merge("C5:G5", "根据要求购买安可设备,并完成项目资金支付。", align=LEFT, fact="goals.planned")
    s.merge("H5:K5", "完成", align=LEFT, fact="goals.achieved")
    s.put("B6", "2.项目实施内容及过程概述")
    s.merge("C6:K6", "2023年购买13台安可电脑,并于12月前完成资金支付。", align=LEFT)
    s.merge("A7:A12", "预算执行情况(10分)", other="预算执行情况 (weight 10 in label)")
    for col, h in zip("BCDEHIJK", ["年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分",
                                    "原因"]):
        s.put(f"{col}7", h)
    s.ws.merge_cells("E7:G7")
    rows = [("总额", "0.00", "3.36", "3.36", "10", "10"),
            ("其中:财政资金", "0.00", "3.36", "3.36", "/", "/"),
            ("财政专户管理资金", "0.00", "0.00", "0.00", "/", "/"),
            ("单位资金", "0.00", "0.00", "0.00", "/", "/"),
            ("其他资金", None, None, None, "/", "/")]
    for k, (lab, ini, bud, exe, w, sc) in enumerate(rows):
        r = 8 + k
        src = None if k == 0 else f"funds.sources.{k - 1}"
        s.put(f"B{r}", lab, align=LEFT, fact=src and f"{src}.label")
        s.put(f"C{r}", num(ini) if ini else None, N2, other=("年初预算" if k == 0 else None))
        s.put(f"D{r}", num(bud) if bud else None, N2, fact=("funds.budget" if k == 0 else src and f"{src}.budget"))
        s.merge(f"E{r}:G{r}", num(exe) if exe else None, N2,
                fact=("funds.executed" if k == 0 else src and f"{src}.executed"))
        if bud and D(bud) != 0:
            s.put(f"H{r}", f"=E{r}/D{r}", PCT2, fact=("funds.rate" if k == 0 else f"{src}.rate"), calc=rate(exe, bud))
        elif bud:
            s.put(f"H{r}", "0.00%", fact=f"{src}.rate")        # the system prints 0.00% for 0/0
        s.put(f"I{r}", num(w) if w != "/" else w, fact=("funds.weight" if k == 0 else None))
        s.put(f"J{r}", num(sc) if sc != "/" else sc, fact=("funds.score" if k == 0 else None))
    s.merge("K8:K12", DY_NOTE, align=LEFT)
    s.merge("A13:A14", "绩效指标(90分)")
    for col, h in zip("BCDEFGHIJK", ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                                     "未完成原因分析"]):
        s.put(f"{col}13", h)
    indicator_rows(s, [("产出指标", "质量指标", "完成安可产品购买并按要求支付资金", "=", 100, "%", 100, "90", "90")], 14,
                   dict(level1="B", level2="C", name="D", nature="E", target="F", unit="G", actual="H", weight="I",
                        score="J"))
    s.other["indicators.0.nature"] = "E14"
    s.other["indicators.0.unit"] = "G14"
    s.merge("A15:H15", "合计")
    s.put("I15", 100, other="合计 权重")
    s.put("J15", "=J8+J14", "General", fact="total_score", calc=100)
    s.put("A16", "评价结论")
    s.merge("B16:K16", "按要求完成安可设备购买并于12月前完成资金支付,项目自评得分100分。", align=LEFT)
    s.put("A17", "存在问题")
    s.merge("B17:K17", "无", align=LEFT)
    s.put("A18", "改进措施")
    s.merge("B18:K18", "无", align=LEFT)
    s.merge("A19:E19", "项目负责人:", align=LEFT)
    s.merge("F19:K19", "财务负责人:", align=LEFT)
    s.grid("A2:K18")
    s.heights([8], 60)
    s.arithmetic = ("预算执行率 = 预算执行数/调整后预算数 = 3.36/3.36 = 100.00% (年初预算 0.00 is not the base); 得分 = 权重 10 × "
                    "min(100.00%, 1) = 10; 合计 权重 100 = 10 + 90; 自评总分 = 10 + 90 = 100.")
    s.scoring = ("预算执行情况(10分) + 绩效指标(90分); per-indicator 权重/得分 columns; 指标性质 (=, ≥, ≤) and 度量单位 in "
                 "their own columns; the form's note: 预算执行率未达到90%的需说明原因. No grade cell (评价结论 is text).")
    s.notes.append("J15 (合计 得分) is INVENTED: the published 合计 row shows only the weight total 100 (I15).")
    return wb, [s]


# ================================================================================================
# 3. 四川 2017 — 项目支出 / 部门整体支出 绩效评价得分表 (weights in labels; the 部门整体 table has no 分值 column)
# ================================================================================================
SC17_FILE = "四川_2017_score_table_部门整体及项目得分表.xlsx"
SC17_SRC = "https://wanglu.net/thread/t12-491155-4.html"


def wb_sichuan2017():
    # Sources: https://wanglu.net/thread/t12-491155-4.html (a copy, dated 2019-07-11, of a provincial
    # department's 2017 决算 report: "2017 年部门整体支出绩效评价得分表" and the 项目支出 评分 table with scores,
    # "自评得分 90 分") and http://nyj.dazhou.gov.cn/xxgk-show-16453.html (达州市农业局 page with the same two
    # tables blank: the full list of 三级 rows and their weights in labels). Region: 四川 — inferred from the
    # 达州 copy of the same template (the wanglu copy names no department; it says 省级财力专项, 达州 市级财力专项).
    # Project table: every weight and score is from the wanglu text (经济效益…使用效率 share one merged 分值 40 and
    # one 得分 40). INVENTED: the 总分 row values (the page's figure is not in the stored text; here =SUM).
    # 部门整体 table: scores of 相关性 5, 明确性 5, 合理性 5, 测算依据 2, 目标管理 4, 省级财力专项预算分配时限 1 are real;
    # all later scores INVENTED so that the total is the report's 自评得分 90; the three 部门特性指标 rows
    # (blank in the template) INVENTED with their weights in labels.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    p = Sheet(wb, "项目支出绩效评价得分表", "score_table")
    p.widths({"A": 14, "B": 14, "C": 22, "D": 8, "E": 8})
    p.put("A1", "单位名称/\n项目名称")
    p.merge("B1:E1", None)
    for col, h in zip("ABCDE", ["一级\n指标", "二级\n指标", "三级指标", "分值", "得分"]):
        p.put(f"{col}2", h)
    items = [
        ("项目决策\n(20分)", "科学决策\n(10分)", "必要性\n(政策依据)", "5", "5"),
        (None, None, "可行性\n(政策完善)", "5", "5"),
        (None, "绩效目标\n(10)", "明确性", "5", "5"),
        (None, None, "合理性", "5", "5"),
        ("项目管理\n(10分)", "资金管理\n(7分)", "资金分配", "3", "3"),
        (None, None, "资金使用", "4", "4"),
        (None, "项目执行\n(3分)", "执行规范", "3", "2"),
        ("项目绩效\n(特性指标70分)", "项目完成\n(20)", "完成数量", "5", "5"),
        (None, None, "完成质量", "5", "4"),
        (None, None, "完成时效", "5", "5"),
        (None, None, "完成成本", "5", "5"),
    ]
    for k, (l1, l2, l3, w, sc) in enumerate(items):
        r = 3 + k
        if l1:
            p.put(f"A{r}", l1)
        if l2:
            p.put(f"B{r}", l2)
        p.put(f"C{r}", l3, align=LEFT, fact=f"items.{k}.level3")
        p.put(f"D{r}", num(w), fact=f"items.{k}.weight")
        p.put(f"E{r}", num(sc), fact=f"items.{k}.score")
    optional = ["经济效益(可选项)", "社会效益(可选项)", "生态效益(可选项)", "可持续效益(可选项)", "公平效率(可选项)",
                "使用效率(可选项)"]
    for k, lab in enumerate(optional):
        p.put(f"C{14 + k}", lab, align=LEFT)
    p.facts["items.11.level3"] = ("C14", {})
    p.merge("D14:D19", 40, fact="items.11.weight")
    p.merge("E14:E19", 40, fact="items.11.score")
    p.put("C20", "服务对象满意度", align=LEFT, fact="items.12.level3")
    p.put("D20", 10, fact="items.12.weight")
    p.put("E20", 10, fact="items.12.score")
    # item k sits in row 3+k (k ≤ 10), item 11 in the merged rows 14-19, item 12 in row 20
    item_row = {k: 3 + k for k in range(11)}
    item_row.update({11: 14, 12: 20})
    level1 = lambda r: "A3" if r <= 6 else "A7" if r <= 9 else "A10"
    level2 = {3: "B3", 4: "B3", 5: "B5", 6: "B5", 7: "B7", 8: "B7", 9: "B9", 10: "B10", 11: "B10", 12: "B10",
              13: "B10", 14: "B14", 20: "B14"}
    for k, r in item_row.items():
        p.facts[f"items.{k}.level1"] = (level1(r), {})
        p.facts[f"items.{k}.level2"] = (level2[r], {})
    p.put("B14", "项目效益\n(50分)")
    for rng in ("A3:A6", "B3:B4", "B5:B6", "A7:A9", "B7:B8", "A10:A20", "B10:B13", "B14:B20"):
        p.ws.merge_cells(rng)
    for g, (ref, w) in enumerate([("A3", "20"), ("A7", "10"), ("A10", "70")]):
        p.facts[f"groups.{g}.level1"] = (ref, {})
        p.facts[f"groups.{g}.weight"] = (ref, {"from_label": w})
    p.merge("A21:C21", "总分")
    p.put("D21", "=SUM(D3:D20)", "General", fact="total_weight", calc=100)
    p.put("E21", "=SUM(E3:E20)", "General", fact="total_score", calc=98)
    p.grid("A1:E21")
    p.heights(range(3, 21), 22)
    p.arithmetic = ("项目决策 5+5+5+5 = 20 (label 20分); 项目管理 3+4+2 = 9 (label 10分); 项目绩效 5+4+5+5+40+10 = 69 "
                    "(label 特性指标70分; 项目完成 19 of (20), 项目效益 50 of (50分)); 总分 = 20 + 9 + 69 = 98 of 100.")
    p.scoring = ("Weights in a 分值 column AND in the level-1/level-2 labels: (20分), (10), (7分), (特性指标70分). The six "
                 "optional 效益 rows (可选项) share one merged 分值 40 / 得分 40. No grade cell, no 得分率.")
    p.notes.append("总分 D21/E21 are =SUM formulas INVENTED for the row the page has (its value is not in the stored text).")

    d = Sheet(wb, "部门整体支出绩效评价得分表", "score_table")
    d.widths({"A": 12, "B": 20, "C": 34, "D": 8})
    d.merge("A1:D1", "2017年部门整体支出绩效评价得分表", font=FONT_T2)
    for col, h in zip("ABCD", ["一级指标", "二级指标", "三级指标", "得分"]):
        d.put(f"{col}2", h)
    rows = [
        ("部门决策(25分)", "目标任务(15分)", "相关性(5分)", "5"),
        (None, None, "明确性(5分)", "5"),
        (None, None, "合理性(5分)", "5"),
        (None, "预算编制(10分)", "测算依据(5分)", "2"),
        (None, None, "目标管理(5分)", "4"),
        ("综合管理(30分)", "专项资金分配时限(2分)", "省级财力专项预算分配时限(1分)", "1"),
        (None, None, "中央专款分配合规率(1分)", "1"),
        (None, "中期评估(2分)", "执行中期评估(2分)", "2"),
        (None, "绩效监控(5分)", "预算执行进度监控(2分)", "1"),
        (None, None, "绩效目标动态监控(3分)", "3"),
        (None, "非税收入执收情况(2分)", "非税收入征收情况(1分)", "1"),
        (None, None, "非税收入上缴情况(1分)", "1"),
        (None, "资产管理(6分)", "资产管理信息化情况(2分)", "2"),
        (None, None, "行政事业单位资产报告情况(2分)", "2"),
        (None, None, "资产管理与预算管理相结合(2分)", "2"),
        (None, "内控制度管理(2分)", "内部控制度健全完整(2分)", "2"),
        (None, "信息公开(6分)", "预算公开(2分)", "2"),
        (None, None, "决算公开(2分)", "2"),
        (None, None, "绩效信息公开(2分)", "2"),
        (None, "绩效评价(5分)", "绩效评价开展(2分)", "2"),
        (None, None, "评价结果应用(3分)", "3"),
        ("部门绩效情况(45分)", "履职成效(20分)", "部门特性指标:1.年度重点工作任务完成率(8分)", "8"),
        (None, None, "2.服务对象覆盖率(6分)", "6"),
        (None, None, "3.项目按期完成率(6分)", "5"),
        (None, "可持续发展能力(15分)", "重点改革(重点工作)完成情况(5分)", "5"),
        (None, None, "科技(制度、方法、机制等)创新(5分)", "4"),
        (None, None, "人才培养(5分)", "4"),
        (None, "满意度(10分)", "协作部门满意度(3分)", "3"),
        (None, None, "管理对象满意度(3分)", "3"),
        (None, None, "社会公众满意度(4分)", "2"),
    ]
    first = 3
    for k, (a, b, c, sc) in enumerate(rows):
        r = first + k
        if a:
            d.put(f"A{r}", a)
        if b:
            d.put(f"B{r}", b, align=LEFT)
        w = re.search(r"\((\d+)分\)$", c).group(1)
        d.put(f"C{r}", c, align=LEFT, fact=f"items.{k}.level3")
        d.facts[f"items.{k}.weight"] = (f"C{r}", {"from_label": w})
        d.put(f"D{r}", num(sc), fact=f"items.{k}.score")
    for col, idx in (("A", 0), ("B", 1)):
        for a, b, label in runs([(first + k, row[idx]) for k, row in enumerate(rows)]):
            if b > a:
                d.ws.merge_cells(f"{col}{a}:{col}{b}")
            for r in range(a, b + 1):
                d.facts[f"items.{r - first}.level{idx + 1}"] = (f"{col}{a}", {})
    for g, (ref, w) in enumerate([("A3", "25"), ("A8", "30"), ("A24", "45")]):
        d.facts[f"groups.{g}.level1"] = (ref, {})
        d.facts[f"groups.{g}.weight"] = (ref, {"from_label": w})
    d.grid(f"A2:D{first + len(rows) - 1}")
    d.arithmetic = ("部门决策 5+5+5+2+4 = 21 (label 25分; 目标任务 15 of (15分), 预算编制 6 of (10分)); 综合管理 = 29 of (30分); "
                    "部门绩效情况 = 19+13+8 = 40 of (45分); Σ = 21 + 29 + 40 = 90 = the report's '自评得分 90 分' "
                    "(the table itself has no total row). Every 得分 ≤ the weight in its own 三级 label, every level-2 "
                    "sum ≤ its label weight.")
    d.scoring = ("Weights ONLY inside labels at all three levels, e.g. 相关性(5分), 目标任务(15分), 部门决策(25分); a single "
                 "得分 column, no 分值 column, no total row, no grade.")
    d.notes.append("The table has no total row: total_score is absent on purpose (the narrative gives 自评得分 90).")
    return wb, [p, d]


# ================================================================================================
# 4. 云南 丽江市古城区 2020 — 项目支出绩效自评表 with 指标性质/指标值/度量单位 under a two-row header
# ================================================================================================
LJ_FILE = "云南_2020_project_selfeval_古城区卫片执法.xlsx"
LJ_SRC = "http://m.jjiadianqingjie.com.cn/changyong/13241.html"


def wb_lijiang():
    # Source: http://m.jjiadianqingjie.com.cn/changyong/13241.html — "2020年云南省级自然资源卫片执法补助经费",
    # 2021-06-28, a (traditional-character) mirror of the 2020年度项目支出绩效自评表 of 丽江市古城区自然资源局;
    # converted back to simplified characters here. Two-row indicator header: 绩效指标 spans 一级/二级/三级,
    # 年度指标值 spans 指标性质/指标值/度量单位; 实际完成值/分值/得分/偏差原因 span both rows.
    # INVENTED: the stored text ends at the 满意度 row's 分值 10.00: its 得分 9.00 and the whole 总分 row
    # (100 / 93). Cell types: "20"/"19" typed as plain numbers and "20.00"/"19.00" with 0.00, as printed.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 8, "B": 12, "C": 18, "D": 8, "E": 9, "F": 8, "G": 10, "H": 8, "I": 8, "J": 16})
    s.merge("A1:J1", "2020年度项目支出绩效自评表", font=FONT_T2, fact="year")
    s.put("A2", "项目名称")
    s.merge("B2:J2", "2020年省级自然资源卫片执法补助经费支出绩效自评表", align=LEFT, fact="name")
    s.put("A3", "主管部门")
    s.merge("B3:E3", "丽江市自然资源和规划局", fact="department")
    s.merge("F3:G3", "实施单位")
    s.merge("H3:J3", "丽江市古城区自然资源局", fact="implementer")
    s.merge("A4:A8", "项目资金\n(万元)")
    for col, h in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        s.put(f"{col}4", h)
    s.merge("I4:J4", None)
    s.put("B5", "年度资金总额", align=LEFT)
    s.put("C5", 7.29, N2, other="年初预算数")
    s.put("D5", 7.29, N2, fact="funds.budget")
    s.put("E5", 7.29, N2, fact="funds.executed")
    s.put("F5", 10, N2, fact="funds.weight")
    s.put("G5", "=E5/D5", PCT0, fact="funds.rate", calc=rate("7.29", "7.29"))
    s.put("H5", 10, N2, fact="funds.score")
    s.put("B6", "其中:当年财政拨款", align=LEFT, fact="funds.sources.0.label")
    s.put("C6", 7.29, N2)
    s.put("D6", 7.29, N2, fact="funds.sources.0.budget")
    s.put("E6", 7.29, N2, fact="funds.sources.0.executed")
    s.put("G6", "100%", fact="funds.sources.0.rate")
    s.put("B7", "上年结转资金", align=LEFT, fact="funds.sources.1.label")
    s.put("B8", "其他资金", align=LEFT, fact="funds.sources.2.label")
    for r in (5, 6, 7, 8):
        s.ws.merge_cells(f"I{r}:J{r}")
    s.merge("A9:A10", "年度\n总体\n目标")
    s.merge("B9:F9", "预期目标")
    s.merge("G9:J9", "实际完成情况")
    s.merge("B10:F10", "自然资源卫片执法补助经费", align=LEFT, fact="goals.planned")
    s.merge("G10:J10", "自然资源卫片执法补助经费", align=LEFT, fact="goals.achieved")
    s.merge("A11:C11", "绩效指标")
    s.merge("D11:F11", "年度指标值")
    s.merge("G11:G12", "实际完成值")
    s.merge("H11:H12", "分值")
    s.merge("I11:I12", "得分")
    s.merge("J11:J12", "偏差原因分析及改进措施")
    for col, h in zip("ABCDEF", ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]):
        s.put(f"{col}12", h)
    inds = [
        ("产出指标", "数量指标", "卫片执法补助经费", "﹦", 72890, "元", 72890, ("10", N2), ("9", N2)),
        (None, "质量指标", "项目验收合格率", "﹦", 100, "%", 100, ("20", None), ("19", None)),
        (None, "时效指标", "项目完成及时率", "﹦", 100, "%", 100, ("20", N2), ("19", N2)),
        ("效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, ("30", N2), ("27", N2)),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥", 95, "%", 95, ("10", N2), ("9", N2)),
    ]
    cols = dict(level1="A", level2="B", name="C", nature="D", target="E", unit="F", actual="G")
    indicator_rows(s, [t[:7] for t in inds], 13, cols)
    for k, t in enumerate(inds):
        r = 13 + k
        s.put(f"H{r}", num(t[7][0]), t[7][1], fact=f"indicators.{k}.weight")
        s.put(f"I{r}", num(t[8][0]), t[8][1], fact=f"indicators.{k}.score")
        s.other[f"indicators.{k}.nature"] = f"D{r}"
        s.other[f"indicators.{k}.unit"] = f"F{r}"
    s.merge("A18:G18", "总分")
    s.put("H18", 100, other="总分 分值")
    s.put("I18", 93, fact="total_score")
    s.grid("A2:J18")
    s.heights([12], 30)
    s.arithmetic = ("执行率 = 7.29/7.29 = 100%; 资金得分 = 10.00 × min(1, 1) = 10.00; 分值 10+10+20+20+30+10 = 100; "
                    "总分 = 10.00 + 9.00 + 19 + 19.00 + 27.00 + 9.00 = 93.")
    s.scoring = ("National weights (资金 10, indicators 90) with Yunnan's extra columns 指标性质 (﹦ U+FE66, ≥, ≤) and 度量单位; "
                 "scores are the unit's judgement: 9 of 10, 19 of 20, 27 of 30 although every 实际完成值 equals its 指标值 "
                 "— not an arithmetic error (a rule-based checker should at most warn). No grade cell.")
    s.notes.append("INVENTED: I17 (满意度 得分 9.00) and the 总分 row H18/I18.")
    return wb, [s]


# ================================================================================================
# 5. 云南 南华县 — national 项目支出绩效自评表 with spaced vertical label and decimal weights
# ================================================================================================
NH_FILE = "云南_2022_project_selfeval_南华野生菌车间.xlsx"
NH_SRC = "https://www.ynnh.gov.cn/info/17693/347777.htm"


def wb_nanhua():
    # Source: https://www.ynnh.gov.cn/info/17693/347777.htm — 南华县人民政府 page with the 项目支出绩效自评表 of
    # 南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目(续建) (page title and date not in the stored text).
    # Real and kept: decimal weights 10.3/9.3/9.3/10.8/10.3 summing to 产出指标(50分); an 经济效益 指标 row filed
    # under 产出指标; the row "550 | 20" (年度指标值 550, 实际完成值 20) and the row with only "3" — kept exactly;
    # "—" in 分值/得分 of the source rows; the vertical label "绩 效 指 标" repeated for the second block.
    # INVENTED: the title line and year (2022) — not in the stored text; everything from the 效益指标 block on
    # (the text stops at "绩 效 指 标 | 效益"): 效益指标(30分) two rows 15/15, 满意度指标(10分) one row 10/10,
    # 总分 100/100.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 6, "B": 12, "C": 10, "D": 34, "E": 14, "F": 14, "G": 7, "H": 7, "I": 18})
    s.merge("A1:I1", "项目支出绩效自评表", font=FONT_T)
    s.merge("A2:I2", "(2022年度)", fact="year")
    s.put("A3", "项目名称")
    s.merge("B3:I3", "南华县乡村振兴示范园罗家屯社区野生菌加工车间建设项目(续建)", align=LEFT, fact="name")
    s.put("A4", "主管部门")
    s.merge("B4:D4", "南华县农业农村局", fact="department")
    s.merge("E4:F4", "实施单位")
    s.merge("G4:I4", "南华县国有资本管理有限公司", fact="implementer")
    s.merge("A5:A9", "项目资金\n(万元)")
    for col, h in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        s.put(f"{col}5", h)
    s.put("B6", "年度资金总额", align=LEFT)
    s.put("C6", 1100, other="年初预算数")
    s.put("D6", 1100, fact="funds.budget")
    s.put("E6", 1100, fact="funds.executed")
    s.put("F6", 10, fact="funds.weight")
    s.put("G6", 1, PCT0, fact="funds.rate")
    s.put("H6", 10, fact="funds.score")
    s.put("B7", "其中:当年财政拨款", align=LEFT, fact="funds.sources.0.label")
    s.put("C7", 1100)
    s.put("D7", 1100, fact="funds.sources.0.budget")
    s.put("E7", 1100, fact="funds.sources.0.executed")
    s.put("F7", "—")
    s.put("G7", "100%", fact="funds.sources.0.rate")
    s.put("H7", "—")
    for k, lab in enumerate(["上年结转资金", "其他资金"]):
        r = 8 + k
        s.put(f"B{r}", lab, align=LEFT, fact=f"funds.sources.{k + 1}.label")
        s.put(f"F{r}", "—")
        s.put(f"H{r}", "—")
    s.merge("A10:A11", "年度总体目标")
    s.merge("B10:E10", "预期目标")
    s.merge("F10:I10", "实际完成情况")
    goal = ("目标1:1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装,冷库仓储3100元每平方米,投资400万元;目标2:配套烘干杀菌"
            "设备及包装设备购置及安装550万元;目标3:配套电力设施1250KVA变压器3台,完成高压线接入及土建安装投资150万元。")
    s.merge("B11:E11", goal, align=LEFT, fact="goals.planned")
    s.merge("F11:I11", goal, align=LEFT, fact="goals.achieved")
    s.merge("A12:A18", "绩 效 指 标")
    for col, h in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                   "偏差原因分析及改进措施"]):
        s.put(f"{col}12", h)
    cols = dict(level1="B", level2="C", name="D", target="E", actual="F", weight="G", score="H")
    inds = [
        ("产出指标(50分)", "数量指标", "1290.3平方米冷库仓储建设及配套生产设备、配套电力设施购置安装", "≥1290.3平方米", "1290.3平方米",
         "10.3", "10.3"),
        (None, None, "配套烘干杀菌设备及包装设备购置及安装", "550", "20", "9.3", "9.3"),
        (None, None, "配套电力设施1250KVA变压器3台", "3", None, "9.3", "9.3"),
        (None, "经济效益\n指标", "奖补资金兑付率(%)", "≥100%", "≥100%", "10.8", "10.8"),
        (None, "时效指标", "任务完成时限(月)", "10", "10", "10.3", "10.3"),
    ]
    indicator_rows(s, inds, 13, cols)
    s.put("C18", "成本指标")
    s.ws.unmerge_cells("B13:B17")
    s.ws.merge_cells("B13:B18")
    s.merge("A19:A21", "绩 效 指 标")
    inds2 = [
        ("效益指标(30分)", "社会效益指标", "带动周边群众务工就业人数", "≥30人", "36人", "15", "15"),
        (None, "可持续影响指标", "项目持续发挥效益年限", "≥10年", "10年", "15", "15"),
        ("满意度指标(10分)", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10", "10"),
    ]
    indicator_rows(s, inds2, 19, cols, start_index=5)
    s.merge("A22:F22", "总分")
    s.put("G22", 100, other="总分 分值")
    s.put("H22", 100, fact="total_score")
    s.grid("A3:I22")
    s.heights([11], 75)
    s.arithmetic = ("执行率 = 1100/1100 = 100%; 资金得分 = 10 × min(1, 1) = 10; 产出 10.3+9.3+9.3+10.8+10.3 = 50.0 (label 50分); "
                    "效益 15+15 = 30; 满意度 10; 总分 = 10 + 50 + 30 + 10 = 100.")
    s.scoring = ("National weights 资金10/产出50/效益30/满意度10, group weights in labels 产出指标(50分) etc., per-indicator 分值 "
                 "with one decimal (10.3, 9.3, 10.8). No grade cell.")
    s.notes += ["Real anomalies kept: row 14 年度指标值 '550' vs 实际完成值 '20' with full score 9.3; row 15 has no 实际完成值; "
                "row 16 经济效益指标 sits under 产出指标; 实际完成值 '≥100%'. A rule-based indicator check cannot decide these "
                "(no comparator/unit) and should not raise an error.",
                "INVENTED: A1/A2 title and year, rows 19-22 (效益/满意度 indicators and 总分)."]
    return wb, [s]


# ================================================================================================
# 6. 重庆 2021 — 部门整体绩效自评表 (flat indicator list: 指标权重/指标得分/得分系数/是否核心指标)
# ================================================================================================
CQ_FILE = "重庆_2021_dept_selfeval_科学城融媒体中心.xlsx"
CQ_SRC = "https://m.yzwku.com/doc/98587.html"


def wb_chongqing():
    # Source: https://m.yzwku.com/doc/98587.html — "部门整体绩效自评表.docx" (优知文库 copy; OCR'd preview text) of a
    # 西部(重庆)科学城 融媒体中心's 2021 部门整体绩效自评表: 自评总分(分) 97.6, 执行率 76%, 执行率权重 10, 执行率得分 7.6,
    # and the flat indicator list with 计量单位/指标性质/年初指标值/调整指标值/全年完成值/得分系数(%)/指标权重(分)/指标得分(分)/
    # 是否核心指标. Readings of OCR: "26次"→"≥6次", "到0次"→"≥40次", "第O份"→"≥10份" (the OCR renders ≥ as a digit);
    # "2200篇" kept literally.
    # INVENTED: 主管部门 and 财政处室 (blank/illegible), 联系电话; the three amounts 年初预算数 1200.00,
    # 全年(调整)预算数 1500.00, 全年执行数 1140.00 (illegible; chosen to give the printed 76%); the last two
    # indicators (text stops at "公共服务"): 公共服务满意度 and 社会公众满意度, 10/10 each, so that the weights reach
    # 90 and the total the printed 97.6.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "部门整体绩效自评表", "dept_selfeval")
    s.widths({"A": 6, "B": 20, "C": 8, "D": 8, "E": 11, "F": 10, "G": 11, "H": 10, "I": 10, "J": 10, "K": 9})
    s.merge("A1:K1", "部门整体绩效自评表", font=FONT_T)
    s.merge("A2:B2", "主管部门")
    s.merge("C2:E2", "重庆高新区融媒体中心", fact="name")
    s.put("F2", "财政处室")
    s.merge("G2:H2", "财政局预算科", other="财政处室")
    s.merge("I2:J2", "自评总分(分)")
    s.put("K2", 97.6, fact="total_score")
    s.merge("A3:B3", "部门联系人")
    s.merge("C3:E3", "曾雪莲", other="部门联系人")
    s.put("F3", "联系电话")
    s.merge("G3:K3", None)
    s.merge("A4:A5", "部门预算\n执行情况\n(万元)")
    s.merge("B4:C4", "年初预算数")
    s.merge("D4:E4", "全年(调整)预算数")
    s.merge("F4:G4", "全年执行数")
    s.put("H4", "执行率(%)")
    s.put("I4", "执行率权重")
    s.merge("J4:K4", "执行率得分(分)")
    s.merge("B5:C5", 1200, N2, other="年初预算数")
    s.merge("D5:E5", 1500, N2, fact="funds.budget")
    s.merge("F5:G5", 1140, N2, fact="funds.executed")
    s.put("H5", 0.76, PCT0, fact="funds.rate")
    s.put("I5", 10, fact="funds.weight")
    s.merge("J5:K5", 7.6, fact="funds.score")
    s.merge("A6:A7", "当年\n绩效\n目标")
    s.merge("B6:E6", "年初绩效目标")
    s.merge("F6:H6", "全年(调整)绩效目标")
    s.merge("I6:K6", "全年目标实际完成情况")
    s.merge("B7:E7", "通过整合各级各类媒体、户外广告载体、宣传宣讲活动等,为建设成渝地区双城经济圈和西部(重庆)重庆科学城营造良好氛围。"
            "保障融媒体中心正常人事基础/日常运转,有效承担西部(重庆)科学城新闻宣传管理,思想文化领域建设等工作。", align=LEFT,
            fact="goals.planned")
    s.merge("F7:H7", "无", other="全年(调整)绩效目标")
    s.merge("I7:K7", "中心2021年较好地完成了履职任务,有效开展了西部(重庆)科学城新闻宣传管理/思想文化领域建设等工作,为建设成渝地区"
            "双城经济圈和西部(重庆)重庆科学城营造了良好氛围。", align=LEFT, fact="goals.achieved")
    heads = ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)",
             "是否核心指标"]
    for col, h in zip("BCDEFGHIJK", heads):
        s.put(f"{col}8", h)
    inds = [
        ("财政供养人员控制率", "%", "100%", "92%", "2", "否"),
        ("“三公”经费变动率", "%", None, None, "2", "否"),
        ("基础信息完善", "%", "100%", "100%", "1", "否"),
        ("预算完成率", "%", "70%", "76%", "2", "是"),
        ("预算调整率", "%", "3%", "0", "2", "否"),
        ("结转结余率", "%", "2%", "0", "2", "是"),
        ("公用经费控制率", "%", "100%", "97%", "2", "是"),
        ("“三公”经费控制率", "%", None, None, "2", "否"),
        ("政府采购执行率", "%", "100%", "72.74%", "2", "是"),
        ("管理制度健全性", None, "高", "高", "3", "否"),
        ("资金使用合规性", None, "好", "好", "5", "否"),
        ("预决算信息公开性", None, "高", "高", "1", "否"),
        ("资产管理安全", None, "好", "好", "2", "否"),
        ("固定资产利用率", "%", "90%", "100%", "2", "否"),
        ("党性教育培训次数", "次", "≥6次", "12次", "5", "是"),
        ("组织宣传活动次数", "次", "≥40次", "43次", "10", "是"),
        ("制作宣传品数量", "份", "≥10份", "20份", "5", "否"),
        ("播发稿件数量", "篇", "2200篇", "2859篇", "10", "是"),
        ("业务保障能力提升", "%", "90%", "95%", "10", "否"),
        ("公共服务满意度", "%", "≥90%", "96%", "10", "是"),
        ("社会公众满意度", "%", "≥90%", "95%", "10", "否"),
    ]
    first = 9
    for k, (name, unit, tgt, act, w, core) in enumerate(inds):
        r = first + k
        s.put(f"B{r}", name, align=LEFT, fact=f"indicators.{k}.name")
        s.put(f"C{r}", unit, other=f"indicators.{k}.unit")
        s.put(f"E{r}", tgt, fact=f"indicators.{k}.target")
        s.put(f"G{r}", act, fact=f"indicators.{k}.actual")
        s.put(f"H{r}", "100%", other=f"indicators.{k}.coefficient")
        s.put(f"I{r}", num(w), fact=f"indicators.{k}.weight")
        s.put(f"J{r}", num(w), fact=f"indicators.{k}.score")
        s.put(f"K{r}", core, other=f"indicators.{k}.core")
    last = first + len(inds) - 1
    s.merge(f"D{first}:D{first + 8}", "定量指标")
    s.merge(f"D{first + 9}:D{first + 12}", "定性指标")
    s.merge(f"D{first + 13}:D{last}", "定量指标")
    s.merge(f"A8:A{last}", "绩效指标")
    s.grid(f"A2:K{last}")
    s.heights([7], 90)
    s.arithmetic = ("执行率 = 1140/1500 = 76% (amounts INVENTED, rate printed); 执行率得分 = 执行率权重 10 × 76% = 7.6; every "
                    "指标得分 = 指标权重 × 得分系数 100%; Σ指标权重 = 90; Σ指标得分 = 90; 自评总分 = 7.6 + 90 = 97.6.")
    s.scoring = ("Chongqing: 执行率得分 = 执行率 × 执行率权重 (no full marks at 90%); each indicator 得分 = 权重 × 得分系数(%); "
                 "no 一级/二级 columns (flat list; 定量/定性 merged in 指标性质); 是否核心指标 flag; total at the top right "
                 "(自评总分(分)); no grade cell.")
    return wb, [s]


# ================================================================================================
# 7. 湖北 黄石市 2022 — 项目自评表 (预算执行 20分 × 执行率; 年度绩效目标 80分; no per-indicator weights)
# ================================================================================================
HS_FILE = "湖北_2022_project_selfeval_黄石海绵城市.xlsx"
HS_SRC = "http://zjj.huangshi.gov.cn/xxgk_7967/fdzdgknr/czzj/czzxzj/202307/t20230721_1034104.html"


def wb_huangshi():
    # Source: http://zjj.huangshi.gov.cn/xxgk_7967/fdzdgknr/czzj/czzxzj/202307/t20230721_1034104.html —
    # 黄石市住房和城乡建设局, "2022年度黄石市系统化全域海绵城市示范城市的申报工作经费项目自评表" (published 2023-07-21).
    # Every value is on the page: 预算数(A) 200, 执行数(B) 195.5, 执行率(B/A) 97.75%, 得分(20分*执行率) 19.55,
    # eight 得分 of 10, 总分 "99.55分" (text with 分).
    # INVENTED: the end of the 原因分析 sentence (the stored text stops at "根据合同").
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目自评表", "project_selfeval")
    s.widths({"A": 14, "B": 10, "C": 10, "D": 30, "E": 22, "F": 22, "G": 10})
    s.merge("A1:G1", "2022年度黄石市系统化全域海绵城市示范城市的申报工作经费项目自评表", font=FONT_T2, fact="year")
    s.put("A2", "项目名称")
    s.merge("B2:G2", "黄石市系统化全域海绵城市示范城市的申报工作经费", align=LEFT, fact="name")
    s.put("A3", "主管部门")
    s.merge("B3:C3", "黄石市住房和城乡建设局", fact="department")
    s.put("D3", "项目实施单位")
    s.merge("E3:G3", "黄石市住房和城乡建设局", fact="implementer")
    s.put("A4", "项目类别")
    s.merge("B4:G4", "1、部门预算项目 ☑ 2、市直专项", align=LEFT, other="项目类别")
    s.put("A5", "项目属性")
    s.merge("B5:G5", "1、持续性项目 ☑ 2、新增性项目 □", align=LEFT, other="项目属性")
    s.put("A6", "项目类型")
    s.merge("B6:G6", "1、常年性项目 □ 2、延续性项目 ☑ 3、一次性项目 □", align=LEFT, other="项目类型")
    s.put("A7", "预算执行情况(万元)\n(20分)", fact="funds.weight", label="20")
    s.merge("B7:C7", "预算数(A)")
    s.put("D7", "执行数(B)")
    s.put("E7", "执行率(B/A)")
    s.merge("F7:G7", "得分\n(20分*执行率)")
    s.put("A8", "年度财政资金总额")
    s.merge("B8:C8", 200, fact="funds.budget")
    s.put("D8", 195.5, fact="funds.executed")
    s.put("E8", 0.9775, PCT2, fact="funds.rate")
    s.merge("F8:G8", 19.55, fact="funds.score")
    s.merge("A9:A17", "年度绩效目标1\n(80分)", other="年度绩效目标1 (group weight 80 in label)")
    for col, h in zip("BCDEFG", ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]):
        s.put(f"{col}9", h)
    inds = [
        ("产出指标", "数量指标", "完成省级宣传片制作;完成实施方案的编制;完成自评估报告", "完成1部宣传片,2套方案", "完成1部宣传片,2套方案", "10"),
        (None, "质量指标", "通过专家评审", "通过", "通过", "10"),
        (None, "时效指标", "上半年完成宣传片制作;下半年完成实施方案", "6月份完成宣传片制作;9月份完成文本;11月完成专家评审", "完成", "10"),
        (None, "成本指标", "省级宣传片制作费、申报文本编制费、自评估报告编制费", "200万", "195.5万元", "10"),
        ("效益指标", "经济效益\n指标", "统筹海绵城市项目谋划", "统筹海绵城市项目谋划", "完成", "10"),
        (None, "社会效益\n指标", "指导城市建设", "指导城市建设", "完成", "10"),
        (None, "生态效益\n指标", "有利于城市生态、韧性发展", "有利于城市生态、韧性发展", "完成", "10"),
        ("满意度指标", "满意度指标", "群众满意度", "满意", "完成", "10"),
    ]
    indicator_rows(s, inds, 10, dict(level1="B", level2="C", name="D", target="E", actual="F", score="G"))
    s.put("A18", "总分")
    s.merge("B18:G18", "99.55分", align=LEFT, fact="total_score")
    s.put("A19", "偏差大或\n目标未完成\n原因分析")
    s.merge("B19:G19", "2022年12月,第三方咨询单位已编制完成海绵城市自评估报告,并通过专家评审,根据合同约定,剩余4.5万元尾款待项目验收后支付。",
            align=LEFT)
    s.grid("A2:G19")
    s.heights([7, 19], 45)
    s.arithmetic = ("执行率 = 195.5/200 = 97.75%; 得分 = 20分 × 执行率 = 20 × 0.9775 = 19.55; 指标得分 8 × 10 = 80 (the group "
                    "label says 80分; no per-indicator 分值 column); 总分 = 19.55 + 80 = 99.55 → shown '99.55分'.")
    s.scoring = ("Hubei (city) form: 预算执行 20分 scored proportionally (得分 = 20 × 执行率, header says '20分*执行率'), "
                 "绩效目标 80分 spread over the indicators with only 得分 given; 总分 typed as text with 分; no grade cell.")
    return wb, [s]


# ================================================================================================
# 8. 湖南 零陵区林业局 2021 — 部门整体支出绩效自评表 (amounts as text with 万元; a real 执行率 slip)
# ================================================================================================
LL_FILE = "湖南_2021_dept_selfeval_零陵区林业局.xlsx"
LL_SRC = "http://admin.yzcity.gov.cn:8888/llqlinyj/gknb/202204/cd04d310d5364b2f9983a7843fb6a17d.shtml"


def wb_lingling():
    # Source: http://admin.yzcity.gov.cn:8888/llqlinyj/gknb/202204/cd04d310d5364b2f9983a7843fb6a17d.shtml —
    # 零陵区林业局, "2021年林业局部门整体支出绩效自评表", 2022-04-07. Kept as published: amounts typed as text with
    # 万元 ("4753.66万元"); 按收入性质分/按支出性质分 lines with the amounts inside the labels; "产出指标\n(50)" without 分;
    # "……" rows; " 100%" and " 显著" with a leading space; "育补助" (first character missing on the page).
    # REAL SLIP kept: 执行率 printed 100% and 得分 10 while 3824.26/4753.66 = 80.45% (→ 8.04 by the national rule).
    # INVENTED: the text stops at "生态": the 生态效益 and 可持续影响 rows (6/6 each), the 满意度 row (10/10) and the
    # 总分 row (100 / 98). "一级预算单位名称": the page shows "级预算单位名称" (first character lost).
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "部门整体支出绩效自评表", "dept_selfeval")
    s.widths({"A": 10, "B": 12, "C": 16, "D": 14, "E": 14, "F": 7, "G": 7, "H": 7, "I": 16})
    s.merge("A1:I1", "部门整体支出绩效自评表", font=FONT_T)
    s.merge("A2:I2", "(2021年度)", fact="year")
    s.merge("A3:B3", "一级预算单位名称")
    s.merge("C3:I3", "零陵区林业局", align=LEFT, fact="name")
    s.merge("A4:A10", "年度预\n算申请\n(万元)")
    for col, h in zip("CDEFGH", ["年初\n预算数", "全年预算数", "全年\n执行数", "分值", "执行率", "得分"]):
        s.put(f"{col}4", h)
    s.ws.merge_cells("H4:I4")
    s.put("B5", "年度资金总额")
    s.put("C5", "4753.66万元", other="年初预算数")
    s.put("D5", "4753.66万元", fact="funds.budget")
    s.put("E5", "3824.26万元", fact="funds.executed")
    s.put("F5", 10, fact="funds.weight")
    s.put("G5", "100%", fact="funds.rate")
    s.merge("H5:I5", 10, fact="funds.score")
    s.merge("B6:E6", "按收入性质分:", align=LEFT)
    s.merge("F6:I6", "按支出性质分:", align=LEFT)
    s.merge("B7:E7", "其中: 一般公共预算:1873.66万元", align=LEFT, other="按收入性质分 一般公共预算")
    s.merge("F7:I7", "其中:基本支出:1768.16万元", align=LEFT, other="按支出性质分 基本支出")
    s.merge("B8:E8", "政府性基金拨款:", align=LEFT)
    s.merge("F8:I8", "项目支出:2985.5万元", align=LEFT, other="按支出性质分 项目支出")
    s.merge("B9:E9", "纳入专户管理的非税收入拨款:", align=LEFT)
    s.merge("F9:I9", None)
    s.merge("B10:E10", "其他资金:2880万元", align=LEFT, other="按收入性质分 其他资金")
    s.merge("F10:I10", None)
    s.merge("A11:A12", "年度总体目标")
    s.merge("B11:E11", "预期目标")
    s.merge("F11:I11", "实际完成情况")
    g = "目标1:造林1.2万亩,\n目标2森林经营16.3万亩\n目标3:病虫害防治3.45万亩"
    s.merge("B12:E12", g, align=LEFT, fact="goals.planned")
    s.merge("F12:I12", g, align=LEFT, fact="goals.achieved")
    for col, h in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分",
                                   "偏差原因\n分析及\n改进措施"]):
        s.put(f"{col}13", h)
    s.ws.merge_cells("H13:I13")
    cols = dict(level1="A", level2="B", name="C", target="D", actual="E", weight="F", score="G")
    rows = [
        ("产出指标\n(50)", "数量\n指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10"),
        (None, None, "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7"),
        (None, None, "森林经营面积", "16.3万亩", "16.3万亩", "7", "7"),
        (None, "质量\n指标", "造林成活率", "85%", "85%", "7", "7"),
        (None, None, "……", None, None, None, None),
        (None, "时效\n指标", "当期完成", "90%", " 100%", "7", "7"),
        (None, None, "……", None, None, None, None),
        (None, "成本\n指标", "造林补助", "每亩300", "每亩300", "6", "6"),
        (None, None, "育补助", "每亩100", "每亩100", "6", "6"),
        ("效益指标\n(30分)", "经济效\n益指标", "木材销售收入", "1100万元", "1093万元", "6", "5"),
        (None, None, "林产品收入", "2.6亿元", "2.45亿元", "6", "5"),
        (None, "社会效\n益指标", "提高就业率", " 显著", " 显著", "6", "6"),
        (None, None, "……", None, None, None, None),
        (None, "生态效\n益指标", "森林覆盖率", "≥70%", "70.5%", "6", "6"),
        (None, "可持续影\n响指标", "森林资源持续增长", "持续增长", "持续增长", "6", "6"),
        ("满意度\n指标\n(10分)", "服务对象满\n意度指标", "林农满意度", "≥90%", "95%", "10", "10"),
    ]
    # the "……" rows are not indicators: write them without facts, number the real ones consecutively
    k = 0
    for i, row in enumerate(rows):
        r = 14 + i
        if row[2] == "……":
            s.put(f"C{r}", "……")
            for col in "DEFG":
                s.put(f"{col}{r}", None)
            continue
        indicator_rows(s, [(None, None) + row[2:]], r, cols, start_index=k)
        k += 1
    for col, idx in (("A", 0), ("B", 1)):
        real = [i for i, row in enumerate(rows) if row[2] != "……"]
        for a, b, label in runs([(14 + i, row[idx]) for i, row in enumerate(rows)]):
            s.put(f"{col}{a}", label)
            if b > a:
                s.ws.merge_cells(f"{col}{a}:{col}{b}")
            for n, i in enumerate(real):
                if a <= 14 + i <= b:
                    s.facts[f"indicators.{n}.level{idx + 1}"] = (f"{col}{a}", {})
    for r in range(14, 30):
        s.ws.merge_cells(f"H{r}:I{r}")
    s.merge("A30:E30", "总分")
    s.put("F30", 100, other="总分 分值")
    s.put("G30", 98, fact="total_score")
    s.merge("H30:I30", None)
    s.grid("A3:I30")
    s.heights([12], 45)
    s.arithmetic = ("Sources: 一般公共预算 1873.66 + 其他资金 2880 = 4753.66 = 基本支出 1768.16 + 项目支出 2985.5. 执行率 = "
                    "3824.26/4753.66 = 80.45% but the form prints 100% and 得分 10 (by the national rule 10 × 0.8045 = 8.04): "
                    "a REAL SLIP. 产出 10+7+7+7+7+6+6 = 50; 效益 5+5+6+6+6 = 28 of 30; 满意度 10; 总分 = 10 + 50 + 28 + 10 = 98 "
                    "(with the submitted 资金 得分 10; 96.04 with 8.04).")
    s.scoring = ("National 部门整体 weights 资金10/产出50/效益30/满意度10 (产出 label '(50)' without 分); amounts as text with 万元; "
                 "no grade cell.")
    s.notes.append("The clean file carries the published slip (执行率 100% / 得分 10 for 80.45%): expected_findings lists it.")
    return wb, [s]


# ================================================================================================
# 9. 宁夏 原州区 2022 — 绩效目标自评表 (项目总得分 at the top; no fund score; 40/40/20)
# ================================================================================================
YZ_FILE = "宁夏_2022_project_selfeval_原州马铃薯种薯.xlsx"
YZ_SRC = "https://www.bigxun.com/view/1651813082920488962"


def wb_yuanzhou():
    # Source: https://www.bigxun.com/view/1651813082920488962 — text of "马铃薯种薯繁育示范推广项目绩效目标自评表
    # (2022年度)" of 原州区农技中心 (固原市原州区, 宁夏; 自治区主管部门 农业农村厅), OCR'd: project name read as
    # "马铃薯种薯繁育示范推广项目" (OCR "碟令薯樽轴示施"); "工5%"→"≥5%", "290%"→"≥90%", "80%^80%"→"≥80% | 80%",
    # "250%"→"≥50%". Kept: 项目总得分 99分 at the top; 执行率 86.5% (one decimal) with no fund score; 分值 column
    # before 年度指标值; "指标1/指标2" prefixes; 指标3 一级种薯繁育基地 8000亩 / 8535.5亩 with no 分值/得分 (the
    # weights 8×5 already make 产出指标(40分)); the time indicator dated 2021年11月30日 in a 2022 form.
    # INVENTED: the 年度资金总额 row repeats the 自治区补助 amounts (the OCR shows them once); the 满意度 row after
    # "种薯繁育企业、种植农户调" (完成 as 调查满意度, 20 / ≥90% / 95% / 20 — 20 because 满意度指标(20分) and the
    # total 99 leaves 20 for it).
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "绩效目标自评表", "project_selfeval")
    s.widths({"A": 10, "B": 12, "C": 12, "D": 34, "E": 7, "F": 14, "G": 14, "H": 7, "I": 20})
    s.merge("A1:I1", "马铃薯种薯繁育示范推广项目绩效目标自评表", font=FONT_T2)
    s.merge("A2:F2", "(2022年度)", fact="year")
    s.merge("G2:H2", "项目总得分", align=RIGHT)
    s.put("I2", "99分", fact="total_score")
    s.put("A3", "项目名称")
    s.merge("B3:D3", "马铃薯种薯繁育示范推广项目", align=LEFT, fact="name")
    s.merge("E3:F3", "项目实施单位/\n项目负责人")
    s.merge("G3:I3", "原州区农技中心/杨勃兴", fact="implementer")
    s.put("A4", "自治区主管部门")
    s.merge("B4:D4", "农业农村厅", other="自治区主管部门")
    s.merge("E4:F4", "专项实施期")
    s.merge("G4:I4", "2022年3月-2022年11月", other="专项实施期")
    s.put("A5", "市县财政部门")
    s.merge("B5:D5", "原州区财政局", other="市县财政部门")
    s.merge("E5:F5", "市县主管部门")
    s.merge("G5:I5", "原州区农业农村局", fact="department")
    s.merge("A6:A10", "资金情况\n(万元)")
    s.merge("B6:D6", None)
    s.merge("E6:F6", "全年预算数(A)")
    s.merge("G6:H6", "全年执行数(B)")
    s.put("I6", "执行率(B/A)")
    s.merge("B7:D7", "年度资金总额", align=LEFT)
    s.merge("E7:F7", 300, fact="funds.budget")
    s.merge("G7:H7", 259.45, fact="funds.executed")
    s.put("I7", "=G7/E7", PCT1, fact="funds.rate", calc=rate("259.45", "300"))
    s.merge("B8:B10", "其中")
    s.merge("C8:D8", "中央补助", align=LEFT, fact="funds.sources.0.label")
    s.merge("C9:D9", "自治区补助", align=LEFT, fact="funds.sources.1.label")
    s.merge("C10:D10", "市县资金", align=LEFT, fact="funds.sources.2.label")
    s.merge("E9:F9", "300万元", fact="funds.sources.1.budget")
    s.merge("G9:H9", "259.45万元", fact="funds.sources.1.executed")
    s.put("I9", "86.5%", fact="funds.sources.1.rate")
    for r in (8, 10):
        s.ws.merge_cells(f"E{r}:F{r}")
        s.ws.merge_cells(f"G{r}:H{r}")
    s.put("A11", "年度总体目标")
    s.merge("B11:I11", "一是通过政府招标采购方式,采购马铃薯原原种425万粒,免费向全区农户、种植大户、合作社和企业发放,完成马铃薯原种繁育田"
            "850亩;二是企业自行采购马铃薯原原种200万粒,建成原种基地400亩,共计建成原种繁育基地1250亩,平均亩产马铃薯原种2500公斤",
            align=LEFT, fact="goals.planned")
    s.merge("A12:A24", "绩效指标")
    for col, h in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                                   "未完成原因及改进措施"]):
        s.put(f"{col}12", h)
    cols = dict(level1="B", level2="C", name="D", weight="E", target="F", actual="G", score="H", note="I")
    inds = [
        ("产出指标(40分)", "数量指标", "指标1:免费发放原原种", "8", "550万粒", "550万粒", "8", None),
        (None, None, "指标2:企业自行采购", "8", "200万粒", "200万粒", "8", None),
        (None, None, "指标3:一级种薯繁育基地", None, "8000亩", "8535.5亩", None, None),
        (None, "质量指标", "指标1:采购的原原种合格率", "8", "≥90%", "≥90%", "8", None),
        (None, "时效指标", "指标1:2021年11月30日前完成资金支付", "8", "11月底完成100%", "100%", "8", None),
        (None, "成本指标", "指标1:种薯采购价格不高于市场价", "8", "是", "是", "8", None),
        ("效益指标(40分)", "经济效益指标", "指标1:种薯亩均收入较鲜薯亩均收入", "8", "≥5%", "≥5%", "8", None),
        (None, "社会效益指标", "指标1:一级种薯推广面积占总面积比例", "8", "≥80%", "80%", "8", None),
        (None, None, "指标2:群众对脱毒种薯和主食化专用品种的认知度", "8", "≥50%", "≥50%", "8", None),
        (None, "生态效益指标", "指标1:病害减少,防治病虫害使用的化学农药量较上年减少", "8", "2%", "2%", "8", None),
        (None, "可持续影响指标", "持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接", "8", "是", "基本达到", "7",
         "加强技术指导,加大宣传力度;加大项目支持力度"),
        ("满意度指标(20分)", "服务对象满意度", "种薯繁育企业、种植农户调查满意度", "20", "≥90%", "95%", "20", None),
    ]
    indicator_rows(s, inds, 13, cols)
    s.grid("A3:I24")
    s.heights([11], 60)
    s.arithmetic = ("执行率 = 259.45/300 = 86.48% → printed 86.5% (one decimal); no fund score. 产出 8+8+8+8+8 = 40 (指标3 has no "
                    "分值/得分); 效益 8+8+8+8+7 = 39 of 40; 满意度 20; 项目总得分 = 40 + 39 + 20 = 99 → '99分'.")
    s.scoring = ("Ningxia 绩效目标自评表 (2022): 产出指标(40分)/效益指标(40分)/满意度指标(20分) = 100 over the indicators only; "
                 "budget execution shown but not scored; 分值 column before 年度指标值; total at the top ('项目总得分 99分').")
    return wb, [s]


# ================================================================================================
# 10. 全国 — 财预〔2020〕10号 附件1 项目支出绩效自评表 (the national template, filled with INVENTED numbers)
# ================================================================================================
NA_FILE = "全国_2021_project_selfeval_财预2020-10号附件1.xlsx"
NA_SRC = "财预〔2020〕10号 附件1 (财政部《项目支出绩效评价管理办法》, 2020-02-25); no ministry page in the stored corpus"


def wb_national():
    # Source: 财政部关于印发《项目支出绩效评价管理办法》的通知, 财预〔2020〕10号, 附件1 项目支出绩效自评表. No ministry
    # page with this 附件 is in the stored pages corpus; the wording below is the template's, as reproduced in
    # the filled forms found (池州 anthempetcare.com/upload_cz/download?id=502364, 天长/霍邱 2022): "项目资金（万元）",
    # "年初预算数/全年预算数/全年执行数/分值/执行率/得分", "其中：当年财政拨款/上年结转资金/其他资金", "—" in 分值/得分 of the
    # source rows, "指标1：/指标2：/……" rows, "偏差原因分析及改进措施", "总分 100". Full-width punctuation as in the
    # 财政部 original.
    # INVENTED: all names and numbers (a central-level 业务运行 project, 2021); 执行率 =G6/F6 and 总分 =SUM formulas.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 7, "B": 10, "C": 12, "D": 26, "E": 11, "F": 11, "G": 11, "H": 7, "I": 9, "J": 7, "K": 16})
    s.put("A1", "附件1", font=FONT_T2, align=LEFT)
    s.merge("A2:K2", "项目支出绩效自评表", font=FONT_T)
    s.merge("A3:K3", "（2021年度）", fact="year")
    s.merge("A4:C4", "项目名称")
    s.merge("D4:K4", "机关运行保障业务经费", align=LEFT, fact="name")
    s.merge("A5:C5", "主管部门")
    s.merge("D5:F5", "××部", fact="department")
    s.merge("G5:H5", "实施单位")
    s.merge("I5:K5", "××部机关服务局", fact="implementer")
    s.merge("A6:B10", "项目资金\n（万元）")
    s.merge("C6:D6", None)
    for col, h in zip("EFGHIJ", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        s.put(f"{col}6", h)
    s.merge("C7:D7", "年度资金总额", align=LEFT)
    s.put("E7", 120, AMT, other="年初预算数")
    s.put("F7", 150, AMT, fact="funds.budget")
    s.put("G7", 146.25, AMT, fact="funds.executed")
    s.put("H7", 10, fact="funds.weight")
    s.put("I7", "=G7/F7", PCT2, fact="funds.rate", calc=rate("146.25", "150"))
    s.put("J7", 9.75, N2, fact="funds.score")
    for k, lab in enumerate(["其中：当年财政拨款", "      上年结转资金", "      其他资金"]):
        r = 8 + k
        s.merge(f"C{r}:D{r}", lab, align=LEFT, fact=f"funds.sources.{k}.label")
        if k == 0:
            s.put(f"E{r}", 120, AMT)
            s.put(f"F{r}", 150, AMT, fact="funds.sources.0.budget")
            s.put(f"G{r}", 146.25, AMT, fact="funds.sources.0.executed")
            s.put(f"I{r}", f"=G{r}/F{r}", PCT2, fact="funds.sources.0.rate", calc=rate("146.25", "150"))
        s.put(f"H{r}", "—")
        s.put(f"J{r}", "—")
    s.merge("A11:B12", "年度总体\n目标")
    s.merge("C11:G11", "预期目标")
    s.merge("H11:K11", "实际完成情况")
    s.merge("C12:G12", "保障机关办公区会议、水电、维修等运行服务,全年会议保障不少于200场,报修工单及时处理,干部职工满意度不低于90%。",
            align=LEFT, fact="goals.planned")
    s.merge("H12:K12", "全年保障会议215场,处理报修工单1180件,设备完好率99%,干部职工满意度93%。", align=LEFT,
            fact="goals.achieved")
    s.merge("A13:A29", "绩\n效\n指\n标")
    for col, h in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                   "偏差原因分析及改进措施"]):
        s.put(f"{col}13", h)
    s.ws.merge_cells("I13:K13")
    # national column order: B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分, I:K 偏差原因
    cols = dict(level1="B", level2="C", name="D", target="E", actual="F", weight="G", score="H", note="I")
    rows = [
        ("产出指标", "数量指标", "指标1：会议保障场次", "≥200场", "215场", "10", "10", None),
        (None, None, "指标2：报修工单处理量", "≥1200件", "1180件", "10", "9.83", "冬季报修少于预期,据实完成"),
        (None, None, "……", None, None, None, None, None),
        (None, "质量指标", "指标1：设备完好率", "≥98%", "99%", "10", "10", None),
        (None, None, "……", None, None, None, None, None),
        (None, "时效指标", "指标1：报修响应时间", "≤2小时", "2小时", "10", "10", None),
        (None, None, "……", None, None, None, None, None),
        (None, "成本指标", "指标1：单场会议保障成本", "≤0.6万元", "0.58万元", "10", "10", None),
        (None, None, "……", None, None, None, None, None),
        ("效益指标", "经济效益指标", "指标1：", None, None, None, None, None),
        (None, "社会效益指标", "指标1：机关运转保障水平", "显著提升", "达成年度指标", "15", "14", "个别时段会议室紧张"),
        (None, "生态效益指标", "指标1：", None, None, None, None, None),
        (None, "可持续影响指标", "指标1：运维保障机制长效运行", "长期", "达成年度指标", "15", "15", None),
        (None, None, "……", None, None, None, None, None),
        ("满意度指标", "服务对象满意度指标", "指标1：干部职工满意度", "≥90%", "93%", "10", "10", None),
        (None, None, "……", None, None, None, None, None),
    ]
    k = 0
    real = []
    for i, row in enumerate(rows):
        r = 14 + i
        s.ws.merge_cells(f"I{r}:K{r}")
        if row[3] is None and row[5] is None:       # "……" and empty "指标1：" rows: not indicators
            s.put(f"D{r}", row[2], align=LEFT)
            continue
        indicator_rows(s, [(None, None) + row[2:]], r, cols, start_index=k, fmts={"score": "General"})
        real.append(i)
        k += 1
    for col, idx in (("B", 0), ("C", 1)):
        for a, b, label in runs([(14 + i, row[idx]) for i, row in enumerate(rows)]):
            s.put(f"{col}{a}", label)
            if b > a:
                s.ws.merge_cells(f"{col}{a}:{col}{b}")
            for n, i in enumerate(real):
                if a <= 14 + i <= b:
                    s.facts[f"indicators.{n}.level{idx + 1}"] = (f"{col}{a}", {})
    r = 14 + len(rows)                              # 30
    s.merge(f"A{r}:F{r}", "总分")
    s.put(f"G{r}", "=H7+SUM(G14:G29)", "General", other="总分 分值", calc=100)
    s.put(f"H{r}", "=J7+SUM(H14:H29)", N2, fact="total_score", calc=D("98.58"))
    s.merge(f"I{r}:K{r}", None)
    s.grid(f"A4:K{r}")
    s.heights([12], 45)
    s.arithmetic = ("执行率 = 146.25/150 = 97.50%; 资金得分 = 10 × min(0.975, 1) = 9.75; 指标2 得分 = 1180/1200 × 10 = 9.83 (正向, "
                    "below target); 产出 10+9.83+10+10+10 = 49.83; 效益 14+15 = 29; 满意度 10; 总分 = 9.75 + 49.83 + 29 + 10 = "
                    "98.58 (分值 10 + 50 + 30 + 10 = 100) → 优 by the national bands (no grade cell on the form).")
    s.scoring = ("财预〔2020〕10号: 执行率 10分 (得分 = 10 × 执行率, capped), 产出/效益/满意度 weights set by the unit "
                 "(usually 50/30/10); grades 优 ≥90, 良 80–90, 中 60–80, 差 <60 in the 办法's text, not on the form.")
    s.notes.append("Everything except the template wording is INVENTED.")
    return wb, [s]


# ================================================================================================
# the files, their variants, the manifest
# ================================================================================================
FORMS = [
    dict(file=ZJ_FILE, build=wb_zhongjiang, source=ZJ_SRC, region="四川", year=2022, kind="project_selfeval",
         title="中江县水利局 2022年财政衔接资金实施项目绩效自评表 (2022-12-30)",
         invented=["G6 and E23/H23 as formulas (values as printed)"],
         unusual="分值 column before 年度指标值; 全年实际值; 总分 = Σ indicators only (资金 10 outside); weights in labels "
                 "产出指标(70分)/效益指标(20分)/满意度指标(10分); vertical 绩效指标 block; empty 经济效益指标 row; '……' row"),
    dict(file=DY_FILE, build=wb_daying, source=DY_SRC, region="四川", year=2023, kind="project_selfeval",
         title="大英县司法局 部门预算项目支出绩效自评表(2023年度)",
         invented=["H14 完成值 100, I14 权重 90, J14 得分 90 (text cut)", "J15 合计 得分", "评价结论/存在问题/改进措施 texts"],
         unusual="Sichuan 一体化 export: 预算执行情况(10分)/绩效指标(90分) in labels; 年初预算/调整后预算数/预算执行数/预算执行率/权重/"
                 "得分/原因; 执行率 base is 调整后预算数 (年初 0.00); 指标性质 '=' and 度量单位 columns; 完成值; 合计 row shows the "
                 "weight total; sources 财政资金/财政专户管理资金/单位资金/其他资金 with '/' in 权重/得分"),
    dict(file=SC17_FILE, build=wb_sichuan2017, source=SC17_SRC, region="四川", year=2017, kind="score_table",
         title="2017年部门整体支出绩效评价得分表 and 项目支出 评分表 (wanglu.net copy; template as nyj.dazhou.gov.cn)",
         invented=["项目 总分 row values (=SUM)", "部门整体: every score after the first six; the three 部门特性指标 rows"],
         unusual="weights inside labels at every level ('(5分)', '(10)', '(特性指标70分)'); the 部门整体 sheet has no 分值 "
                 "column and no total row; six optional 可选项 rows share one merged 分值/得分"),
    dict(file=LJ_FILE, build=wb_lijiang, source=LJ_SRC, region="云南", year=2020, kind="project_selfeval",
         title="2020年云南省级自然资源卫片执法补助经费 (2021-06-28, mirror of 古城区自然资源局 2020年度项目支出绩效自评表)",
         invented=["I17 满意度 得分 9.00", "总分 row H18/I18"],
         unusual="two-row indicator header (绩效指标 over 一级/二级/三级; 年度指标值 over 指标性质/指标值/度量单位); '﹦' (U+FE66) as "
                 "指标性质; weights typed 10.00 and 20 in the same column; scores below weight although targets are met"),
    dict(file=NH_FILE, build=wb_nanhua, source=NH_SRC, region="云南", year=2022, kind="project_selfeval",
         title="南华县 项目支出绩效自评表 (野生菌加工车间建设项目(续建); page date not in the stored text)",
         invented=["title and year", "效益/满意度 rows and 总分 (rows 19-22)"],
         unusual="'绩 效 指 标' spaced vertical label, repeated for a second block; decimal weights 10.3/9.3/10.8; an 经济效益 "
                 "row under 产出指标; '—' in source rows; odd rows kept (550 vs 20; a row with no 实际完成值)"),
    dict(file=CQ_FILE, build=wb_chongqing, source=CQ_SRC, region="重庆", year=2021, kind="dept_selfeval",
         title="部门整体绩效自评表.docx (西部(重庆)科学城 融媒体中心 2021)",
         invented=["主管部门/财政处室 names", "the three amounts (rate 76% printed)", "last two indicators"],
         unusual="flat indicator list (no 一级/二级): 指标名称/计量单位/指标性质/年初指标值/调整指标值/全年完成值/得分系数(%)/"
                 "指标权重(分)/指标得分(分)/是否核心指标; 执行率权重/执行率得分(分) = 10 × 执行率; 自评总分 at the top right"),
    dict(file=HS_FILE, build=wb_huangshi, source=HS_SRC, region="湖北", year=2022, kind="project_selfeval",
         title="2022年度黄石市系统化全域海绵城市示范城市的申报工作经费项目自评表 (2023-07-21)",
         invented=["end of the 原因分析 sentence"],
         unusual="预算执行情况(万元)(20分) with 得分(20分*执行率); 预算数(A)/执行数(B); 年度绩效目标1(80分) vertical label; "
                 "年初目标值(A)/实际完成值(B); no per-indicator 分值; ☑/□ checkboxes; 总分 '99.55分' as text"),
    dict(file=LL_FILE, build=wb_lingling, source=LL_SRC, region="湖南", year=2021, kind="dept_selfeval",
         title="2021年林业局部门整体支出绩效自评表 (零陵区林业局, 2022-04-07)",
         invented=["生态/可持续/满意度 rows", "总分 row", "'一级' of 一级预算单位名称"],
         unusual="amounts as text with 万元; 按收入性质分/按支出性质分 with amounts inside labels; '产出指标\\n(50)' without 分; "
                 "'……' rows; leading spaces; REAL SLIP 执行率 100% for 80.45%"),
    dict(file=YZ_FILE, build=wb_yuanzhou, source=YZ_SRC, region="宁夏", year=2022, kind="project_selfeval",
         title="马铃薯种薯繁育示范推广项目绩效目标自评表(2022年度) (原州区农技中心)",
         invented=["年度资金总额 row amounts (copied from 自治区补助)", "满意度 row"],
         unusual="'项目总得分 99分' at the top; 40/40/20 with no fund score; 执行率 86.5% at one decimal; 其中 中央补助/自治区补助/"
                 "市县资金; an indicator with no 分值/得分; 自治区/市县 主管部门 and 财政部门 rows"),
    dict(file=NA_FILE, build=wb_national, source=NA_SRC, region="全国", year=2021, kind="project_selfeval",
         title="财预〔2020〕10号 附件1 项目支出绩效自评表",
         invented=["all names and numbers"],
         unusual="the national template itself: '附件1', '（2021年度）', vertical '绩\\n效\\n指\\n标', '指标1：' and '……' rows, "
                 "empty 经济/生态 rows, '—' in source rows, 执行率/总分 formulas"),
]


def finding(rule, sheet, cell, expected, found, what):
    return dict(rule=rule, severity="error", sheet=sheet, cell=cell, expected=expected, found=found, what=what)


# Real slips in the clean files (as published)
LL_RATE = (D("3824.26") / D("4753.66"))
REAL = {
    LL_FILE: [
        finding("project.execution_rate", "部门整体支出绩效自评表", "G5", str(q2(LL_RATE * 100)) + "%", "100%",
                "执行率 printed 100% but 3824.26/4753.66 = 80.45% (REAL slip in the published form)"),
        finding("project.fund_score", "部门整体支出绩效自评表", "H5", str(q2(10 * min(LL_RATE, D(1)))), "10",
                "资金得分 10 but 10 × min(80.45%, 1) = 8.04 (REAL slip in the published form)"),
    ],
}

# One injected mistake per clean file. recalc: facts whose displayed value changes through formulas.
VARIANTS = [
    dict(base=ZJ_FILE, sheet="绩效目标自评表", cell="H23", new=98, what="总分 得分 98 typed over =SUM (Σ = 100)",
         findings=[finding("project.total_score", "绩效目标自评表", "H23", "100", "98",
                           "总分 98 ≠ Σ指标得分 10+10+20+10+10+10+10+10+10 = 100")]),
    dict(base=DY_FILE, sheet="部门预算项目支出绩效自评表", cell="J8", new=9, what="预算执行 得分 9 (rate 100.00%)",
         recalc={"J15": D(99)},
         findings=[finding("project.fund_score", "部门预算项目支出绩效自评表", "J8", "10", "9",
                           "预算执行 得分 9 ≠ 权重 10 × min(3.36/3.36, 1) = 10")]),
    dict(base=SC17_FILE, sheet="部门整体支出绩效评价得分表", cell="D6", new=7, what="测算依据(5分) scored 7",
         findings=[finding("score_table.item_range", "部门整体支出绩效评价得分表", "D6", "≤5", "7",
                           "测算依据(5分) 得分 7 > its label weight 5"),
                   finding("score_table.group_score_range", "部门整体支出绩效评价得分表", "B6", "≤10", "11",
                           "预算编制(10分): 7 + 4 = 11 > its label weight 10")]),
    dict(base=LJ_FILE, sheet="项目支出绩效自评表", cell="I16", new=29, what="违法行为责停率 得分 27.00 → 29.00",
         findings=[finding("project.total_score", "项目支出绩效自评表", "I18", "95", "93",
                           "总分 93 ≠ 10.00 + 9.00 + 19 + 19.00 + 29.00 + 9.00 = 95")]),
    dict(base=NH_FILE, sheet="项目支出绩效自评表", cell="H17", new=13.3, what="任务完成时限 得分 13.3 > 分值 10.3",
         findings=[finding("project.indicator_score_range", "项目支出绩效自评表", "H17", "≤10.3", "13.3",
                           "任务完成时限(月) 得分 13.3 > 分值 10.3"),
                   finding("project.total_score", "项目支出绩效自评表", "H22", "103", "100",
                           "总分 100 ≠ 10 + (10.3+9.3+9.3+10.8+13.3) + (15+15) + 10 = 103")]),
    dict(base=CQ_FILE, sheet="部门整体绩效自评表", cell="K2", new=96.7, what="自评总分 96.7 (digits swapped)",
         findings=[finding("project.total_score", "部门整体绩效自评表", "K2", "97.6", "96.7",
                           "自评总分 96.7 ≠ 执行率得分 7.6 + Σ指标得分 90 = 97.6")]),
    dict(base=HS_FILE, sheet="项目自评表", cell="B18", new="98.55分", what="总分 '98.55分'",
         findings=[finding("project.total_score", "项目自评表", "B18", "99.55", "98.55",
                           "总分 98.55 ≠ 19.55 + 8 × 10 = 99.55")]),
    dict(base=LL_FILE, sheet="部门整体支出绩效自评表", cell="G30", new=99, what="总分 得分 99",
         findings=REAL[LL_FILE] + [finding("project.total_score", "部门整体支出绩效自评表", "G30", "98", "99",
                                           "总分 99 ≠ 10 + 50 + 28 + 10 = 98 (with the submitted 资金 得分 10)")]),
    dict(base=YZ_FILE, sheet="绩效目标自评表", cell="I2", new="97分", what="项目总得分 '97分'",
         findings=[finding("project.total_score", "绩效目标自评表", "I2", "99", "97",
                           "项目总得分 97 ≠ Σ得分 40 + 39 + 20 = 99")]),
    dict(base=NA_FILE, sheet="项目支出绩效自评表", cell="J7", new=10, what="资金得分 10 at 执行率 97.50%",
         recalc={"H30": D("98.83")},
         findings=[finding("project.fund_score", "项目支出绩效自评表", "J7", "9.75", "10.00",
                           "资金得分 10.00 ≠ 10 × min(146.25/150, 1) = 9.75")]),
]


def self_checks():
    """The arithmetic the manifest states, recomputed from the numbers (guards the builders)."""
    assert q2(20 * D("195.5") / 200) == D("19.55")
    assert q2(10 * D("0.76")) == D("7.6") and D("7.6") + 90 == D("97.6")
    assert sum(D(x) for x in ["10.3", "9.3", "9.3", "10.8", "10.3"]) == 50
    assert q2(D("1180") / 1200 * 10) == D("9.83")
    assert q2(10 * D("146.25") / 150) == D("9.75")
    assert D("9.75") + D("49.83") + 29 + 10 == D("98.58")
    assert D("1873.66") + 2880 == D("4753.66") == D("1768.16") + D("2985.5")
    assert q2(LL_RATE * 100) == D("80.45") and q2(10 * LL_RATE) == D("8.04")
    assert (D("259.45") / 300 * 100).quantize(D("0.1"), rounding=ROUND_HALF_UP) == D("86.5")
    assert 10 + 9 + 19 + 19 + 27 + 9 == 93


def number_in(text):
    m = re.search(r"-?\d+(?:\.\d+)?", text or "")
    return D(m.group(0)) if m else None


# whether a form's printed total includes the fund score (中江: Σ indicators only; 宁夏: no fund score)
TOTAL_HAS_FUND = {ZJ_FILE: False, YZ_FILE: False}


def check_totals(entry):
    """From the manifest facts alone: Σ indicator scores (+ fund score) = the printed total, and no score
    above its weight. Guards the builders against typing slips; the forms' own arithmetic, recomputed."""
    for sh in entry["sheets"]:
        f = sh["facts"]
        if "total_score" not in f:
            continue
        key = "items" if sh["kind"] == "score_table" else "indicators"
        scores = {k.split(".")[1]: number_in(v["value"]) for k, v in f.items()
                  if k.startswith(key + ".") and k.endswith(".score")}
        for i, sc in scores.items():
            w = f.get(f"{key}.{i}.weight")
            w = D(w["from_label"]) if w and "from_label" in w else number_in(w["value"]) if w else None
            assert sc is None or w is None or sc <= w, (entry["file"], i, sc, w)
        total = sum(s for s in scores.values() if s is not None)
        if key == "indicators" and TOTAL_HAS_FUND.get(entry["file"], True):
            total += number_in(f["funds.score"]["value"])
        assert total == number_in(f["total_score"]["value"]), (entry["file"], sh["name"], total, f["total_score"])


# ------------------------------------------------------------------------------------------------
def page_setup(wb):
    for ws in wb.worksheets:
        width = sum((ws.column_dimensions[get_column_letter(i)].width or 8.43) for i in range(1, ws.max_column + 1))
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if width > 110 else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True


DATE_RE = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?")


def normalize_zip(src, dst):
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
    wb.properties.creator = "jixiao regional samples"
    wb.properties.lastModifiedBy = None
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    tmp = path + ".tmp"
    wb.save(tmp)
    normalize_zip(tmp, path)
    os.remove(tmp)


def lo_profile():
    user = os.path.join(PROFILE, "user")
    os.makedirs(user, exist_ok=True)
    with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                 'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                 '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                 '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                 '</oor:items>\n')


def libreoffice_resave(paths, out_dir):
    lo_profile()
    tmp = tempfile.mkdtemp(prefix="lo-regional-b-")
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
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None}


def main():
    self_checks()
    for d in (OUT_OPX, OUT_LO):
        os.makedirs(d, exist_ok=True)
        for n in os.listdir(d):
            if n.endswith(".xlsx"):
                os.remove(os.path.join(d, n))
    manifest = []
    by_file = {}
    for e in FORMS:
        wb, sheets = e["build"]()
        save(wb, os.path.join(OUT_OPX, e["file"]))
        entry = dict(file=e["file"], source=e["source"], title=e["title"], region=e["region"], year=e["year"],
                     kind=e["kind"], unusual=e["unusual"], invented=e["invented"],
                     sheets=[s.manifest() for s in sheets], expected_findings=REAL.get(e["file"], []))
        check_totals(entry)
        manifest.append(entry)
        by_file[e["file"]] = e
    assert sorted(v["base"] for v in VARIANTS) == sorted(by_file), "one variant per clean file"
    for v in VARIANTS:
        e = by_file[v["base"]]
        wb, sheets = e["build"]()
        ws = wb[v["sheet"]]
        sheet = next(s for s in sheets if s.ws.title == v["sheet"])
        old = ws[v["cell"]].value
        old_shown = sheet.shown(v["cell"])
        before = values_of(wb)
        ws[v["cell"]].value = v["new"]
        changed = [k for k in set(before) | set(values_of(wb)) if before.get(k) != values_of(wb).get(k)]
        assert changed == [(v["sheet"], v["cell"])], changed
        for s in sheets:
            if s.ws.title == v["sheet"]:
                s.calc.pop(v["cell"], None)
                s.calc.update(v.get("recalc", {}))
        name = "err_" + v["base"]
        save(wb, os.path.join(OUT_OPX, name))
        src = next(m for m in manifest if m["file"] == v["base"])
        manifest.append(dict(file=name, source=src["source"], region=src["region"], year=src["year"], kind=src["kind"],
                             sheets=[s.manifest() for s in sheets], variant_of=v["base"],
                             change=dict(sheet=v["sheet"], cell=v["cell"], old=old_shown, new=sheet.shown(v["cell"]),
                                         **({"old_formula": old} if isinstance(old, str) and old.startswith("=") else {})),
                             what=v["what"], expected_findings=v["findings"]))
    files = sorted(n for n in os.listdir(OUT_OPX) if n.endswith(".xlsx"))
    libreoffice_resave([os.path.join(OUT_OPX, n) for n in files], OUT_LO)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    print(f"{len(files)} workbooks in {OUT_OPX} and {OUT_LO}")


def verify():
    """Every fact's value in manifest.json against what LibreOffice displays (CSV export of the LO files)."""
    import csv
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    lo_profile()
    tmp = tempfile.mkdtemp(prefix="lo-regional-b-csv-")
    bad = checked = 0
    try:
        paths = [os.path.join(OUT_LO, m["file"]) for m in manifest]
        subprocess.run(["soffice", "-env:UserInstallation=file://" + PROFILE, "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                        "--outdir", tmp] + paths, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=900)
        for m in manifest:
            base = m["file"][:-5]
            for sh in m["sheets"]:
                path = os.path.join(tmp, f"{base}-{sh['name']}.csv")
                if not os.path.exists(path) and len(m["sheets"]) == 1:
                    path = os.path.join(tmp, f"{base}.csv")
                with open(path, encoding="utf-8") as fh:
                    grid = list(csv.reader(fh))
                for kind in ("facts", "other_facts"):
                    for k, f in sh.get(kind, {}).items():
                        col, row = range_boundaries(f["cell"])[:2]
                        got = grid[row - 1][col - 1] if row - 1 < len(grid) and col - 1 < len(grid[row - 1]) else ""
                        checked += 1
                        if got != f["value"]:
                            bad += 1
                            print(f"MISMATCH {m['file']} {sh['name']} {k} {f['cell']}: manifest {f['value']!r} "
                                  f"LibreOffice {got!r}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"verify: {checked} facts compared with LibreOffice's display:", "OK" if not bad else f"{bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    if "--verify" in sys.argv:
        sys.exit(verify())
    main()
