"""The tables a report page publishes, as .xlsx (openpyxl): the same grid as the report's Word table, numbers
as numbers, text (including "86%" and a truncated last cell) as the page has it, merges kept."""
import re

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
NUM = re.compile(r"^-?\d+(\.\d+)?$")


def write_xlsx(path, sheet, head_lines, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = re.sub(r"[][:*?/\\]", "", sheet)[:31]
    ncol = max(len(r) for r in rows)
    r0 = 1
    for line in head_lines:
        ws.cell(r0, 1, line).font = Font(name="宋体", size=12, bold=(r0 == 1))
        ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=ncol)
        ws.cell(r0, 1).alignment = Alignment(horizontal="center")
        r0 += 1
    for i, row in enumerate(rows):
        r = r0 + i
        c = 0
        while c < ncol:
            val = row[c] if c < len(row) else ""
            span = c
            while span + 1 < len(row) and row[span + 1] == "<":
                span += 1
            cell = ws.cell(r, c + 1)
            if val != "":
                if NUM.match(val):
                    cell.value = int(val) if "." not in val else float(val)
                    cell.number_format = "General"
                else:
                    cell.value = val
            cell.font = FONT
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            for cc in range(c, span + 1):
                ws.cell(r, cc + 1).border = BORDER
            if span > c:
                ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=span + 1)
            c = span + 1
    for c in range(1, ncol + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14
    wb.properties.creator = "jixiao samples/reports"
    wb.save(path)
