#!/usr/bin/python3
"""`jixiao fill` of a long list, checked from outside: the inputs are bench/make_fill.py's (a list row of
8 columns with a formula per row and a SUM under the list), the output is read back by openpyxl
(python3-openpyxl), an independent reader.

  rows       a 20,000-row fill has 20,000 list rows between the header and the total, the first and
             the last hold the first and the last element of the data (text, numbers, 序号, the row
             formula and its value), and the total's SUM covers the whole list with the right value.
  memory     the peak memory of the fill grows by less than 1 KiB per list row between 5,000 and
             40,000 rows (the rows are written as they are made; before, every cell and the whole
             sheet XML were held: about 2 KiB per row).

Usage: fill_long_list_check.py rows|memory JIXIAO SOURCE_DIR SCRATCH_DIR"""

import json
import resource
import subprocess
import sys
from pathlib import Path

import openpyxl

mode, jixiao, source, scratch = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
scratch.mkdir(parents=True, exist_ok=True)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def inputs(n):
    d = scratch / f"list-{n}"
    if not (d / "fill-data.json").exists():
        subprocess.run([sys.executable, str(source / "bench" / "make_fill.py"), str(d), str(n)], check=True)
    return d


def fill(d):
    out = d / "out.xlsx"
    if out.exists():
        out.unlink()
    r = subprocess.run([jixiao, "-q", "fill", str(d / "fill-template.xlsx"), str(d / "fill-data.json"), "-o", str(out)],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"{d.name}: exit {r.returncode} {r.stderr}")
    return out


def peak_kib(d):
    """Peak resident memory of one fill, in KiB, measured in a child of its own."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = d / "out.xlsx"
    r = subprocess.run([sys.executable, "-c", probe, jixiao, "-q", "fill", str(d / "fill-template.xlsx"),
                        str(d / "fill-data.json"), "-o", str(out)], capture_output=True, text=True, check=True)
    return int(r.stdout.strip())


if mode == "rows":
    n = 20000
    d = inputs(n)
    data = json.loads((d / "fill-data.json").read_text(encoding="utf-8"))
    rows = data["rows"]
    out = fill(d)
    values = openpyxl.load_workbook(out, read_only=True, data_only=True)["清单"]
    got = [list(r) for r in values.iter_rows(values_only=True)]
    check(len(got) == 2 + n + 1, f"{len(got)} rows, expected {2 + n + 1}")
    check(got[0][0] == data["title"], f"A1 {got[0][0]!r}")
    for at, i in ((2, 0), (2 + n - 1, n - 1)):
        row, item = got[at], rows[i]
        want = [i + 1, item["code"], item["name"], item["unit"], item["qty"], item["price"]]
        check(row[:6] == want, f"row {at + 1}: {row[:6]!r}, expected {want!r}")
        check(abs(row[6] - item["qty"] * item["price"]) < 1e-6, f"G{at + 1} {row[6]!r}")
        check(row[7] == item["note"], f"H{at + 1} {row[7]!r}")
    total = sum(r["qty"] * r["price"] for r in rows)
    check(got[-1][0] == "合计", f"A{n + 3} {got[-1][0]!r}")
    check(abs(got[-1][6] - total) < 1e-3, f"G{n + 3} {got[-1][6]!r}, expected {total}")
    formulas = openpyxl.load_workbook(out, read_only=True)["清单"]
    f = {r[0].coordinate: r[0].value for r in formulas.iter_rows(min_col=7, max_col=7, min_row=3) if r[0].value}
    check(f.get("G3") == "=E3*F3", f"G3 {f.get('G3')!r}")
    check(f.get(f"G{n + 2}") == f"=E{n + 2}*F{n + 2}", f"G{n + 2} {f.get(f'G{n + 2}')!r}")
    check(f.get(f"G{n + 3}") == f"=SUM(G3:G{n + 2})", f"G{n + 3} {f.get(f'G{n + 3}')!r}")
elif mode == "memory":
    small, large = 5000, 40000
    a, b = peak_kib(inputs(small)), peak_kib(inputs(large))
    per_row = (b - a) * 1024 / (large - small)
    print(f"peak {a} KiB at {small} rows, {b} KiB at {large} rows: {per_row:.0f} bytes per row")
    check(per_row < 1024, f"memory grows by {per_row:.0f} bytes per row (limit 1024)")
else:
    sys.exit(f"unknown mode {mode}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
