#!/usr/bin/python3
"""An independent reader of `jixiao convert` output: openpyxl (python3-openpyxl) loads each shipped
template filled from the samples and sees the seed's figures in the cells, numbers as numbers, and
the SUM under the 汇总 list with its cached value (openpyxl data_only reads what was cached).
Usage: convert_openpyxl_check.py JIXIAO SAMPLES_DIR SCRATCH_DIR"""

import subprocess
import sys
from pathlib import Path

import openpyxl

jixiao, samples, scratch = sys.argv[1], Path(sys.argv[2]) / "openpyxl", Path(sys.argv[3])
scratch.mkdir(parents=True, exist_ok=True)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def convert(inputs, to, name):
    out = scratch / (name + ".xlsx")
    if out.exists():
        out.unlink()
    r = subprocess.run([jixiao, "-q", "convert", *[str(samples / i) for i in inputs], "--to", to, "-o", str(out)],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"convert {to}: exit {r.returncode} {r.stderr}")
    return out


def cells(path):
    """Every non-empty cell value, by sheet, as openpyxl reads it (cached values for formulas)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: [c.value for row in ws.iter_rows() for c in row if c.value is not None] for ws in wb.worksheets}


# seed 003 附件1.1 as the national table: 10 × 39.96 / 40 = 9.99; total 89.49
p = cells(convert(["003_附件1.1_机关建设及日常保障经费.xlsx"], "national-project", "project"))["项目支出绩效自评表"]
check(40 in p and 39.96 in p and 9.99 in p and 89.49 in p, f"national-project values: {p}")
check("机关建设及日常保障经费" in p, "national-project name")
check(not any(isinstance(v, str) and "{{" in v for v in p), "national-project: a tag left in a cell")
check(100 in p, "national-project: 总分 分值 =H6+SUM(G…) cached as 100")

# seed 001 整体表
d = cells(convert(["001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx"], "national-dept", "dept"))
d = d["部门整体支出绩效自评表"]
check(6560.14 in d and "剑阁县医疗保障局" in d, f"national-dept values: {d[:20]}")

# seed 003 二: 40.00 + 27.56 = 67.56, 39.96 + 27.34 = 67.30 (cached SUMs)
s = cells(convert(["003_附件1.1_机关建设及日常保障经费.xlsx", "003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx"], "summary",
                  "summary"))["自评结果汇总表"]
check(67.56 in s and 67.3 in s, f"summary SUMs: {s}")
check(90.98 in s and 92.84 in s, "summary scores")

# seed 001 2022 决算: 3555.82 收支总计, 3429.91 一般公共预算, 392.51 基本支出, 1.50 三公
fa = cells(convert([f.name for f in sorted(samples.glob("001_2022_公开0*.xlsx"))], "final-accounts", "fa"))
check(len(fa) == 9, f"final-accounts sheets: {list(fa)}")
flat = [v for vs in fa.values() for v in vs]
for v in (3555.82, 3429.91, 392.51, 1.5, 125.91):
    check(v in flat, f"final-accounts: {v} missing")
check(not any(isinstance(v, str) and "{{" in v for v in flat), "final-accounts: a tag left in a cell")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("openpyxl read every converted workbook")
