#!/usr/bin/python3
"""Builds the shipped DOCX templates (templates/docx/*.docx) with python-docx.

Figures 图1–图7 are native charts (templates/docx_charts.py), each under its section with its
caption below.

Typography after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm; title 方正小标宋简体 2号
(22 pt) centred; body 仿宋_GB2312 3号 (16 pt), fixed 28 pt lines, two-character first-line indent;
level-1 headings 黑体 3号, level-2 楷体_GB2312 3号. Machines without these fonts (LibreOffice on Debian
with fonts-noto-cjk) substitute a CJK serif or sans; the font table names the substitutes (w:altName).

The tags read the data tree of writers/report_data.h. Run:
    /usr/bin/python3 templates/make_docx_templates.py     (needs python3-docx)
Do not edit the .docx by hand: change this script, rerun it, render a sample and look at the pages.
"""
import os
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from docx_charts import add_chart

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docx")

TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"


def set_font(style_or_run, east_asia, size=None, bold=None):
    f = style_or_run.font
    f.name = "Times New Roman"
    if size:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)


def setup(d):
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    styles = d.styles
    normal = styles["Normal"]
    set_font(normal, BODY_FONT, 16)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    pf.first_line_indent = Pt(32)
    pf.space_before = pf.space_after = Pt(0)
    for name, font in (("Heading 1", H1_FONT), ("Heading 2", H2_FONT)):
        st = styles[name]
        set_font(st, font, 16, bold=False)
        st.font.color.rgb = None
        st.paragraph_format.first_line_indent = Pt(32)
        st.paragraph_format.space_before = st.paragraph_format.space_after = Pt(0)
        st.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        st.paragraph_format.line_spacing = Pt(28)
    title = styles["Title"]
    set_font(title, TITLE_FONT, 22, bold=False)
    title.font.color.rgb = None
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(28)
    # the title style of python-docx's default template draws a border under the title: not in GB/T 9704
    ppr = title.element.get_or_add_pPr()
    for b in ppr.findall(qn("w:pBdr")):
        ppr.remove(b)


def font_substitutes(path):
    """Adds w:altName to the fonts the styles name, for machines that lack them."""
    alt = {TITLE_FONT: "Noto Serif CJK SC", BODY_FONT: "Noto Serif CJK SC", H1_FONT: "Noto Sans CJK SC",
           H2_FONT: "Noto Serif CJK SC"}
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in items:
        if name == "word/fontTable.xml":
            text = data.decode("utf-8")
            extra = "".join(f'<w:font w:name="{k}"><w:altName w:val="{v}"/><w:charset w:val="86"/></w:font>'
                            for k, v in alt.items())
            text = text.replace("</w:fonts>", extra + "</w:fonts>")
            data = text.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# The figures of 第二部分 (writers/report_data.h figures.figN): kind, caption, placeholder categories and series.
