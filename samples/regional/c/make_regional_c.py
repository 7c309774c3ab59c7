#!/usr/bin/python3
"""Sample workbooks rebuilt from real self-evaluation forms that sets a and b did not use (issue 11, set c).

Run from the repository root:   /usr/bin/python3 samples/regional/c/make_regional_c.py
Check against LibreOffice:      /usr/bin/python3 samples/regional/c/make_regional_c.py --verify

Same format as samples/regional/b (whose cell/fact helpers, zip normaliser and LibreOffice re-save this script
imports rather than copies): openpyxl/ originals, libreoffice/ re-saves with cached formula values,
manifest.json with each form's facts (cell + displayed value), its own arithmetic, and for each err_* twin the one
changed cell and the findings it must cause. Every form function starts with its source address and lists what
was INVENTED (the stored page copies are flattened text, some OCR'd, often cut off).

The brief asked for provinces not in sets a and b (广东, 江苏, 福建, 河南, 陕西, 甘肃, 新疆, 贵州, 广西, 江西, 吉林, 辽宁,
黑龙江, 内蒙古, 天津, 海南, 青海). 53 look-ups of the search tool's pages corpus found no filled form from any of
them (README.md lists the queries' outcome); the forms below are the new real forms the corpus did hold — other
counties and other layouts of 宁夏, 湖北 and 四川.

Expectations are computed here with decimal.Decimal from the forms' own numbers, never taken from jixiao.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal as D

import openpyxl
from openpyxl.utils import range_boundaries

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "b"))
import make_regional_b as base  # noqa: E402  (the shared helpers of the regional sets)
from make_regional_b import (  # noqa: E402
    FONT_T, FONT_T2, LEFT, N2, PCT0, PCT2, Sheet, finding, indicator_rows, num, rate, runs,
    save, values_of)

OUT_OPX = os.path.join(HERE, "openpyxl")
OUT_LO = os.path.join(HERE, "libreoffice")
base.PROFILE = "/tmp/lo-regional-c-profile"


# ================================================================================================
# 1. 宁夏 银川 2021 — 银川市本级部门项目支出绩效自评表 (决策/管理/产出/效益 rows inside the indicator table)
# ================================================================================================
YC_FILE = "宁夏_2021_project_selfeval_银川六中公用经费.xlsx"
YC_SRC = "https://m.yzwku.com/doc/476505.html"


def wb_yinchuan():
    # Source: https://m.yzwku.com/doc/476505.html — 《银川市本级部门项目支出绩效自评表.docx》 (优知文库 copy, OCR'd text):
    # 银川市第六中学 "初中公用经费" 2021, 主管部门 银川市教育局, 自评得分 98, 财政审核评分 (blank). Grid: project name /
    # 主管部门 / 实施单位 rows with 自评得分 and 财政审核评分 at the right; 年初预算数 / 调整预算数(A) / 全年执行数(B) /
    # 执行率(B/A) with NO 分值/得分 for the funds (预算执行率 is scored as an indicator under 项目管理); indicator header
    # 一级/二级/三级/参考分值/指标值(A)/全年实际值(B)/得分/未完成原因分析及改进措施 (the OCR reads the vertical
    # header "参考分值" as "考值参分"); level-1 项目决策(10分) 项目管理(25分) 项目产出(30分) 项目效益(35分), level-2 weights
    # in labels 数量指标(10分) ...; "指标2:" placeholder rows kept. OCR fixed: 预匏→预算, 测第→测算, 行个→有个, IO→10, M.8→14.8.
    # INVENTED: the text stops at "服务对象满意度指标(10分) 学生和老": its 三级 name 学生和老师满意度, ≥95% / 98% and 得分 10;
    # the 年度总体目标完成情况 text (OCR garbage "公,4"). The printed 自评得分 98 does not equal the row scores
    # 10 + 24 + 29 + 13 + 8 + 10 = 94 (with the invented 满意度 10; even a full 10 cannot reach 98): kept as printed
    # and listed under source_discrepancies (an OCR slip in 13/8 or a real slip — the copy does not tell).
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 11, "B": 12, "C": 22, "D": 7, "E": 16, "F": 16, "G": 7, "H": 16})
    s.merge("A1:H1", "银川市本级部门项目支出绩效自评表", font=FONT_T)
    s.merge("A2:H2", "(2021年)", fact="year")
    s.put("A3", "项目名称")
    s.merge("B3:E3", "初中公用经费", align=LEFT, fact="name")
    s.put("F3", "自评得分")
    s.merge("G3:H3", 98, "General", fact="total_score")
    s.put("A4", "主管部门")
    s.merge("B4:E4", "银川市教育局", align=LEFT, fact="department")
    s.put("F4", "财政审核评分")
    s.merge("G4:H4", None, other="财政审核评分")
    s.put("A5", "实施单位")
    s.merge("B5:H5", "银川市第六中学", align=LEFT, fact="implementer")
    s.merge("A6:A7", "项目资金\n(万元)")
    for col, h in zip("CDE", ["年初预算数", "调整预算数(A)", "全年执行数(B)"]):
        s.put(f"{col}6", h)
    s.merge("F6:H6", "执行率(B/A)")
    s.put("B7", "年度资金总额", align=LEFT)
    s.put("C7", 64.8, "General", other="年初预算数")
    s.put("D7", 64.8, "General", fact="funds.budget")
    s.put("E7", 64.8, "General", fact="funds.executed")
    s.merge("F7:H7", "=E7/D7", PCT0, fact="funds.rate", calc=rate("64.8", "64.8"))
    s.merge("A8:A9", "年度\n总体\n目标")
    s.merge("B8:D8", "年初设定目标")
    s.merge("E8:H8", "年度总体目标完成情况综述")
    s.merge("B9:D9", "保障学校正常工作运行", align=LEFT, fact="goals.planned")
    s.merge("E9:H9", "已完成", align=LEFT, fact="goals.achieved")
    for col, h in zip("ABCDEFGH", ["一级指标", "二级指标", "三级指标", "参考\n分值", "指标值(A)", "全年实际值(B)", "得分",
                                   "未完成原因分析及改进措施"]):
        s.put(f"{col}10", h)
    # (level1, level2, name, weight, target, actual, score); name None = a "指标N:" placeholder row, not an indicator
    rows = [
        ("项目决策\n(10分)", "项目目标", "完整性", "4", "—", "目标明确、内容细化、目标量化", "4"),
        (None, "项目立项", "相关性", "2", "—", "按照学校管理标准对学校进行管理", "2"),
        (None, None, "可行性", "2", None, "实际工作需求", "2"),
        (None, None, "适当性", "2", None, "有资金测算标准", "2"),
        ("项目管理\n(25分)", "投入管理", "预算执行率", "10", "—", "100%", "9"),
        (None, "财务管理", "财务管理制度有效性", "7", "—", "财务制度健全,严格执行制度,会计核算规范", "7"),
        (None, "项目实施", "绩效监控有效性", "2", "—", "持续有效", "2"),
        (None, None, "管理制度有效性", "6", "—", "严格执行相关管理制度", "6"),
        ("项目产出\n(30分)", "数量指标\n(10分)", "保障人数", "10", "2370人", "2370人", "10"),
        (None, None, "指标2:", None, None, None, None),
        (None, "质量指标\n(5分)", "公用经费标准", "5", "符合相关文件要求", "符合相关文件要求", "5"),
        (None, None, "指标2:", None, None, None, None),
        (None, "时效指标\n(5分)", "公用经费完成时间", "5", "2021年12月完成", "2021年12月完成", "4"),
        (None, None, "指标2:", None, None, None, None),
        (None, "成本指标\n(10分)", "办公所需成本", "4", "15万元", "15万元", "4"),
        (None, None, "维修(维护)所需成本", "3", "35万元", "35万元", "3"),
        (None, None, "绿化、水电费等成本", "3", "14.8万元", "14.8万元", "3"),
        ("项目效益\n(35分)", "经济效益指标", "指标1:", None, None, None, None),
        (None, None, "指标2:", None, None, None, None),
        (None, "社会效益指标", "效果显著", "15", "改善学校的办学条件", "改善学校的办学条件", "13"),
        (None, "生态效益指标", "指标1:", None, None, None, None),
        (None, None, "指标2:", None, None, None, None),
        (None, "可持续影响指标", "使学生和老师有个更好的学习和工作环境,做到", "10", "社会认可的办学环境", "社会认可的办学环境", "8"),
        (None, None, "指标2:", None, None, None, None),
        (None, "服务对象满意度指标\n(10分)", "学生和老师满意度", "10", "≥95%", "98%", "10"),
    ]
    first = 11
    cols = dict(level1="A", level2="B", name="C", weight="D", target="E", actual="F", score="G")
    real = []
    for i, row in enumerate(rows):
        r = first + i
        if row[3] is None:                      # placeholder "指标N:" rows: kept, not indicators
            s.put(f"C{r}", row[2], align=LEFT)
            continue
        indicator_rows(s, [(None, None) + row[2:]], r, cols, start_index=len(real), fmts={"score": "General"})
        real.append(i)
    for col, idx in (("A", 0), ("B", 1)):
        for a, b, label in runs([(first + i, row[idx]) for i, row in enumerate(rows)]):
            s.put(f"{col}{a}", label)
            if b > a:
                s.ws.merge_cells(f"{col}{a}:{col}{b}")
            for n, i in enumerate(real):
                if a <= first + i <= b:
                    s.facts[f"indicators.{n}.level{idx + 1}"] = (f"{col}{a}", {})
    last = first + len(rows) - 1
    s.grid(f"A3:H{last}")
    s.heights([10], 30)
    s.arithmetic = ("执行率 = 64.8/64.8 = 100%; 成本 15 + 35 + 14.8 = 64.8 = the budget; 项目决策 4+2+2+2 = 10 of (10分); 项目管理 "
                    "9+7+2+6 = 24 of (25分); 项目产出 10+5+4+4+3+3 = 29 of (30分); 项目效益 13+8+10 = 31 of (35分); Σ = 94, but the "
                    "form prints 自评得分 98 (see source_discrepancies).")
    s.scoring = ("No fund score: 预算执行率 is an indicator under 项目管理 (10 分, scored 9 at 100%); weights in a 参考分值 column and "
                 "in labels (项目决策(10分), 数量指标(10分)); 自评得分 and an empty 财政审核评分 at the top right; no grade cell.")
    s.discrepancies = [dict(cell="G3", expected="94", found="98",
                            what="自评得分 98 ≠ Σ得分 10 + 24 + 29 + 31 = 94 as the stored (OCR'd) copy reads; may be an OCR slip "
                                 "in 13/8 or a real slip — a reader may report it, must not be required to")]
    return wb, [s]


# ================================================================================================
# 2. 湖北 广水 2019 — 财政预算支出项目绩效目标自评表 (自评分 and 复核分 columns; weights at level 2 only)
# ================================================================================================
GS_FILE = "湖北_2019_project_selfeval_广水局域网维护.xlsx"
GS_SRC = "https://pdf.chddh.cn/archives/48n5zg2zkkb6327q6rjv.html"
GS_RULE = ("1、提供三级指标完成程度的佐证资料;2、三级指标分按三级指标个数平均确定(15分÷三级指标个数),四舍五入保留整数")


def wb_guangshui():
    # Source: https://pdf.chddh.cn/archives/48n5zg2zkkb6327q6rjv.html — "2019年度市纪委办公局域网维护项目绩效自评表.pdf":
    # 广水市财政预算支出项目绩效目标自评表, 填报日期 2020年2月18日, 自评总分 69, 单位领导审签; 项目名称 办公局域网维护费,
    # 实施单位 广水市城投公司, 主管单位 广水市纪委监委, 负责人 彭炜, 项目属性 常年性 √; funds by source 中央 / 省、地 / 本级 /
    # 其他 / 合计 / 执行数 with 5.5 本级 and 执行率 100%; a first block 项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据
    # (项目决策 2 分: 决策依据 2/2; 项目管理 13 分: 财务制度 3/3, 组织机构 2/2, 运行监管 4/3, 目标申报 4/4); a second block
    # 一级 | 二级 | 指标名称(三级指标) | 年初指标值 | 年终完成值 | 自评分 | 复核分 with 项目绩效 85 分, 产出指标 40 分, 数量指标 15 分
    # (采购设备 10台套 / 10台套, 15), 质量指标 12 分 (改善运行状况: 便于信息化应用 / 便捷、快速运用), 时效指标 6 分, 成本指标 7 分.
    # INVENTED (the text stops inside the 数量 rule): 质量 得分 10; the 时效/成本 rows' names, values and scores (6, 7);
    # the 效益指标 35 分 and 满意度指标 10 分 rows (scores 12 and 5, chosen so that the printed 自评总分 69 = 2 + 12 + 55 holds);
    # 复核分 left blank everywhere (as a unit's own submission).
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "项目绩效目标自评表", "project_selfeval")
    s.widths({"A": 10, "B": 10, "C": 11, "D": 18, "E": 12, "F": 12, "G": 7, "H": 7, "I": 36})
    s.merge("A1:I1", "广水市财政预算支出项目绩效目标自评表", font=FONT_T2)
    s.merge("A2:D2", "填报日期:2020年2月18日", align=LEFT)      # the form names no budget year (2019 is in the file name)
    s.put("E2", "自评总分:", align=LEFT)
    s.put("F2", 69, "General", fact="total_score")
    s.merge("G2:I2", "单位领导审签:", align=LEFT)
    s.put("A3", "项目名称")
    s.merge("B3:D3", "办公局域网维护费", align=LEFT, fact="name")
    s.merge("E3:F3", "项目实施单位")
    s.merge("G3:I3", "广水市城投公司", align=LEFT, fact="implementer")
    s.put("A4", "项目主管单位")
    s.merge("B4:D4", "广水市纪委监委", align=LEFT, fact="department")
    s.merge("E4:F4", "项目负责人")
    s.merge("G4:I4", "彭炜", align=LEFT, other="项目负责人")
    s.put("A5", "项目属性")
    s.merge("B5:I5", "1、常年性 √   2、延续性□   3、一次性□   4、新增性□", align=LEFT)
    s.merge("A6:A7", "项目资金\n(万元)")
    for col, h in zip("BCDEFGH", ["来源", "中央(万元)", "省、地(万元)", "本级(万元)", "其他(万元)", "合计(万元)", "执行数(万元)"]):
        s.put(f"{col}6", h)
    s.put("I6", "执行率")
    s.put("B7", "金额")
    s.put("E7", 5.5, "General", other="本级")
    s.put("G7", "=SUM(C7:F7)", "General", fact="funds.budget", calc=D("5.5"))
    s.put("H7", 5.5, "General", fact="funds.executed")
    s.put("I7", "=H7/G7", PCT0, fact="funds.rate", calc=rate("5.5", "5.5"))
    s.put("A8", "项目年度目标")
    s.merge("B8:I8", "1.对机关局域网络改造升级,提高信息化办公速度。", align=LEFT, fact="goals.planned")
    for col, h in zip("ABCDEFGH", ["项目权重", "评价内容", None, None, "分值", "自评分", "复核分", None]):
        if h:
            s.put(f"{col}9", h)
    s.merge("B9:D9", "评价内容")
    s.merge("H9:I9", "评价标准及依据")
    block1 = [
        ("项目决策\n2分", "决策依据", "2", "2", "有项目年度工作计划或有上级文件或审批报告计2分,没有不得分。"),
        ("项目管理\n13分", "财务制度", "3", "3", "1、单位财务管理制度1分;2、项目管理制度1分;3、有制度执行佐证资料1分。没有不得分。"),
        (None, "组织机构", "2", "2", "有明确的绩效管理机构或专人负责2分。没有不得分"),
        (None, "运行监管", "4", "3", "1、运行监管记录3分;2、填报《项目支出绩效监控表》1分。没有不得分。"),
        (None, "目标申报", "4", "4", "1、项目绩效目标全申报的1分,缺一项扣0.5分,扣完为止;2、绩效目标规范1分,不规范扣0.5分;"
                                   "3、按时申报绩效目标计2分,逾期扣1分。"),
    ]
    k = 0
    for i, (l1, name, w, sc, rule) in enumerate(block1):
        r = 10 + i
        s.merge(f"B{r}:D{r}", name, align=LEFT, fact=f"indicators.{k}.name")
        s.put(f"E{r}", num(w), fact=f"indicators.{k}.weight")
        s.put(f"F{r}", num(sc), fact=f"indicators.{k}.score")
        s.merge(f"H{r}:I{r}", rule, align=LEFT, other=f"评价标准 {name}")
        s.facts[f"indicators.{k}.level1"] = ("A10" if i == 0 else "A11", {})
        k += 1
    s.put("A10", block1[0][0])
    s.merge("A11:A14", block1[1][0])
    s.merge("A15:I15", "项目年度目标1:对机关局域网络改造升级,提高信息化办公速度。", align=LEFT)
    for col, h in zip("ABCDEFGHI", ["一级指标", "二级指标", None, "指标名称\n(三级指标)", "年初指标值", "年终完成值", "自评分",
                                    "复核分", "评价标准及依据"]):
        if h:
            s.put(f"{col}16", h)
    s.merge("B16:C16", "二级指标")
    # (sub-group label holding the weight, name, target, actual, score, weight); weights only in the labels
    block2 = [
        ("产出\n指标\n40分", "数量指\n标15分", "采购设备", "10台套", "10台套", "15", "15"),
        (None, "质量指\n标12分", "改善运行状况", "便于信息化应用", "便捷、快速运用", "10", "12"),
        (None, "时效指\n标6分", "维护完成及时性", "2019年12月前", "2019年11月", "6", "6"),
        (None, "成本指\n标7分", "维护费用", "≤5.5万元", "5.5万元", "7", "7"),
        ("效益\n指标\n35分", "社会效益\n指标35分", "提高信息化办公速度", "明显提高", "有所提高", "12", "35"),
        ("满意度\n指标\n10分", "服务对象\n满意度10分", "干部职工满意度", "≥90%", "80%", "5", "10"),
    ]
    grp_cell = None
    for i, (grp, sub, name, tgt, act, sc, w) in enumerate(block2):
        r = 17 + i
        if grp:
            s.put(f"B{r}", grp)
            grp_cell = f"B{r}"
        s.facts[f"indicators.{k}.level1"] = (grp_cell, {})
        s.put(f"C{r}", sub, fact=f"indicators.{k}.level2")
        s.facts[f"indicators.{k}.weight"] = (f"C{r}", {"from_label": w})
        s.put(f"D{r}", name, align=LEFT, fact=f"indicators.{k}.name")
        s.put(f"E{r}", tgt, fact=f"indicators.{k}.target")
        s.put(f"F{r}", act, fact=f"indicators.{k}.actual")
        s.put(f"G{r}", num(sc), fact=f"indicators.{k}.score")
        k += 1
    s.merge("A17:A22", "项目\n绩效\n85分")
    s.ws.merge_cells("B17:B20")
    s.merge("I17:I22", GS_RULE, align=LEFT, other="评价标准 项目绩效")
    s.grid("A3:I22")
    s.arithmetic = ("合计 = 本级 5.5 (=SUM); 执行率 5.5/5.5 = 100%; 项目决策 2 (of 2); 项目管理 3+2+3+4 = 12 (of 13); 项目绩效 "
                    "15+10+6+7+12+5 = 55 (of 85; weights 15/12/6/7/35/10 in the labels); 自评总分 = 2 + 12 + 55 = 69.")
    s.scoring = ("Two scored blocks: 评价内容/分值/自评分/复核分 (决策, 管理) then 年初指标值/年终完成值/自评分/复核分 (绩效); no 分值 column "
                 "in the second block: the weight of each level-2 group is inside its label (数量指标15分) and a level-3 row gets "
                 "'15分÷三级指标个数'; 复核分 left for the finance bureau; 自评总分 at the top; no fund score.")
    s.discrepancies = []
    return wb, [s]


# ================================================================================================
# 3./4. 四川 一体化 exports left unscored — 青神县 (real throughout) and a 大邑/德阳 form (tail real, 22.5 weights)
# ================================================================================================
QS_FILE = "四川_2023_project_selfeval_青神工资性支出.xlsx"
QS_SRC = "https://www.scqs.gov.cn/info/13206/211004.htm"
DY_FILE = "四川_2023_project_selfeval_社保缴纳22.5权重.xlsx"
DY_SRC = "https://dyrmt.com/article-132779-22.html"
SC_NOTE = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),"
           "应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")


def sichuan_export(title, name, dept, impl, planned, achieved, content, amounts, indicators, conclusion, problem,
                   measure):
    """The Sichuan 预算管理一体化 部门预算项目支出绩效自评表 (报表编号 510000_0013zp) as exported, 得分 cells left as the
    unit left them. amounts: [(label, 年初, 调整后, 执行)] total first. indicators: (l1, l2, l3, nature, value, unit,
    done, weight, score)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    s = Sheet(wb, "部门预算项目支出绩效自评表", "project_selfeval")
    s.widths({"A": 10, "B": 14, "C": 9, "D": 11, "E": 24, "F": 8, "G": 8, "H": 10, "I": 7, "J": 7, "K": 30})
    s.merge("A1:K1", "报表编号:510000_0013zp", align=LEFT)
    s.merge("A2:K2", title, font=FONT_T2, fact="year")
    s.put("A3", "项目名称")
    s.merge("B3:K3", name, align=LEFT, fact="name")
    s.put("A4", "主管部门")
    s.merge("B4:F4", dept, align=LEFT, fact="department")
    s.merge("G4:H4", "实施单位 (盖章)")
    s.merge("I4:K4", impl, align=LEFT, fact="implementer")
    s.merge("A5:A7", "项目基本情况")
    s.merge("B5:B6", "1.项目年度目标完成情况")
    s.merge("C5:G5", "项目年度目标")
    s.merge("H5:K5", "年度目标完成情况")
    s.merge("C6:G6", planned, align=LEFT, fact="goals.planned")
    s.merge("H6:K6", achieved, align=LEFT, fact="goals.achieved")
    s.put("B7", "2.项目实施内容及过程概述")
    s.merge("C7:K7", content, align=LEFT)
    s.merge("A8:A13", "预算执行情况(10分)")
    for col, h in zip("BCDEHIJK", ["年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]):
        s.put(f"{col}8", h)
    s.ws.merge_cells("E8:G8")
    for k, (lab, ini, bud, exe) in enumerate(amounts):
        r = 9 + k
        src = None if k == 0 else f"funds.sources.{k - 1}"
        s.put(f"B{r}", lab, align=LEFT, fact=src and f"{src}.label")
        s.put(f"C{r}", num(ini) if ini else None, N2, other=("年初预算" if k == 0 else None))
        s.put(f"D{r}", num(bud) if bud else None, N2, fact=("funds.budget" if k == 0 else src and f"{src}.budget"))
        s.merge(f"E{r}:G{r}", num(exe) if exe else None, N2,
                fact=("funds.executed" if k == 0 else src and f"{src}.executed"))
        if bud and D(bud) != 0:
            s.put(f"H{r}", f"=E{r}/D{r}", PCT2, fact=("funds.rate" if k == 0 else f"{src}.rate"), calc=rate(exe, bud))
        elif bud:
            s.put(f"H{r}", "0.00%", fact=f"{src}.rate")          # the system prints 0.00% for 0/0
        s.put(f"I{r}", 10 if k == 0 else "/", fact=("funds.weight" if k == 0 else None))
        s.put(f"J{r}", None if k == 0 else "/", fact=("funds.score" if k == 0 else None))
    s.merge("K9:K13", SC_NOTE, align=LEFT)
    s.merge(f"A14:A{14 + len(indicators)}", "绩效指标(90分)")
    for col, h in zip("BCDEFGHIJK", ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                                     "未完成原因分析"]):
        s.put(f"{col}14", h)
    cols = dict(level1="B", level2="C", name="D", nature="E", target="F", unit="G", actual="H", weight="I", score="J")
    # a level label is written once and merged down over the rows repeating it (None = same as above)
    l1s = [row[0] if k == 0 or row[0] != indicators[k - 1][0] else None for k, row in enumerate(indicators)]
    l2s = [row[1] if k == 0 or row[1] != indicators[k - 1][1] or l1s[k] else None for k, row in enumerate(indicators)]
    for k, row in enumerate(indicators):
        r = 15 + k
        indicator_rows(s, [(l1s[k], l2s[k]) + tuple(row[2:])], r, cols, start_index=k)
        s.other[f"indicators.{k}.nature"] = f"E{r}"
        s.other[f"indicators.{k}.unit"] = f"G{r}"
    for col, idx, labels in (("B", 1, l1s), ("C", 2, l2s)):
        for a, b, label in runs([(15 + k, v) for k, v in enumerate(labels)]):
            if b > a:
                s.ws.merge_cells(f"{col}{a}:{col}{b}")
            for r in range(a, b + 1):
                s.facts[f"indicators.{r - 15}.level{idx}"] = (f"{col}{a}", {})
    r = 15 + len(indicators)
    s.merge(f"A{r}:H{r}", "合计")
    s.put(f"I{r}", f"=I9+SUM(I15:I{r - 1})", "General", other="合计 权重",
          calc=10 + sum(D(x[7]) for x in indicators))
    s.put(f"J{r}", None)
    s.put(f"A{r + 1}", "评价结论")
    s.merge(f"B{r + 1}:K{r + 1}", conclusion, align=LEFT)
    s.put(f"A{r + 2}", "存在问题")
    s.merge(f"B{r + 2}:K{r + 2}", problem, align=LEFT)
    s.put(f"A{r + 3}", "改进措施")
    s.merge(f"B{r + 3}:K{r + 3}", measure, align=LEFT)
    s.merge(f"A{r + 4}:E{r + 4}", "项目负责人:", align=LEFT)
    s.merge(f"F{r + 4}:K{r + 4}", "财务负责人:", align=LEFT)
    s.grid(f"A3:K{r + 3}")
    s.heights([9], 60)
    s.discrepancies = []
    return wb, s, r


def wb_qingshen():
    # Source: https://www.scqs.gov.cn/info/13206/211004.htm — 青神县 (眉山) 部门预算项目支出绩效自评表(2023年度), 报表编号
    # 510000_0013zp, project 51000021R000000019951-工资性支出, 青神县发展和改革局本级 / 青神县发展和改革局. Every cell is from
    # the page, including what the unit left unfilled: the template's own hint texts (对照年度目标,说明…(100字以内)), the empty
    # 得分 of the 总额 row, the empty 完成值 and 得分 of both indicators, and a 合计 row showing only the weight total 100.
    # INVENTED: nothing in the values; 预算执行率 and the 合计 权重 are formulas here (the page shows 100.00% and 100).
    wb, s, r = sichuan_export(
        "部门预算项目支出绩效自评表(2023年度)", "51000021R000000019951-工资性支出", "青神县发展和改革局本级", "青神县发展和改革局",
        "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。",
        "对照年度目标,说明相关任务目标的完成情况(100字以内)", None,
        [("总额", "238.93", "251.89", "251.89"), ("其中:财政资金", "238.93", "251.89", "251.89"),
         ("财政专户管理资金", "0.00", "0.00", "0.00"), ("单位资金", "0.00", "0.00", "0.00"), ("其他资金", None, None, None)],
        [("产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", None, "60", None),
         ("效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", None, "30", None)],
        "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)",
        "结合自评情况,分析存在的问题及原因。(200字以内)",
        "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)")
    s.arithmetic = ("预算执行率 = 预算执行数/调整后预算数 = 251.89/251.89 = 100.00% (年初 238.93 is not the base); 权重 10 + 60 + 30 "
                    "= 100 = the 合计 row. No score anywhere: 得分, 完成值 and the 评价结论 were left as the template's hints.")
    s.scoring = ("预算执行情况(10分) + 绩效指标(90分); nothing scored — a reader must not invent a total, nor call a blank 得分 "
                 "an error; it may warn that the form is unscored.")
    s.notes.append("An unscored published form: total_score, funds.score and every indicator score are absent on purpose.")
    return wb, [s]


def wb_sichuan_225():
    # Source: https://dyrmt.com/article-132779-22.html — a county 融媒体 page publishing a Sichuan 一体化 部门预算项目支出
    # 绩效自评表; the stored text is only the tail: "产出指标 数量指标 足额保障率 = 100 % 22.5 | 科目调整次数 ≤ 10 次 22.5 |
    # 时效指标 按时发放率 = 100 % 22.5 | 效益指标 经济效益指标 结余率(计算方法为:结余数/预算数) ≤ 5 % 22.5 | 合计 100 |
    # 评价结论 及时、足额缴纳。| 存在问题 暂无 | 改进措施 暂无 | 项目负责人: 财务负责人:". Real: the four indicators, their
    # 指标性质/值/单位, the weight 22.5 each (4 × 22.5 = 90), 合计 100, the three closing texts, 完成值/得分 left empty.
    # INVENTED: everything above the indicators (project name, departments, goals, the amounts 186.40/186.40/186.40), taken
    # in the template's wording of 青神 (scqs.gov.cn/info/13206/211004.htm); the unit and county are unknown.
    wb, s, r = sichuan_export(
        "部门预算项目支出绩效自评表(2023年度)", "51000023R000000000001-社会保障缴费", "(县)某部门本级", "(县)某部门",
        "严格执行相关政策,保障社保及时、足额缴纳。", "及时、足额缴纳。", None,
        [("总额", "186.40", "186.40", "186.40"), ("其中:财政资金", "186.40", "186.40", "186.40"),
         ("财政专户管理资金", "0.00", "0.00", "0.00"), ("单位资金", "0.00", "0.00", "0.00"), ("其他资金", None, None, None)],
        [("产出指标", "数量指标", "足额保障率", "=", 100, "%", None, "22.5", None),
         ("产出指标", "数量指标", "科目调整次数", "≤", 10, "次", None, "22.5", None),
         ("产出指标", "时效指标", "按时发放率", "=", 100, "%", None, "22.5", None),
         ("效益指标", "经济效益指标", "结余率(计算方法为:结余数/预算数)", "≤", 5, "%", None, "22.5", None)],
        "及时、足额缴纳。", "暂无", "暂无")
    s.arithmetic = "权重 10 + 22.5 × 4 = 100 = the 合计 row (decimal weights); 预算执行率 186.40/186.40 = 100.00% (amounts INVENTED)."
    s.scoring = "As 青神: unscored — 完成值 and 得分 empty; only weights (22.5, one decimal) and the 合计 weight total 100."
    s.notes.append("Header and amounts INVENTED from the template; the indicator block and closing texts are the page's.")
    return wb, [s]


FORMS = [
    dict(file=YC_FILE, build=wb_yinchuan, source=YC_SRC, region="宁夏", year=2021, kind="project_selfeval",
         title="银川市本级部门项目支出绩效自评表(2021年) — 银川市第六中学 初中公用经费",
         invented=["满意度 row (三级 name, values, 得分 10)", "年度总体目标完成情况 text"],
         unusual="项目决策/项目管理/项目产出/项目效益 as level 1 of the indicator table; 参考分值 column; 指标值(A)/全年实际值(B); "
                 "调整预算数(A)/全年执行数(B)/执行率(B/A) without fund score (预算执行率 is an indicator, 9 of 10 at 100%); "
                 "自评得分 and 财政审核评分 at the top right; 指标2: placeholder rows; printed total ≠ Σ (source_discrepancies)"),
    dict(file=GS_FILE, build=wb_guangshui, source=GS_SRC, region="湖北", year=2019, kind="project_selfeval",
         title="广水市财政预算支出项目绩效目标自评表 — 2019年度市纪委办公局域网维护项目 (填报 2020-02-18)",
         invented=["质量 得分 10", "时效/成本 rows' names, values, scores", "效益/满意度 rows (scores 12 and 5)"],
         unusual="自评分 + 复核分 columns; 项目权重 | 评价内容 | 分值 block for 决策/管理, then an indicator block WITHOUT 分值: weights "
                 "only in level-2 labels (数量指标15分); 年初指标值/年终完成值; 自评总分 69 at the top (text row); funds by source "
                 "中央/省、地/本级/其他/合计/执行数; no fund score"),
    dict(file=QS_FILE, build=wb_qingshen, source=QS_SRC, region="四川", year=2023, kind="project_selfeval",
         title="青神县发展和改革局 部门预算项目支出绩效自评表(2023年度) 工资性支出",
         invented=["H9 and I17 as formulas (values as printed)"],
         unusual="an UNSCORED published form: 得分 of the 总额 row and of every indicator empty, 完成值 empty, hint texts left in; "
                 "报表编号 510000_0013zp above the title; 合计 row = weight total only"),
    dict(file=DY_FILE, build=wb_sichuan_225, source=DY_SRC, region="四川", year=2023, kind="project_selfeval",
         title="(四川 county) 部门预算项目支出绩效自评表 — 社保缴纳, weights 22.5",
         invented=["the whole header: name, departments, goals, amounts 186.40"],
         unusual="unscored like 青神; four decimal weights 22.5 (4 × 22.5 + 10 = 100); 指标性质 ≤/= with 次/% units"),
]

VARIANTS = [
    dict(base=YC_FILE, sheet="项目支出绩效自评表", cell="G19", new=12, what="保障人数 得分 12 > 参考分值 10",
         findings=[finding("project.indicator_score_range", "项目支出绩效自评表", "G19", "≤10", "12",
                           "保障人数 得分 12 > 参考分值 10")]),
    dict(base=GS_FILE, sheet="项目绩效目标自评表", cell="F13", new=5, what="运行监管 自评分 5 > 分值 4",
         findings=[finding("project.indicator_score_range", "项目绩效目标自评表", "F13", "≤4", "5", "运行监管 自评分 5 > 分值 4"),
                   finding("project.total_score", "项目绩效目标自评表", "F2", "71", "69",
                           "自评总分 69 ≠ 2 + (3+2+5+4) + 55 = 71")]),
    dict(base=QS_FILE, sheet="部门预算项目支出绩效自评表", cell="H9", new=0.9485, what="预算执行率 94.85% typed over 251.89/251.89",
         findings=[finding("project.execution_rate", "部门预算项目支出绩效自评表", "H9", "100.00%", "94.85%",
                           "预算执行率 94.85% ≠ 预算执行数/调整后预算数 = 251.89/251.89 = 100.00%")]),
    dict(base=DY_FILE, sheet="部门预算项目支出绩效自评表", cell="E9", new=176.4, what="总额 预算执行数 176.40 (rate formula follows)",
         recalc={"H9": rate("176.4", "186.40")},
         findings=[finding("funds.source_sum", "部门预算项目支出绩效自评表", "E9", "186.40", "176.40",
                           "总额 预算执行数 176.40 ≠ 财政资金 186.40 + 0.00 + 0.00 (the 总额 row is the sum of its sources)")]),
]


def check_totals(entry, variant=False):
    """From the manifest facts alone: no score above its weight and, where a total is printed, Σ = total unless
    the form's own slip is listed. Guards the builders against typing slips."""
    for sh in entry["sheets"]:
        f = sh["facts"]
        scores, total = {}, D(0)
        for k, v in f.items():
            if k.startswith("indicators.") and k.endswith(".score"):
                i = k.split(".")[1]
                sc = base.number_in(v["value"])
                w = f.get(f"indicators.{i}.weight")
                w = D(w["from_label"]) if w and "from_label" in w else base.number_in(w["value"]) if w else None
                if not variant:
                    assert sc is None or w is None or sc <= w, (entry["file"], i, sc, w)
                total += sc or 0
        if "total_score" in f and not variant:
            printed = base.number_in(f["total_score"]["value"])
            slips = {d["cell"] for d in entry.get("source_discrepancies", [])}
            assert total == printed or f["total_score"]["cell"] in slips, (entry["file"], total, printed)


def main():
    assert D("10") + 24 + 29 + 13 + 8 + 10 == 94 and D("15") + 35 + D("14.8") == D("64.8")
    assert 2 + 12 + 15 + 10 + 6 + 7 + 12 + 5 == 69
    assert 10 + 4 * D("22.5") == 100 and 10 + 60 + 30 == 100
    for d in (OUT_OPX, OUT_LO):
        os.makedirs(d, exist_ok=True)
        for n in os.listdir(d):
            if n.endswith(".xlsx"):
                os.remove(os.path.join(d, n))
    manifest, by_file = [], {}
    for e in FORMS:
        wb, sheets = e["build"]()
        save(wb, os.path.join(OUT_OPX, e["file"]))
        entry = dict(file=e["file"], source=e["source"], title=e["title"], region=e["region"], year=e["year"],
                     kind=e["kind"], unusual=e["unusual"], invented=e["invented"],
                     sheets=[s.manifest() for s in sheets], expected_findings=[],
                     source_discrepancies=[dict(sheet=s.ws.title, **d) for s in sheets for d in s.discrepancies])
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
        sheet.calc.pop(v["cell"], None)
        sheet.calc.update(v.get("recalc", {}))
        name = "err_" + v["base"]
        save(wb, os.path.join(OUT_OPX, name))
        src = next(m for m in manifest if m["file"] == v["base"])
        entry = dict(file=name, source=src["source"], region=src["region"], year=src["year"], kind=src["kind"],
                     sheets=[s.manifest() for s in sheets], variant_of=v["base"],
                     change=dict(sheet=v["sheet"], cell=v["cell"], old=old_shown, new=sheet.shown(v["cell"]),
                                 **({"old_formula": old} if isinstance(old, str) and old.startswith("=") else {})),
                     what=v["what"], expected_findings=v["findings"],
                     source_discrepancies=src["source_discrepancies"])
        check_totals(entry, variant=True)
        manifest.append(entry)
    files = sorted(n for n in os.listdir(OUT_OPX) if n.endswith(".xlsx"))
    base.libreoffice_resave([os.path.join(OUT_OPX, n) for n in files], OUT_LO)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    print(f"{len(files)} workbooks in {OUT_OPX} and {OUT_LO}")


def verify():
    """Every fact's value in manifest.json against what LibreOffice displays (CSV export of the LO files)."""
    import csv
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    base.lo_profile()
    tmp = tempfile.mkdtemp(prefix="lo-regional-c-csv-")
    bad = checked = 0
    try:
        paths = [os.path.join(OUT_LO, m["file"]) for m in manifest]
        subprocess.run(["soffice", "-env:UserInstallation=file://" + base.PROFILE, "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                        "--outdir", tmp] + paths, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=900)
        for m in manifest:
            stem = m["file"][:-5]
            for sh in m["sheets"]:
                path = os.path.join(tmp, f"{stem}-{sh['name']}.csv")
                if not os.path.exists(path) and len(m["sheets"]) == 1:
                    path = os.path.join(tmp, f"{stem}.csv")
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
