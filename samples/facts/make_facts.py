#!/usr/bin/python3
"""Builds the 决算说明补充信息 sample of seed 001 (剑阁县医疗保障局 2022): the reasons and facts its 第二部分
states that the nine tables do not hold, taken word for word from the seed (一, 四, 五(一), 七(一), 十(一)–(四)).
openpyxl writes it; LibreOffice re-saves it as a second producer when soffice is installed.
Run: /usr/bin/python3 samples/facts/make_facts.py"""
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

OUT = os.path.dirname(os.path.abspath(__file__))
NAME = "001_剑阁县医保局_2022_决算说明补充信息.xlsx"
FACTS = [
    ("收支总计变动原因", "1、单位职工增加2人，基本支出增加33.93万元；2、项目支出减少502.87万元，其中:城乡居民医疗救助资金减少"
                  "399.44万元、困难群众社会保险个人缴费财政代缴经费减少103.43万元。"),
    ("财政拨款收支总计变动原因", "1、单位职工增加2人，基本支出增加33.93万元；2、项目支出减少502.87万元，其中:城乡居民医疗救助资金"
                      "减少399.44万元、困难群众社会保险个人缴费财政代缴经费减少103.43万元。"),
    ("一般公共预算财政拨款支出变动原因", "1、单位职工增加2人，基本支出增加33.93万元；2、项目支出减少462.01万元，其中:城乡居民医疗"
                          "救助资金减少358.58万元、困难群众社会保险个人缴费财政代缴经费减少103.43万元。"),
    ("三公经费变动原因", "2022年压缩“三公”经费财政拨款支出。"),
    ("机关运行经费", "46.60"),
    ("上年机关运行经费", "53.70"),
    ("机关运行经费变动原因", "压缩办公经费，培训费、公务接待费、基金监管费等费用的减少"),
    ("政府采购支出总额", "0"),
    ("政府采购货物支出", "0"),
    ("政府采购工程支出", "0"),
    ("政府采购服务支出", "0"),
    ("车辆总数", "0"),
    ("预算绩效管理情况", "根据预算绩效管理要求，本单位在2022年度预算编制阶段开展了预算事前绩效评估，对9个项目编制了绩效目标，"
                  "预算执行过程中，选取9个项目开展绩效监控。"),
]


def main():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "补充信息"
    ws["A1"] = "2022年度部门决算情况说明补充信息"
    ws["A1"].font = Font(name="黑体", size=14)
    ws["A2"] = "部门：剑阁县医疗保障局"
    ws["A3"], ws["B3"] = "事项", "内容"
    for r, (k, v) in enumerate(FACTS, start=4):
        ws.cell(r, 1, k)
        ws.cell(r, 2, v).alignment = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    os.makedirs(os.path.join(OUT, "openpyxl"), exist_ok=True)
    path = os.path.join(OUT, "openpyxl", NAME)
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items:
            info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    if shutil.which("soffice"):
        lo = os.path.join(OUT, "libreoffice")
        os.makedirs(lo, exist_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, path], check=True, capture_output=True)
    print(path)


if __name__ == "__main__":
    main()
