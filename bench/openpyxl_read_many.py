#!/usr/bin/python3
"""The floor of a checker written with openpyxl: every cell value of every sheet of every workbook
given, read-only, in one process (no recognition, no rules). Usage: openpyxl_read_many.py FILE..."""
import sys

from openpyxl import load_workbook

cells = 0
for path in sys.argv[1:]:
    wb = load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(v is not None for v in row)
    wb.close()
print(cells)