# The placeholder numbers only show the template's look; rendering replaces them.
FIGURES = {
    1: ("column", "收、支决算总计变动情况", ["收入总计", "支出总计"], [("上年", ["100", "100"]), ("本年", ["80", "80"])]),
    2: ("pie", "收入决算结构", ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入"], [("本年", ["90", "10"])]),
    3: ("pie", "支出决算结构", ["基本支出", "项目支出"], [("本年", ["20", "80"])]),
    4: ("column", "财政拨款收、支决算总计变动情况", ["财政拨款收入总计", "财政拨款支出总计"],
        [("上年", ["100", "100"]), ("本年", ["80", "80"])]),
    5: ("column", "一般公共预算财政拨款支出决算变动情况", ["一般公共预算财政拨款支出"], [("上年", ["100"]), ("本年", ["80"])]),
    6: ("pie", "一般公共预算财政拨款支出决算结构", ["社会保障和就业支出", "卫生健康支出", "农林水支出"],
        [("本年", ["10", "70", "20"])]),
    7: ("column", "“三公”经费财政拨款支出结构", ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
        [("本年", ["1", "2", "3"])]),
}


def figure(d, n):
    """图n: the native chart bound to {{figures.fign}}, centred on single lines, then its caption."""
    kind, caption, categories, series = FIGURES[n]
    p = d.add_paragraph()
    pf = p.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.first_line_indent = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before = Pt(6)
    pf.keep_with_next = True
    add_chart(d, p, n, "{{figures.fig%d}}" % n, kind, caption, categories, series)
    c = d.add_paragraph("图%d：%s" % (n, caption))
    c.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    c.paragraph_format.first_line_indent = Pt(0)


def final_accounts_report():
    d = docx.Document()
    setup(d)
    P = d.add_paragraph
    H1 = lambda t: d.add_paragraph(t, style="Heading 1")
    H2 = lambda t: d.add_paragraph(t, style="Heading 2")
    d.add_paragraph("{{department}}{{year}}年度部门决算情况说明", style="Title")

    chg = lambda k, what: ("{{?%s.prior}}与{{prior_year}}年{{%s.prior | fixed:2}}万元相比，%s{{%s.change | dir:增加,减少,持平}}"
                           "{{%s.change | abs | fixed:2}}万元，{{%s.rate | dir:增长,下降,持平}}{{%s.rate | abs | pct:2}}。"
                           "{{/%s.prior}}" % (k, k, what, k, k, k, k, k))
    H1("一、收入支出决算总体情况说明")
    P("{{year}}年度收、支总计{{total.amount | fixed:2}}万元。" + chg("total", "收、支总计各") +
      "主要变动原因是：{{reasons.total | placeholder:【请补充收、支总计变动原因】}}")
    figure(d, 1)
    H1("二、收入决算情况说明")
    P("{{year}}年本年收入合计{{income.total | fixed:2}}万元，其中：{{#income.items}}{{label}}{{amount | fixed:2}}万元，"
      "占{{share | pct:2 | default:0%}}{{sep}}{{/income.items}}")
    figure(d, 2)
    H1("三、支出决算情况说明")
    P("{{year}}年本年支出合计{{expenditure.total | fixed:2}}万元，其中：{{#expenditure.items}}{{label}}"
      "{{amount | fixed:2}}万元，占{{share | pct:2 | default:0%}}{{sep}}{{/expenditure.items}}")
    figure(d, 3)
    H1("四、财政拨款收入支出决算总体情况说明")
    P("{{year}}年财政拨款收、支总计{{fiscal.amount | fixed:2}}万元。" + chg("fiscal", "收、支总计各") +
      "主要变动原因是：{{reasons.fiscal | placeholder:【请补充财政拨款收、支总计变动原因】}}")
    figure(d, 4)
    H1("五、一般公共预算财政拨款支出决算情况说明")
    H2("（一）一般公共预算财政拨款支出决算总体情况")
    P("{{year}}年一般公共预算财政拨款支出{{general_budget.amount | fixed:2}}万元，占本年支出合计的"
      "{{general_budget.share | pct:2}}。" + chg("general_budget", "一般公共预算财政拨款支出") +
      "主要变动原因是：{{reasons.general_budget | placeholder:【请补充一般公共预算财政拨款支出变动原因】}}")
    figure(d, 5)
    H2("（二）一般公共预算财政拨款支出决算结构情况")
    P("{{year}}年一般公共预算财政拨款支出{{general_budget.amount | fixed:2}}万元，主要用于以下方面：{{#general_budget.classes}}"
      "{{name}}{{amount | fixed:2}}万元，占{{share | pct:2}}{{sep}}{{/general_budget.classes}}")
    figure(d, 6)
    H2("（三）一般公共预算财政拨款支出决算具体情况")
    P("{{year}}年一般公共预算财政拨款支出决算数为{{general_budget.amount | fixed:2}}万元。其中：")
    P("{{#general_budget.items}}")
    P("{{no}}.{{class}}（类）{{kuan}}（款）{{name}}（项）：支出决算为{{amount | fixed:2}}万元。")
    P("{{/general_budget.items}}")
    H1("六、一般公共预算财政拨款基本支出决算情况说明")
    P("{{year}}年一般公共预算财政拨款基本支出{{basic.amount | fixed:2}}万元，其中：")
    P("人员经费{{basic.personnel | fixed:2}}万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、"
      "职业年金缴费、其他社会保障缴费、其他工资福利支出、离休费、退休费、抚恤金、生活补助、医疗费补助、奖励金、住房公积金、"
      "其他对个人和家庭的补助支出等。")
    P("公用经费{{basic.public_use | fixed:2}}万元，主要包括：办公费、印刷费、咨询费、手续费、水费、电费、邮电费、取暖费、物业管理费、"
      "差旅费、因公出国（境）费用、维修（护）费、租赁费、会议费、培训费、公务接待费、劳务费、委托业务费、工会经费、福利费、"
      "公务用车运行维护费、其他交通费、税金及附加费用、其他商品和服务支出、办公设备购置、专用设备购置、信息网络及软件购置更新、"
      "其他资本性支出等。")
    H1("七、财政拨款“三公”经费支出决算情况说明")
    H2("（一）“三公”经费财政拨款支出决算总体情况说明")
    P("{{year}}年“三公”经费财政拨款支出决算为{{three_public.amount | fixed:2}}万元，完成预算{{three_public.completion | pct:2 | "
      "default:—}}{{?three_public.prior}}，较上年{{three_public.prior | fixed:2}}万元{{three_public.change | dir:增加,减少,持平}}"
      "{{three_public.change | abs | fixed:2}}万元，{{three_public.rate | dir:增长,下降,持平}}{{three_public.rate | abs | pct:2}}"
      "{{/three_public.prior}}。主要原因是：{{reasons.three_public | placeholder:【请补充“三公”经费变动原因】}}")
    H2("（二）“三公”经费财政拨款支出决算具体情况说明")
    P("{{year}}年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{{three_public.abroad | fixed:2}}万元，占"
      "{{three_public.abroad_share | pct:2 | default:0%}}；公务用车购置及运行维护费支出决算{{three_public.vehicle | fixed:2}}万元，占"
      "{{three_public.vehicle_share | pct:2 | default:0%}}；公务接待费支出决算{{three_public.reception | fixed:2}}万元，占"
      "{{three_public.reception_share | pct:2 | default:0%}}。")
    figure(d, 7)
    P("1.因公出国（境）经费支出{{three_public.abroad | fixed:2}}万元。")
    P("2.公务用车购置及运行维护费支出{{three_public.vehicle | fixed:2}}万元。其中：公务用车购置支出"
      "{{three_public.vehicle_purchase | fixed:2}}万元；公务用车运行维护费支出{{three_public.vehicle_operation | fixed:2}}万元。")
    P("3.公务接待费支出{{three_public.reception | fixed:2}}万元。国内公务接待{{three_public.reception_batches | "
      "placeholder:【批次】}}批次，{{three_public.reception_people | placeholder:【人次】}}人次（不包括陪同人员）。")
    H1("八、政府性基金预算支出决算情况说明")
    P("{{year}}年政府性基金预算财政拨款支出{{gov_fund.amount | fixed:2}}万元。")
    H1("九、国有资本经营预算支出决算情况说明")
    P("{{year}}年国有资本经营预算财政拨款支出{{state_capital.amount | fixed:2}}万元。")
    H1("十、其他重要事项的情况说明")
    H2("（一）机关运行经费支出情况")
    P("{{year}}年，全年机关运行经费支出{{other.operating_cost.amount | fixed:2 | placeholder:【请补充机关运行经费】}}万元。"
      "{{?other.operating_cost.prior}}比{{prior_year}}年{{other.operating_cost.prior | fixed:2}}万元"
      "{{other.operating_cost.change | dir:增加,减少,持平}}{{other.operating_cost.change | abs | fixed:2}}万元，"
      "{{other.operating_cost.rate | dir:增长,下降,持平}}{{other.operating_cost.rate | abs | pct:2}}，主要原因是"
      "{{other.operating_cost.reason | placeholder:【请补充变动原因】}}。{{/other.operating_cost.prior}}")
    H2("（二）政府采购支出情况")
    P("{{year}}年，政府采购支出总额{{other.procurement_total | fixed:2 | placeholder:【请补充政府采购支出总额】}}万元，"
      "其中：政府采购货物支出{{other.procurement_goods | fixed:2 | placeholder:【货物】}}万元、政府采购工程支出"
      "{{other.procurement_works | fixed:2 | placeholder:【工程】}}万元、政府采购服务支出{{other.procurement_services | fixed:2 | "
      "placeholder:【服务】}}万元。")
    H2("（三）国有资产占有使用情况")
    P("截至{{year}}年12月31日，共有车辆{{other.vehicles | placeholder:【车辆数】}}辆。")
    H2("（四）预算绩效管理情况")
    P("{{other.performance | placeholder:【请补充预算绩效管理情况】}}")
    H1("十一、名词解释")
    P("{{#glossary}}")
    P("（{{@index | cnnum}}）{{term}}：{{text | placeholder:【请补充名词解释】}}")
    P("{{/glossary}}")
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "final-accounts-report.docx")
    final_accounts_report().save(path)
    font_substitutes(path)
    print(path)


if __name__ == "__main__":
    main()
