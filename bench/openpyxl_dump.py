#!/usr/bin/python3
"""The peer: openpyxl in read-only mode writing every sheet as CSV (values, not display)."""
import csv
import sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1], read_only=True, data_only=True)
w = csv.writer(sys.stdout, lineterminator="\n")
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        w.writerow(["" if v is None else v for v in row])
