#!/usr/bin/python3
"""Checks the sample workbooks written by samples/make_samples.py, independently of how they were built.

It reads the cells back with openpyxl, finds the tables by their labels (not by the coordinates the
generator used), recomputes every identity of DOMAIN.md §2/§3 in exact decimal arithmetic and:

  * clean files:  no finding at all, and the figures equal the seeds' (90.98, 92.84, 88.57, 3555.82 ...; 98.25 for the
                  invented scores of seed 000);
  * err* files:   exactly one cell differs from the clean base, and the findings are exactly the ones
                  manifest.json lists (rule + sheet + cell);
  * layout* files: the same figures as the clean counterpart, findings only where the manifest says;
  * both producers: every formula in the LibreOffice re-save carries a cached value, and every typed
                  cell of the openpyxl file reads the same in the LibreOffice file.

Run from the repository root:  /usr/bin/python3 samples/check_samples.py [--lo-csv]
--lo-csv also opens every workbook with /work/shared/tools/lo-csv.sh (slow: one LibreOffice start per file).
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal as D, ROUND_HALF_UP

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
OPX = os.path.join(HERE, "openpyxl")
LO = os.path.join(HERE, "libreoffice")
LO_CSV = "/work/shared/tools/lo-csv.sh"
CENT = D("0.01")


def q2(x):
    return D(x).quantize(CENT, rounding=ROUND_HALF_UP)


def norm(v):
    return re.sub(r"[\s\u3000]+", "", str(v)) if v is not None else ""


def num(v):
    """A cell value as Decimal: numbers, "40.00", "1,234.5", "99.9%"; None for blanks and words."""
    if v is None or isinstance(v, bool) or isinstance(v, datetime.datetime):
        return None
    if isinstance(v, (int, float)):
        return D(repr(v)) if isinstance(v, float) else D(v)
    s = norm(v).replace(",", "")
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(%?)", s)
    if not m:
        return None
    d = D(m.group(1))
    return d / 100 if m.group(2) else d


def z(v):
    n = num(v)
    return n if n is not None else D(0)


def grade_of(score):
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


class Sheet:
    """Values of one sheet with merged ranges filled from their top-left cell (labels only: for
    amounts the top-left cell is what counts, and that is where the value is)."""

    def __init__(self, ws):
        self.ws = ws
        self.title = ws.title
        self.v = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    self.v[(c.row, c.column)] = c.value
        self.merged_into = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for cc in range(rng.min_col, rng.max_col + 1):
                    if (r, cc) != (rng.min_row, rng.min_col):
                        self.merged_into[(r, cc)] = (rng.min_row, rng.min_col)
        self.max_row = ws.max_row
        self.max_col = ws.max_column

    def get(self, r, c):
        return self.v.get((r, c))

    def label(self, r, c):
        return self.v.get(self.merged_into.get((r, c), (r, c)))

    def find(self, pred):
        return sorted((rc for rc, val in self.v.items() if isinstance(val, str) and pred(norm(val))),
                      key=lambda rc: rc)

    def first(self, pred):
        hits = self.find(pred)
        return hits[0] if hits else None

    @staticmethod
    def ref(r, c):
        return f"{openpyxl.utils.get_column_letter(c)}{r}"

    def right_value(self, r, c):
        for cc in range(c + 1, self.max_col + 1):
            if (r, cc) in self.v and (r, cc) not in self.merged_into:
                return cc, self.v[(r, cc)]
        return None, None


class Findings(list):
    def add(self, rule, sheet, r, c, message, severity="error"):
        self.append(dict(rule=rule, sheet=sheet.title, cell=Sheet.ref(r, c), message=message, severity=severity))


# ------------------------------------------------------------------------------------------------
# 项目支出绩效自评表 (Hubei / national / Yunnan / reordered)
# ------------------------------------------------------------------------------------------------
def is_project(s):
    return s.first(lambda t: t.startswith("年度资金总额")) and s.first(lambda t: "绩效指标" in t or t == "绩\n效\n指\n标")


QTY = re.compile(r"(≥|>=|≤|<=|＝|=)?(-?\d+(?:\.\d+)?)(\D*)")


def qty(v):
    """A target or actual value as (operator, value, unit): "≥2000张" → ("≥", 2000, "张"), "≤215.11万元",
    "95%" → (None, 0.95, "%"), a number cell → (None, x, None: any unit), a date cell → ("date", d, None);
    None for words ("稳步提高")."""
    if isinstance(v, datetime.datetime):
        return ("date", v, None)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return (None, num(v), None)
    m = QTY.fullmatch(norm(v).replace(",", "")) if v is not None else None
    if not m:
        return None
    op = {">=": "≥", "<=": "≤", "=": "＝"}.get(m.group(1), m.group(1))
    d = D(m.group(2))
    return (op, d / 100 if m.group(3) == "%" else d, m.group(3))


def indicator_rule(target, actual, w):
    """DOMAIN.md §2: (lowest, highest, how) the score may be, or None where no rule decides."""
    t, a = qty(target), qty(actual)
    if t and a and t[0] == "date" and a[0] == "date":
        return (w, w, "完成时间不晚于目标 → 满分") if a[1] <= t[1] else None
    if t and a and t[0] != "date" and a[0] != "date" and (t[2] is None or a[2] is None or t[2] == a[2]) and t[1]:
        tv, av = t[1], a[1]
        if t[0] == "≤":                                    # 反向
            if av <= tv:
                return (w, w, f"{av.normalize():f} ≤ {tv.normalize():f} → 满分")
            x = max(D(0), q2((1 - (av - tv) / tv) * w))
            return (x, x, f"(1 − ({av.normalize():f} − {tv.normalize():f}) / {tv.normalize():f}) × {w}")
        if av >= tv:                                       # 正向
            return (w, w, f"{av.normalize():f} ≥ {tv.normalize():f} → 满分")
        x = q2(av / tv * w)
        return (x, x, f"{av.normalize():f} / {tv.normalize():f} × {w}")
    if t is None and actual is not None and (norm(actual) == norm(target) or norm(actual) == "达成"):
        return (q2(w * D("0.8")), w, "定性 达成 → [0.8, 1] × 分值")
    return None


def plain(d):
    return f"{D(d).normalize():f}"


def read_project(s, out):
    fr, fc = s.first(lambda t: t.startswith("年度资金总额"))
    hr = next(r for r in range(fr - 1, 0, -1) if any("全年执行数" in norm(s.get(r, c)) for c in range(1, s.max_col + 1)))
    cols = {}
    for c in range(1, s.max_col + 1):
        t = norm(s.get(hr, c))
        for key, pat in (("initial", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"), ("rate", "执行率"),
                         ("weight", "分值")):
            if pat in t:
                cols[key] = c
        if t in ("得分", "自评分"):
            cols["score"] = c
    bc = next(c for c in range(1, fc) if "项目资金" in norm(s.label(fr, c)))
    block = norm(s.label(fr, bc))
    anchor = s.merged_into.get((fr, bc), (fr, bc))
    unit = D(10000) if "（元）" in block or "(元)" in block else D(1)
    weight = z(s.get(fr, cols["weight"])) if "weight" in cols else D(re.search(r"(\d+)分", block).group(1))
    budget = z(s.get(fr, cols["budget"])) / unit
    executed = z(s.get(fr, cols["executed"])) / unit
    initial = z(s.get(fr, cols["initial"])) / unit if "initial" in cols else None
    rate = executed / budget
    score_calc = q2(weight * min(rate, D(1)))
    fund_score = z(s.get(fr, cols["score"]))
    typed_rate = num(s.get(fr, cols["rate"]))
    if typed_rate is not None and abs(typed_rate - rate) >= D("0.0005"):
        out.add("project.execution_rate", s, fr, cols["rate"],
                f"执行率 {typed_rate * 100:.2f}% ≠ {q2(executed)} / {q2(budget)} = {rate * 100:.2f}%")
    if fund_score != score_calc:
        out.add("project.fund_score", s, fr, cols["score"],
                f"项目资金得分 {q2(fund_score)} ≠ {weight} × {q2(executed)} / {q2(budget)} = {score_calc}")
    # fund-source rows (其中：…) inside the same merged block: where filled, they add up to 年度资金总额
    src = [r for r in range(fr + 1, s.max_row + 1) if s.merged_into.get((r, bc)) == anchor]
    for key in ("initial", "budget", "executed"):
        vals = [num(s.get(r, cols[key])) for r in src] if key in cols else []
        if any(v is not None for v in vals):
            tot = z(s.get(fr, cols[key]))
            if tot != sum(v for v in vals if v is not None):
                out.add("project.fund_sources", s, fr, cols[key],
                        f"年度资金总额 {q2(tot / unit)} ≠ 各资金来源之和 {q2(sum(v for v in vals if v is not None) / unit)}")
    # 绩效目标: the score under a header 自评分 in the row of 年初设定目标 / 预期目标 (the national format has none)
    gr, _ = s.first(lambda t: t in ("年初设定目标", "预期目标"))
    gc = next((c for c in range(1, s.max_col + 1) if norm(s.get(gr, c)).startswith("自评分")), None)
    goal = goal_weight = None
    if gc is not None:
        goal = next(num(s.get(r, gc)) for r in range(gr + 1, gr + 4) if num(s.get(r, gc)) is not None)
        m = re.search(r"(\d+)分", norm(s.get(gr, gc)))
        goal_weight = D(m.group(1)) if m else None
    # 绩效指标
    ir, _ = s.first(lambda t: t in ("三级指标", "指标内容"))
    icol = {}
    for c in range(1, s.max_col + 1):
        t = norm(s.get(ir, c))
        if t == "分值":
            icol["w"] = c
        elif t == "得分":
            icol["s"] = c
        elif t in ("三级指标", "指标内容"):
            icol["name"] = c
        elif t == "一级指标":
            icol["l1"] = c
        elif t in ("年度指标值", "年度目标值"):
            icol["target"] = c
        elif t in ("实际完成值", "全年完成值"):
            icol["actual"] = c
    inds = []
    r = ir + 1
    while r <= s.max_row:
        first = norm(s.label(r, 1))
        if first in ("说明", "总分") or first.startswith("总分"):
            break
        w, sc = num(s.get(r, icol["w"])), num(s.get(r, icol["s"]))
        if w is not None:
            name = s.get(r, icol["name"])
            l1 = re.sub(r"[（(].*", "", norm(s.label(r, icol["l1"]))) if "l1" in icol else None
            inds.append(dict(row=r, name=name, level1=l1, weight=w, score=sc))
            if sc is not None and (sc > w or sc < 0):
                out.add("project.indicator_score_range", s, r, icol["s"], f"{name} 得分 {sc} > 分值 {w}")
            elif sc is not None and "target" in icol and "actual" in icol:
                rule = indicator_rule(s.get(r, icol["target"]), s.get(r, icol["actual"]), w)
                if rule and not rule[0] <= sc <= rule[1]:
                    out.add("project.indicator_score", s, r, icol["s"],
                            f"{name} 得分 {plain(sc)} ≠ {rule[2]}" + (f" = {rule[0]}" if rule[0] == rule[1] else ""))
        r += 1
    ind_label = norm(s.label(ir, 1))
    m = re.search(r"（(\d+)分）", ind_label)
    if m and sum(i["weight"] for i in inds) != D(m.group(1)):
        out.add("project.indicator_weights", s, ir, 1, f"指标分值之和 {sum(i['weight'] for i in inds)} ≠ {m.group(1)}")
    groups = {}
    for i in inds:
        g = groups.setdefault(i["level1"], dict(weight=D(0), score=D(0)))
        g["weight"] += i["weight"]
        g["score"] += i["score"] or D(0)
    # 自评得分: right of the label 自评得分, else the 总分 row
    hit = s.first(lambda t: t.startswith("自评得分"))
    if hit:
        tr, tc = hit[0], s.right_value(*hit)[0]
    else:
        tr = s.first(lambda t: t == "总分")[0]
        tc = icol["s"]
        # the 总分 row's 分值 (100) is the weights' sum
        tw = num(s.get(tr, icol["w"]))
        wsum = weight + (goal_weight or D(0)) + sum(i["weight"] for i in inds)
        if tw is not None and tw != wsum:
            out.add("project.weight_total", s, tr, icol["w"], f"总分 分值 {plain(tw)} ≠ 各项分值之和 {plain(wsum)}")
    total = num(s.get(tr, tc))
    ind_sum = sum((i["score"] or D(0)) for i in inds)
    parts = fund_score + (goal or D(0)) + ind_sum
    if total != parts:
        if goal is None:            # national: 执行率 + 一级 groups
            out.add("project.total_score", s, tr, tc,
                    f"总分 {q2(total)} ≠ {q2(fund_score)} + "
                    f"{' + '.join(plain(g['score']) for g in groups.values())} = {q2(parts)}")
        else:
            out.add("project.total_score", s, tr, tc,
                    f"自评得分 {q2(total)} ≠ {q2(fund_score)} + {goal.normalize()} + {ind_sum.normalize()} = {q2(parts)}")
    gh = s.first(lambda t: t.startswith("自评等次") or t == "自评等级")
    grade = None
    if gh:                          # the national format has no grade cell
        grade = norm(s.right_value(*gh)[1])
        if grade != grade_of(total):
            out.add("project.grade", s, gh[0], s.right_value(*gh)[0], f"等次 {grade} 与 {total} 不符")
    return dict(budget=q2(budget), executed=q2(executed), initial=initial, rate=rate, weight=weight,
                fund_score=fund_score, goal=goal, ind_weights=[i["weight"] for i in inds],
                ind_scores=[i["score"] for i in inds], groups=groups, total=total, grade=grade,
                name=norm(s.right_value(*s.first(lambda t: t == "项目名称"))[1]))


def read_summary(s, out):
    hr, _ = s.first(lambda t: t == "序号")
    cols = {}
    for c in range(1, s.max_col + 1):
        t = norm(s.get(hr, c))
        for key, pat in (("name", "项目名称"), ("budget", "预算数"), ("executed", "全年执行数"), ("score", "得分"),
                         ("grade", "自评等级")):
            if t.startswith(pat):
                cols[key] = c
    rows = []
    r = hr + 1
    while norm(s.label(r, 1)) != "合计":
        rows.append(dict(name=norm(s.get(r, cols["name"])), budget=z(s.get(r, cols["budget"])),
                         executed=z(s.get(r, cols["executed"])), score=num(s.get(r, cols["score"])),
                         grade=norm(s.get(r, cols["grade"]))))
        r += 1
    total = {}
    for key in ("budget", "executed"):
        t = z(s.get(r, cols[key]))
        parts = [x[key] for x in rows]
        total[key] = t
        if t != sum(parts):
            out.add("summary.total", s, r, cols[key],
                    f"合计 {q2(t)} ≠ {' + '.join(str(q2(p)) for p in parts)} = {q2(sum(parts))}")
    return dict(rows=rows, total=total)


# ------------------------------------------------------------------------------------------------
# 评价得分表 (seed 004 tables, seed 001 附件2)
# ------------------------------------------------------------------------------------------------
def read_s4_overall(s, out):
    hr, hc = s.first(lambda t: t == "评价项目")
    groups = []
    rows = {norm(s.get(r, hc)): r for r in range(hr + 1, hr + 4)}
    c = hc + 1
    while s.get(hr, c) is not None:
        groups.append((norm(s.get(hr, c)), c))
        c += 1
    res = {}
    for name, c in groups:
        w, sc, rate = z(s.get(rows["权重"], c)), z(s.get(rows["分值"], c)), num(s.get(rows["得分率"], c))
        res[name] = dict(weight=w, score=sc, rate=rate)
        if rate is None or q2(rate * 100) != q2(sc / w * 100):
            out.add("score_table.score_rate", s, rows["得分率"], c,
                    f"得分率 {q2((rate or 0) * 100)}% ≠ {sc.normalize()} / {w} = {q2(sc / w * 100)}%")
    tname, tc = groups[-1]
    for key in ("weight", "score"):
        parts = [res[n][key] for n, _ in groups[:-1]]
        if res[tname][key] != sum(parts):
            out.add("score_table.total", s, rows["权重" if key == "weight" else "分值"], tc, f"合计 ≠ Σ = {sum(parts)}")
    gh = s.first(lambda t: t.startswith("绩效等级"))
    grade = norm(s.right_value(*gh)[1])
    total = res[tname]["score"]
    if grade != grade_of(total):
        out.add("score_table.grade", s, gh[0], s.right_value(*gh)[0],
                f"等级 {grade} 与总分 {total} 不符：应为 {grade_of(total)}")
    return dict(groups=res, total=total, grade=grade)


def read_s4_details(s, out):
    tables = {}
    for hr, hc in s.find(lambda t: t == "二级指标"):
        if norm(s.get(hr, hc + 2)) != "绩效分值":
            continue
        title = next(norm(s.get(r, hc)) for r in range(hr - 1, 0, -1) if "得分情况表" in norm(s.get(r, hc)))
        items = []
        r = hr + 1
        while norm(s.label(r, hc)) != "小计":
            w, sc = num(s.get(r, hc + 2)), num(s.get(r, hc + 3))
            if w is not None:
                items.append((w, sc))
                if sc > w:
                    out.add("score_table.item_range", s, r, hc + 3, f"得分 {sc} > 分值 {w}")
            r += 1
        sw, ss = z(s.get(r, hc + 2)), z(s.get(r, hc + 3))
        if sw != sum(w for w, _ in items):
            out.add("score_table.subtotal", s, r, hc + 2, f"小计 {sw} ≠ Σ分值")
        if ss != sum(x for _, x in items):
            out.add("score_table.subtotal", s, r, hc + 3, f"小计 {ss} ≠ Σ得分 {sum(x for _, x in items)}")
        tables[title.replace("项目", "").replace("得分情况表", "")] = dict(weight=sw, score=ss, n=len(items))
    return tables


def read_a2(s, out):
    hdr = [r for (r, c) in s.find(lambda t: t == "评分标准")]
    h = hdr[0]
    col = {norm(s.get(h, c)): c for c in range(1, s.max_col + 1)}
    wc, sc = col["分值"], col["自评得分"]
    groups = {}
    labels = {}
    r = h + 1
    items = 0
    while norm(s.label(r, 1)) != "合计":
        if r in hdr:
            r += 1
            continue
        lab = norm(s.label(r, 1))
        m = re.fullmatch(r"(.*?)[（(](\d+)分[）)]", lab)
        g = m.group(1)
        anchor = s.merged_into.get((r, 1), (r, 1))
        labels.setdefault(g, {})[anchor] = D(m.group(2))
        gg = groups.setdefault(g, dict(weight=D(0), score=D(0)))
        w, x = z(s.get(r, wc)), z(s.get(r, sc))
        gg["weight"] += w
        gg["score"] += x
        items += 1
        if x > w:
            out.add("score_table.item_range", s, r, sc, f"得分 {x} > 分值 {w}")
        r += 1
    for g, anchors in labels.items():
        for (ar, ac), lw in anchors.items():
            if lw != groups[g]["weight"]:
                out.add("score_table.group_label_weight", s, ar, ac,
                        f"{g} 标注 {lw} 分 ≠ 分值之和 {groups[g]['weight']}", severity="warning")
    tw, ts = z(s.get(r, wc)), z(s.get(r, sc))
    if tw != sum(g["weight"] for g in groups.values()) or ts != sum(g["score"] for g in groups.values()):
        out.add("score_table.total", s, r, sc, "合计 ≠ Σ")
    return dict(groups=groups, total_weight=tw, total_score=ts, items=items)


def read_dept(s, out):
    fr, _ = s.first(lambda t: t.startswith("年度资金总额"))
    hr = fr - 1
    col = {}
    for c in range(1, s.max_col + 1):
        t = norm(s.get(hr, c))
        for key, pat in (("budget", "全年预算数"), ("executed", "全年执行数"), ("weight", "分值"), ("rate", "执行率"),
                         ("score", "得分")):
            if t.startswith(pat):
                col[key] = c
    budget, executed = z(s.get(fr, col["budget"])), z(s.get(fr, col["executed"]))
    weight, fund = z(s.get(fr, col["weight"])), z(s.get(fr, col["score"]))
    if fund != q2(weight * min(executed / budget, D(1))):
        out.add("dept.fund_score", s, fr, col["score"], "预算执行得分不符")
    ir, _ = s.first(lambda t: t == "三级指标")
    scol = next(c for c in range(1, s.max_col + 1) if norm(s.get(ir, c)) == "自评得分")
    scores = []
    r = ir + 1
    while norm(s.label(r, 1)) != "总分":
        scores.append(z(s.get(r, scol)))
        r += 1
    total = z(s.get(r, scol))
    if total != fund + sum(scores):
        out.add("dept.total_score", s, r, scol, f"总分 {total} ≠ {fund} + {sum(scores)}")
    return dict(budget=budget, executed=executed, rate=executed / budget, fund=fund, ind=sum(scores), n=len(scores),
                total=total)


# ------------------------------------------------------------------------------------------------
# 部门决算公开 nine tables
# ------------------------------------------------------------------------------------------------
TABLE_TITLES = [  # most specific first: "支出决算表" is part of several titles
    ("04", "财政拨款收入支出决算总表"), ("01", "收入支出决算总表"), ("02", "收入决算表"),
    ("06", "一般公共预算财政拨款基本支出决算表"), ("05", "一般公共预算财政拨款支出决算表"), ("07", "三公"),
    ("08", "政府性基金预算财政拨款收入支出决算表"), ("09", "国有资本经营预算财政拨款收入支出决算表"), ("03", "支出决算表")]


def fa_kind(s):
    title = norm(s.get(1, 1))
    for key, t in TABLE_TITLES:
        if t in title:
            return key
    return None


def code_rows(s):
    """02/03/05/08/09: {code: row}, the 合计 row and the amount columns (header row of 科目编码)."""
    hr, hc = s.first(lambda t: t == "科目编码")
    total_row = next(r for r in range(hr, s.max_row + 1) if norm(s.label(r, 1)) == "合计")
    cols = [c for c in range(3, s.max_col + 1) if s.label(hr, c) is not None or s.get(hr + 1, c) is not None]
    rows = {}
    for r in range(total_row + 1, s.max_row + 1):
        v = s.get(r, 1)
        if v is not None and re.fullmatch(r"\d{3}(\d{2}){0,2}", norm(v)):
            rows[norm(v)] = r
    return rows, total_row, cols


def check_tree(s, out, rows, total_row, cols):
    for c in cols:
        val = lambda r: z(s.get(r, c))
        classes = [k for k in rows if len(k) == 3]
        for k in rows:
            kids = [x for x in rows if len(x) == len(k) + 2 and x.startswith(k)]
            if kids and val(rows[k]) != sum(val(rows[x]) for x in kids):
                rule = "fa.class_sum" if len(k) == 3 else "fa.kuan_sum"
                parts = " + ".join(f"{x} {q2(val(rows[x]))}" for x in kids)
                out.add(rule, s, rows[k], c, f"{k} {s.get(rows[k], 2)} {q2(val(rows[k]))} ≠ {parts} = "
                                             f"{q2(sum(val(rows[x]) for x in kids))}")
        if val(total_row) != sum(val(rows[k]) for k in classes):
            out.add("fa.grand_total", s, total_row, c,
                    f"合计 {q2(val(total_row))} ≠ Σ类 {q2(sum(val(rows[k]) for k in classes))}")


def read_fa_code_table(s, key, out):
    rows, total_row, cols = code_rows(s)
    check_tree(s, out, rows, total_row, cols)
    for r in [total_row] + list(rows.values()):
        v = [z(s.get(r, c)) for c in cols]
        if key in ("02", "03") and v[0] != sum(v[1:]):
            out.add("fa.row_sum", s, r, cols[0], f"{q2(v[0])} ≠ Σ {q2(sum(v[1:]))}")
        if key == "05" and v[0] != v[1] + v[2]:
            out.add("fa.row_sum", s, r, cols[0],
                    f"{s.get(r, 1) or '合计'} 合计 {q2(v[0])} ≠ 基本支出 {q2(v[1])} + 项目支出 {q2(v[2])} = {q2(v[1] + v[2])}")
        if key in ("08", "09"):
            if v[2] != v[3] + v[4]:
                out.add("fa.row_sum", s, r, cols[2], "本年支出小计 ≠ 基本 + 项目")
            if v[0] + v[1] - v[2] != v[5]:
                out.add("fa08.balance", s, r, cols[5], "年初 + 收入 − 支出 ≠ 年末")
    tot = [z(s.get(total_row, c)) for c in cols]
    return dict(total=tot, rows={k: [z(s.get(r, c)) for c in cols] for k, r in rows.items()},
                total_cells=[Sheet.ref(total_row, c) for c in cols], empty=not any(tot) and not rows,
                note=any("无数据" in norm(v) for v in s.v.values() if isinstance(v, str)))


def read_fa01(s, out, key):
    """01 and 04: two-sided tables."""
    left = {norm(s.get(r, 1)): r for r in range(1, s.max_row + 1) if s.get(r, 1)}
    right = {norm(s.get(r, 4)): r for r in range(1, s.max_row + 1) if s.get(r, 4)}
    L, R = 3, 6
    val = lambda r, c: z(s.get(r, c))
    classes = [r for t, r in right.items() if re.match(r"^[一二三四五六七八九十]+、", t)]
    res = dict(classes={norm(s.get(r, 4)).split("、", 1)[1]: val(r, R) for r in classes})
    if key == "01":
        inc_items = [r for t, r in left.items() if re.match(r"^[一二三四五六七八]、", t)]
        yi, ye = left["本年收入合计"], right["本年支出合计"]
        ti = [r for t, r in left.items() if t == "总计"][0]
        te = [r for t, r in right.items() if t == "总计"][0]
        if val(yi, L) != sum(val(r, L) for r in inc_items):
            out.add("fa01.income_sum", s, yi, L, "本年收入合计 ≠ 各项收入之和")
        if val(ye, R) != sum(val(r, R) for r in classes):
            out.add("fa01.class_sum", s, ye, R, f"本年支出合计 {q2(val(ye, R))} ≠ 各类支出之和 "
                                                f"{q2(sum(val(r, R) for r in classes))}")
        inc_total = val(yi, L) + val(left["使用非财政拨款结余"], L) + val(left["年初结转和结余"], L)
        if val(ti, L) != inc_total:
            out.add("fa01.income_total", s, ti, L, f"收入总计 {q2(val(ti, L))} ≠ {q2(inc_total)}")
        exp_total = val(ye, R) + val(right["结余分配"], R) + val(right["年末结转和结余"], R)
        if val(te, R) != exp_total:
            out.add("fa01.expenditure_total", s, te, R, f"支出总计 {q2(val(te, R))} ≠ {q2(exp_total)}")
        if val(ti, L) != val(te, R):
            out.add("fa01.balance", s, ti, L, f"收入总计 {q2(val(ti, L))} ≠ 支出总计 {q2(val(te, R))}")
        res.update(income={norm(s.get(r, 1)).split("、", 1)[1]: val(r, L) for r in inc_items},
                   income_year=val(yi, L), exp_year=val(ye, R), exp_year_cell=(yi, ye), total=val(ti, L),
                   carry_in=val(left["年初结转和结余"], L), carry_out=val(right["年末结转和结余"], R))
        return res
    # 04: F = G + H + I; per fund 年初 + 收入 = 支出 + 年末
    fund_rows = [r for t, r in left.items() if re.match(r"^[一二三]、", t)]
    yi, ye = left["本年收入合计"], right["本年支出合计"]
    ci, co = left["年初财政拨款结转和结余"], right["年末财政拨款结转和结余"]
    subs = [r for t, r in left.items() if t in ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")]
    for r in classes + [ye, co]:
        if val(r, 6) != val(r, 7) + val(r, 8) + val(r, 9):
            out.add("fa.row_sum", s, r, 6, "合计 ≠ 一般公共 + 基金 + 国资")
    for c in (6, 7, 8, 9):
        if val(ye, c) != sum(val(r, c) for r in classes):
            out.add("fa04.class_sum", s, ye, c, "本年支出合计 ≠ 各类之和")
    for k, c in enumerate((7, 8, 9)):
        if val(subs[k], L) + val(fund_rows[k], L) != val(ye, c) + val(co, c):
            out.add("fa04.fund_balance", s, fund_rows[k], L, "年初 + 收入 ≠ 支出 + 年末")
    if val(yi, L) != sum(val(r, L) for r in fund_rows):
        out.add("fa04.income_sum", s, yi, L, "本年收入合计 ≠ Σ")
    res.update(income=[val(r, L) for r in fund_rows], exp=[val(ye, c) for c in (7, 8, 9)])
    return res


def read_fa06(s, out):
    hr = next(r for r in range(1, s.max_row + 1) if norm(s.get(r, 1)) == "科目编码")
    starts = [c for c in range(1, s.max_col + 1) if norm(s.get(hr, c)) == "科目编码"]
    vals, where = {}, {}
    for c in starts:
        for r in range(hr + 1, s.max_row + 1):
            code = norm(s.get(r, c))
            if re.fullmatch(r"\d{3}|\d{5}", code):
                vals[code] = z(s.get(r, c + 2))
                where[code] = (r, c + 2)
    for g in [k for k in vals if len(k) == 3]:
        kids = [k for k in vals if len(k) == 5 and k.startswith(g)]
        if vals[g] != sum(vals[k] for k in kids):
            out.add("fa06.group_sum", s, *where[g], f"{g} ≠ Σ")
    pr, pc = s.first(lambda t: t == "人员经费合计")
    ur, uc = s.first(lambda t: t == "公用经费合计")
    pcol, pers = s.right_value(pr, pc)
    ucol, pub = s.right_value(ur, uc)
    pers, pub = z(pers), z(pub)
    g = lambda k: vals.get(k, D(0))
    if pers != g("301") + g("303"):
        out.add("fa06.personnel", s, pr, pcol, f"人员经费合计 {q2(pers)} ≠ 301 {q2(g('301'))} + 303 {q2(g('303'))} = "
                                               f"{q2(g('301') + g('303'))}")
    if pub != g("302") + g("310") + g("307") + g("399"):
        out.add("fa06.public_use", s, ur, ucol, "公用经费合计 ≠ 302 + 310")
    return dict(personnel=pers, public_use=pub, items=vals)


def read_fa07(s, out):
    vr = next(r for r in range(1, s.max_row + 1) if [s.get(r, c) for c in range(1, 13)] == list(range(1, 13))) + 1
    res = {}
    for base, key in ((1, "budget"), (7, "actual")):
        v = [z(s.get(vr, base + k)) for k in range(6)]
        if v[0] != v[1] + v[2] + v[5]:
            out.add("fa07.total", s, vr, base, f"{'预算数' if base == 1 else '决算数'} 合计 {q2(v[0])} ≠ "
                                               f"{q2(v[1])} + {q2(v[2])} + {q2(v[5])} = {q2(v[1] + v[2] + v[5])}")
        if v[2] != v[3] + v[4]:
            out.add("fa07.vehicle", s, vr, base + 2, "公务用车小计 ≠ 购置 + 运行")
        res[key] = dict(total=v[0], abroad=v[1], vehicle=v[2], purchase=v[3], operation=v[4], reception=v[5])
    return res


def read_final_accounts(sheets, out):
    t = {}
    for s in sheets:
        k = fa_kind(s)
        if k is None:
            continue
        if k in ("01", "04"):
            t[k] = (s, read_fa01(s, out, k))
        elif k == "06":
            t[k] = (s, read_fa06(s, out))
        elif k == "07":
            t[k] = (s, read_fa07(s, out))
        else:
            t[k] = (s, read_fa_code_table(s, k, out))
    # cross-table identities
    def cross(rule, a, b, sa, cell, msg):
        if a != b:
            out.add(rule, sa, *cell, msg)
    if "01" in t and "02" in t:
        s1, r1 = t["01"]
        cross("fa.cross_01_02", r1["income_year"], t["02"][1]["total"][0], s1, (r1["exp_year_cell"][0], 3),
              "公开01 本年收入合计 ≠ 公开02 合计")
    if "01" in t and "03" in t:
        s1, r1 = t["01"]
        cross("fa.cross_01_03", r1["exp_year"], t["03"][1]["total"][0], s1, (r1["exp_year_cell"][1], 6),
              f"公开01 本年支出合计 {q2(r1['exp_year'])} ≠ 公开03 合计 {q2(t['03'][1]['total'][0])}")
    if "01" in t and "04" in t:
        s1, r1 = t["01"]
        inc = list(r1["income"].values())[:3]
        cross("fa.cross_01_04", inc, t["04"][1]["income"], s1, (7, 3), "公开01 财政拨款收入 ≠ 公开04")
    if "04" in t and "05" in t:
        cross("fa.cross_04_05", t["04"][1]["exp"][0], t["05"][1]["total"][0], t["04"][0], (7, 7), "04 一般公共 ≠ 05 合计")
    if "04" in t and "08" in t:
        cross("fa.cross_04_08", t["04"][1]["exp"][1], t["08"][1]["total"][2], t["04"][0], (7, 8), "04 基金 ≠ 08")
    if "04" in t and "09" in t:
        cross("fa.cross_04_09", t["04"][1]["exp"][2], t["09"][1]["total"][2], t["04"][0], (7, 9), "04 国资 ≠ 09")
    if "05" in t and "06" in t:
        r6 = t["06"][1]
        cross("fa.cross_05_06", t["05"][1]["total"][1], r6["personnel"] + r6["public_use"], t["05"][0], (7, 4),
              "05 基本支出 ≠ 06 人员 + 公用")
    if "06" in t and "07" in t:
        cross("fa.cross_07_06", t["07"][1]["actual"]["reception"], t["06"][1]["items"].get("30217", D(0)), t["07"][0],
              (8, 12), "07 公务接待 ≠ 06 30217")
    return {k: v[1] for k, v in t.items()}


# ------------------------------------------------------------------------------------------------
def inspect(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = Findings()
    sheets = [Sheet(ws) for ws in wb.worksheets]
    rec = {"projects": {}, "summary": None, "s4": None, "s4_details": {}, "a2": None, "dept": None, "fa": None}
    for s in sheets:
        if s.first(lambda t: t == "序号") and s.first(lambda t: t == "合计"):
            rec["summary"] = read_summary(s, out)
        elif s.first(lambda t: t == "年度主要任务"):
            rec["dept"] = read_dept(s, out)
        elif is_project(s):
            p = read_project(s, out)
            rec["projects"][s.title] = p
        elif s.first(lambda t: t == "评价项目"):
            rec["s4"] = read_s4_overall(s, out)
            rec["s4_details"].update(read_s4_details(s, out))
        elif s.first(lambda t: t == "绩效分值"):
            rec["s4_details"].update(read_s4_details(s, out))
        elif s.first(lambda t: t == "评分标准"):
            rec["a2"] = read_a2(s, out)
    if rec["summary"]:
        by_name = {p["name"]: (t, p) for t, p in rec["projects"].items()}
        for row in rec["summary"]["rows"]:
            if row["name"] in by_name:
                _, p = by_name[row["name"]]
                assert (row["budget"], row["executed"], row["score"]) == (p["budget"], p["executed"], p["total"]), row
    if any(fa_kind(s) for s in sheets):
        rec["fa"] = read_final_accounts(sheets, out)
    rec["hidden"] = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    return rec, out


def cell_values(path, data_only):
    wb = openpyxl.load_workbook(path, data_only=data_only)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None}


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return D(repr(float(a))) == D(repr(float(b)))
    return a == b


def check_producers(name):
    """Formulas recalculated by LibreOffice; typed cells identical in both producers."""
    opx_f = cell_values(os.path.join(OPX, name), False)
    lo_v = cell_values(os.path.join(LO, name), True)
    lo_f = cell_values(os.path.join(LO, name), False)
    nform = 0
    for k, v in opx_f.items():
        if isinstance(v, str) and v.startswith("="):
            nform += 1
            assert isinstance(lo_f.get(k), str) and lo_f[k].startswith("="), (name, k, "formula lost")
            assert lo_v.get(k) is not None, (name, k, "no cached value from LibreOffice")
        else:
            assert same(lo_v.get(k), v), (name, k, v, lo_v.get(k))
    extra = [k for k in lo_v if k not in opx_f]
    assert not extra, (name, extra[:5])
    return nform


def eq(a, b, what):
    assert D(str(a)) == D(str(b)), f"{what}: {a} ≠ {b}"


def pct(x, y):
    return q2(D(x) / D(y) * 100)


def assert_seed_figures(name, rec):
    """The numbers of the seeds, recomputed from the cells."""
    P = rec["projects"]
    for p in P.values():
        if p["name"] == "机关建设及日常保障经费":
            eq(p["budget"], "40.00", "P1 budget"); eq(p["executed"], "39.96", "P1 executed")
            eq(pct(p["executed"], p["budget"]), "99.90", "P1 rate"); eq(p["fund_score"], "19.98", "P1 fund")
            eq(p["goal"], 18, "P1 goal"); assert p["ind_scores"] == [15, 15, 15, 8], p["ind_scores"]
            assert sum(p["ind_weights"]) == 60
            eq(p["total"], "90.98", "P1 total"); assert p["grade"] == "优"
        elif p["name"] == "打击欺诈骗取医保基金专项经费":
            eq(p["budget"], "27.56", "P2 budget"); eq(p["executed"], "27.34", "P2 executed")
            eq(pct(p["executed"], p["budget"]), "99.20", "P2 rate"); eq(p["fund_score"], "19.84", "P2 fund")
            eq(p["goal"], 18, "P2 goal"); eq(sum(p["ind_scores"]), 55, "P2 indicators")
            assert sum(p["ind_weights"]) == 60
            eq(p["total"], "92.84", "P2 total"); assert p["grade"] == "优"
        elif p["name"] == "业务运行费及追加工作经费":        # seed 000, national format (scores INVENTED)
            eq(p["initial"], "180.00", "N0 年初预算数"); eq(p["budget"], "215.11", "N0 budget")
            eq(p["executed"], "215.11", "N0 executed"); eq(pct(p["executed"], p["budget"]), "100.00", "N0 rate")
            eq(p["weight"], 10, "N0 fund weight"); eq(p["fund_score"], 10, "N0 fund")
            assert p["goal"] is None and p["grade"] is None, p
            g = p["groups"]
            assert list(g) == ["产出指标", "效益指标", "满意度指标"], list(g)
            for k, w, s_ in (("产出指标", 50, "49.25"), ("效益指标", 30, 29), ("满意度指标", 10, 10)):
                eq(g[k]["weight"], w, k); eq(g[k]["score"], s_, k)
            assert len(p["ind_scores"]) == 10
            eq(sum(p["ind_scores"]), "88.25", "N0 indicators"); eq(p["total"], "98.25", "N0 total")
            assert grade_of(p["total"]) == "优"
    if rec["summary"]:
        eq(rec["summary"]["total"]["budget"], "67.56", "汇总 budget"); eq(rec["summary"]["total"]["executed"], "67.30", "汇总 exec")
    if rec["s4"]:
        g = rec["s4"]["groups"]
        for k, w, s_, r in (("决策指标", 23, "17.03", "74.04"), ("过程指标", 17, "16", "94.12"),
                            ("产出指标", 40, "36.80", "92.00"), ("效益指标", 20, "18.74", "93.70")):
            eq(g[k]["weight"], w, k); eq(g[k]["score"], s_, k); eq(q2(g[k]["rate"] * 100), r, k + " 得分率")
        eq(rec["s4"]["total"], "88.57", "004 total"); assert rec["s4"]["grade"] == "良"
    if rec["s4_details"]:
        d = rec["s4_details"]
        for k, w, s_, n in (("决策", 23, "17.03", 6), ("过程", 17, "16", 8), ("产出", 40, "36.80", 11), ("效益", 20, "18.74", 3)):
            eq(d[k]["weight"], w, k); eq(d[k]["score"], s_, k); assert d[k]["n"] == n, (k, d[k])
    if rec["a2"]:
        g = rec["a2"]["groups"]
        for k, w, s_ in (("项目决策", 18, 18), ("过程管理", 22, 22), ("项目产出", 50, 48), ("项目效益", 10, 10)):
            eq(g[k]["weight"], w, k); eq(g[k]["score"], s_, k)
        eq(rec["a2"]["total_weight"], 100, "附件2 Σ分值"); eq(rec["a2"]["total_score"], 98, "附件2 得分")
        assert rec["a2"]["items"] == 31
    if rec["dept"]:
        d = rec["dept"]
        eq(d["budget"], "6560.14", "整体表 A"); eq(d["executed"], "6560.14", "整体表 B"); eq(d["rate"], 1, "执行率")
        eq(d["fund"], 10, "执行得分"); eq(d["ind"], 90, "指标"); eq(d["total"], 100, "总分"); assert d["n"] == 9
    fa = rec["fa"]
    if fa:
        year = 2021 if "2021" in name else 2022
        if year == 2022:
            if "01" in fa:
                t = fa["01"]
                eq(t["total"], "3555.82", "收支总计"); eq(t["income_year"], "3555.82", "本年收入")
                inc = t["income"]
                eq(inc["一般公共预算财政拨款收入"], "3429.91", "一般公共"); eq(inc["政府性基金预算财政拨款收入"], "125.91", "基金")
                eq(pct(inc["一般公共预算财政拨款收入"], t["income_year"]), "96.46", "一般公共 占比")
                eq(pct(inc["政府性基金预算财政拨款收入"], t["income_year"]), "3.54", "基金 占比")
            if "03" in fa:
                tot = fa["03"]["total"]
                eq(tot[1], "392.51", "基本支出"); eq(tot[2], "3163.31", "项目支出")
                eq(pct(tot[1], tot[0]), "11.04", "基本 占比"); eq(pct(tot[2], tot[0]), "88.96", "项目 占比")
            if "05" in fa:
                t5 = fa["05"]
                eq(t5["total"][0], "3429.91", "05 合计")
                for code, amt, share in (("208", "37.51", "1.09"), ("210", "2681.68", "78.19"), ("221", "21.15", "0.62"),
                                         ("213", "689.57", "20.10")):
                    eq(t5["rows"][code][0], amt, code); eq(pct(t5["rows"][code][0], t5["total"][0]), share, code + " 占比")
                for code, amt in (("2080199", "9.3"), ("2080505", "28.21"), ("2101101", "11.85"), ("2101102", "2.25"),
                                  ("2101301", "2299.53"), ("2101501", "274.45"), ("2101550", "54.60"), ("2101599", "39.00"),
                                  ("2130506", "689.57"), ("2210201", "21.15")):
                    eq(t5["rows"][code][0], amt, code)
                eq(t5["total"][1], "392.51", "05 基本")
            if "06" in fa:
                eq(fa["06"]["personnel"], "345.91", "人员经费"); eq(fa["06"]["public_use"], "46.60", "公用经费")
            if "07" in fa:
                a = fa["07"]["actual"]
                eq(a["total"], "1.50", "三公"); eq(a["reception"], "1.50", "接待"); eq(fa["07"]["budget"]["total"], "1.50", "三公预算")
            if "08" in fa:
                eq(fa["08"]["total"][1], "125.91", "08 收入"); eq(fa["08"]["total"][2], "125.91", "08 支出")
            if "09" in fa:
                assert fa["09"]["empty"] and fa["09"]["note"]
        else:
            eq(fa["01"]["total"], "4024.76", "2021 收支总计"); eq(fa["05"]["total"][0], "3857.99", "2021 一般公共")
            eq(fa["07"]["actual"]["total"], "2.85", "2021 三公"); eq(fa["06"]["public_use"], "53.70", "2021 机关运行经费")
            assert fa["09"]["empty"] and fa["09"]["note"]


def assert_yoy(r22, r21):
    """Seed 001 第二部分: every comparison with 2021 follows from the two workbooks."""
    a, b = r22["fa"], r21["fa"]
    eq(b["01"]["total"] - a["01"]["total"], "468.94", "收支总计 减少"); eq(pct(b["01"]["total"] - a["01"]["total"], b["01"]["total"]), "11.65", "下降%")
    eq(b["05"]["total"][0] - a["05"]["total"][0], "428.08", "一般公共 减少")
    eq(pct(b["05"]["total"][0] - a["05"]["total"][0], b["05"]["total"][0]), "11.10", "一般公共 下降%")
    eq(a["03"]["total"][1] - b["03"]["total"][1], "33.93", "基本支出 增加")
    eq(b["03"]["total"][2] - a["03"]["total"][2], "502.87", "项目支出 减少")
    eq(b["05"]["total"][2] - a["05"]["total"][2], "462.01", "一般公共 项目支出 减少")
    jz = lambda r: r["03"]["rows"]["2101301"][0] + r["03"]["rows"]["2296013"][0]
    eq(jz(b) - jz(a), "399.44", "城乡居民医疗救助 减少")
    eq(b["05"]["rows"]["2101301"][0] - a["05"]["rows"]["2101301"][0], "358.58", "医疗救助(一般公共) 减少")
    dj = lambda r: r["05"]["rows"].get("2130506", [D(0)])[0] + r["05"]["rows"].get("2082702", [D(0)])[0]
    eq(dj(b) - dj(a), "103.43", "代缴 减少")
    s22, s21 = a["07"]["actual"]["total"], b["07"]["actual"]["total"]
    eq(s21 - s22, "1.35", "三公 减少"); eq(pct(s21 - s22, s21), "47.37", "三公 下降%")
    eq(b["06"]["public_use"] - a["06"]["public_use"], "7.10", "机关运行经费 减少")
    eq(pct(b["06"]["public_use"] - a["06"]["public_use"], b["06"]["public_use"]), "13.22", "机关运行经费 下降%")


def key(f):
    return (f["rule"], f["sheet"], f["cell"])


def main():
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        man = json.load(fh)
    names = [e["file"] for e in man["clean"]] + [v["file"] for v in man["variants"]] + [e["file"] for e in man["layouts"]]
    on_disk = sorted(n for n in os.listdir(OPX) if n.endswith(".xlsx"))
    assert sorted(names) == on_disk, set(names) ^ set(on_disk)
    assert sorted(os.listdir(LO)) == on_disk
    recs = {}
    nform = 0
    for n in names:
        nform += check_producers(n)
        rec, out = inspect(os.path.join(LO, n))
        recs[n] = (rec, out)
    # clean files: no findings, seed figures
    for e in man["clean"]:
        rec, out = recs[e["file"]]
        assert not out, (e["file"], out)
        assert_seed_figures(e["file"], rec)
        assert all(sh["name"] in rec["projects"] for sh in e["sheets"] if sh["kind"] == "project_selfeval"), e["file"]
    assert_yoy(recs["001_剑阁县医保局_2022_部门决算公开九表.xlsx"][0], recs["001_剑阁县医保局_2021_部门决算公开九表.xlsx"][0])
    # seed 001's own cross-document slip: the 整体表 claims 6560.14 executed, the 决算 totals 3555.82
    zt = recs["001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx"][0]["dept"]["executed"]
    assert zt != recs["001_剑阁县医保局_2022_部门决算公开九表.xlsx"][0]["fa"]["01"]["total"]
    # variants: one changed cell, the listed findings and nothing else
    for v in man["variants"]:
        a = cell_values(os.path.join(OPX, v["base"]), False)
        b = cell_values(os.path.join(OPX, v["file"]), False)
        diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
        assert diff == [(v["change"]["sheet"], v["change"]["cell"])], (v["file"], diff)
        _, out = recs[v["file"]]
        got = sorted(key(f) for f in out)
        want = sorted(key(f) for f in v["findings"])
        assert got == want, (v["file"], got, want)
        print(f"  {v['file']}: {len(out)} finding(s): " + "; ".join(f"{f['cell']} {f['message']}" for f in out))
    # layouts: the clean figures, findings only where expected
    for e in man["layouts"]:
        rec, out = recs[e["file"]]
        got = sorted(key(f) + (f["severity"],) for f in out)
        want = sorted(key(f) + (f["severity"],) for f in e.get("findings", []))
        assert got == want, (e["file"], got, want)
        assert_seed_figures(e["file"], rec)
        assert all(sh["name"] in rec["projects"] for sh in e["sheets"] if sh["kind"] == "project_selfeval"), e["file"]
        if e["file"].startswith("layout05"):
            assert rec["hidden"] == ["下拉选项"]
    lay7 = recs["layout07_指标体系_分页重复表头.xlsx"][1]
    print(f"  layout07: " + "; ".join(f"{f['severity']} {f['cell']} {f['message']}" for f in lay7))
    print(f"{len(names)} workbooks × 2 producers checked, {nform} formulas recalculated by LibreOffice")
    if "--lo-csv" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            for d in (OPX, LO):
                for n in names:
                    r = subprocess.run([LO_CSV, os.path.join(d, n), os.path.join(tmp, os.path.basename(d))],
                                       capture_output=True, text=True)
                    assert r.returncode == 0 and r.stdout.strip(), (d, n, r.stderr)
            print(f"lo-csv.sh opened all {2 * len(names)} files")


if __name__ == "__main__":
    main()
