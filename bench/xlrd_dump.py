#!/usr/bin/python3
"""The peer for bench/xls_read.sh: xlrd (python3-xlrd) reads every cell of every sheet of an .xls,
with formatting info (needed to tell dates from numbers), and writes them as CSV to stdout."""
import csv
import sys

import xlrd

book = xlrd.open_workbook(sys.argv[1], formatting_info=True)
out = csv.writer(sys.stdout)
for sheet in book.sheets():
    for r in range(sheet.nrows):
        out.writerow(sheet.row_values(r))
