#!/usr/bin/python3
"""Opens jixiao's annotated copies with openpyxl (a second, independent XLSX reader) and checks them
against samples/manifest.json: for every injected mistake, each expected finding's cell carries a note
naming the finding's rule and the light red fill, the first sheet is 核查结果 with a link to the cell,
and with --fix the cell holds the manifest's expected value.

usage: check_annotated_openpyxl.py JIXIAO SAMPLES_DIR SCRATCH_DIR
Run by ctest (tests/CMakeLists.txt); needs python3-openpyxl (scripts/common.sh).
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed", file=sys.stderr)
    sys.exit(77)

FILL = "FFFFC7CE"


def quote(sheet):
    return "'" + sheet.replace("'", "''") + "'"


def same_value(got, want):
    if isinstance(want, str):
        return got == want
    return isinstance(got, (int, float)) and abs(got - want) < 1e-9


def main():
    jixiao, samples, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    shutil.rmtree(scratch, ignore_errors=True)
    manifest = json.loads((samples / "manifest.json").read_text(encoding="utf-8"))
    failures = []
    checked = 0

    def expect(ok, what):
        if not ok:
            failures.append(what)

    for producer in ("openpyxl", "libreoffice"):
        for variant in manifest["variants"]:
            src = samples / producer / variant["file"]
            for fix in (False, True):
                out_dir = scratch / producer / ("fixed" if fix else "marked")
                args = [jixiao, "-q", "check", str(src), "-o", str(out_dir)] + (["--fix"] if fix else [])
                run = subprocess.run(args, capture_output=True, text=True)
                where = f"{producer}/{variant['file']}{' --fix' if fix else ''}"
                out = out_dir / variant["file"]
                if run.returncode not in (0, 1) or not out.exists():
                    failures.append(f"{where}: jixiao exited {run.returncode}: {run.stderr.strip()}")
                    continue
                wb = openpyxl.load_workbook(out)
                expect(wb.sheetnames[0] == "核查结果", f"{where}: first sheet is {wb.sheetnames[0]}")
                summary = wb.worksheets[0]
                locations = {c.hyperlink.location for row in summary.iter_rows() for c in row if c.hyperlink}
                listed = {(row[1], row[2], row[3]) for row in summary.iter_rows(min_row=2, values_only=True)}
                fixed_cells = set()
                for f in variant["findings"]:
                    cell = wb[f["sheet"]][f["cell"]]
                    key = (f["sheet"], f["cell"])
                    checked += 1
                    # The rules' messages are the product's own wording (the manifest's are the sample
                    # checker's); the rule id and the severity word are common to both.
                    word = {"error": "错误", "warning": "警告", "info": "提示"}[f["severity"]]
                    expect(cell.comment is not None and f"【{word}】{f['rule']}：" in cell.comment.text,
                           f"{where}: {f['cell']} note {cell.comment.text if cell.comment else None!r}")
                    expect(cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == FILL,
                           f"{where}: {f['cell']} fill {cell.fill.fill_type} {cell.fill.fgColor.rgb}")
                    expect(quote(f["sheet"]) + "!" + f["cell"] in locations,
                           f"{where}: no link to {f['cell']} in {sorted(locations)}")
                    expect((f["sheet"], f["cell"], f["rule"]) in listed, f"{where}: 核查结果 lacks {f['rule']} {f['cell']}")
                    if fix and key not in fixed_cells:
                        # The expected value, or -- when it rested on another wrong cell (err02: the
                        # total recomputed from the wrong fund score) -- the submitted one, said so.
                        fixed_cells.add(key)
                        kept = same_value(cell.value, f["found"]) and "未改动" in (cell.comment.text if cell.comment else "")
                        expect(same_value(cell.value, f["expected"]) or kept,
                               f"{where}: {f['cell']} = {cell.value!r}, expected {f['expected']!r}")
                    if not fix and cell.data_type != "f":
                        expect(same_value(cell.value, f["found"]),
                               f"{where}: {f['cell']} = {cell.value!r}, submitted {f['found']!r}")
    for line in failures:
        print(line)
    print(f"{checked} marked cells checked, {len(failures)} failures")
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
