#!/usr/bin/python3
"""Builds templates/docx/dept-report.docx, the 部门整体支出绩效自评报告 with the structure of seed 002:
一 单位情况; 二 收入支出预算执行情况分析 (执行, 结构, 三公, 财政拨款, 年末结转和结余, 绩效目标完成情况 with
the department's 整体支出绩效自评表 indicators); 三 本年度部门决算等财务工作开展情况. Figures come from the
nine 决算 tables and the department's self-evaluation; what they cannot say is a placeholder.
Typography as templates/make_docx_templates.py (GB/T 9704). Tags read writers/report_data.h
(dept_report_tree). Run: /usr/bin/python3 templates/make_dept_report_template.py (needs python3-docx)"""
import os
import sys

import docx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_docx_templates import OUT, font_substitutes, setup  # noqa: E402
from make_selfeval_templates import table  # noqa: E402


def dept_report():
    d = docx.Document()
    setup(d)
    P = d.add_paragraph
    H1 = lambda t: d.add_paragraph(t, style="Heading 1")
    H2 = lambda t: d.add_paragraph(t, style="Heading 2")
    d.add_paragraph("{{department}}{{year}}年度部门整体支出绩效自评报告", style="Title")
    H1("一、单位情况")
    H2("（一）基本情况")
    P("1.主要职能。{{facts.主要职能 | placeholder:【请补充主要职能】}}")
    P("2.机构情况，包括当年变动情况及原因。{{facts.机构情况 | placeholder:【请补充机构情况】}}")
    P("3.人员情况，包括当年变动情况及原因。{{facts.人员情况 | placeholder:【请补充人员情况】}}")
    H2("（二）当年取得的主要事业成效")
    P("{{facts.主要事业成效 | placeholder:【请补充当年取得的主要事业成效】}}")
    H1("二、收入支出预算执行情况分析")
    H2("（一）收入支出预算执行情况")
    P("{{year}}年本年收入合计{{income.total | fixed:2}}万元，本年支出合计{{expenditure.total | fixed:2}}万元。"
      "{{?total.prior}}与{{prior_year}}年相比，收、支总计{{total.change | dir:增加,减少,持平}}{{total.change | abs | fixed:2}}万元，"
      "{{total.rate | dir:增长,下降,持平}}{{total.rate | abs | pct:2}}。{{/total.prior}}"
      "{{facts.预决算差异原因 | placeholder:【请补充预、决算差异情况及原因】}}")
    H2("（二）收入支出结构分析")
    P("各项收入中，{{#income.items}}{{?amount}}{{label}}占本年收入合计的{{share | pct:2}}{{sep}}{{/amount}}{{/income.items}}"
      "各项支出中，{{#general_budget.classes}}{{name}}占一般公共预算财政拨款支出的{{share | pct:2}}{{sep}}{{/general_budget.classes}}")
    H2("（三）“三公”经费支出情况")
    P("{{year}}年“三公”经费财政拨款支出{{three_public.amount | fixed:2}}万元，完成预算的{{three_public.completion | pct:2 | "
      "default:—}}；其中因公出国（境）费{{three_public.abroad | fixed:2}}万元，公务用车购置及运行维护费"
      "{{three_public.vehicle | fixed:2}}万元，公务接待费{{three_public.reception | fixed:2}}万元。")
    H2("（四）财政拨款收入、支出分析")
    P("{{year}}年财政拨款收、支总计{{fiscal.amount | fixed:2}}万元。一般公共预算财政拨款支出{{general_budget.amount | fixed:2}}万元，"
      "其中基本支出{{general_budget.basic | fixed:2}}万元，占{{basic_share | pct:2}}；项目支出"
      "{{general_budget.project | fixed:2}}万元，占{{project_share | pct:2}}。")
    H2("（五）年末结转和结余情况")
    P("年末结转和结余{{carryover_end | fixed:2 | default:0.00}}万元。")
    H2("（六）绩效目标完成情况")
    P("{{?dept}}本部门{{year}}年度部门整体支出绩效自评得分{{dept.total_score | fixed:2}}分。预算执行：全年预算数"
      "{{dept.funds.budget | fixed:2}}万元，全年执行数{{dept.funds.executed | fixed:2}}万元，执行率{{dept.funds.rate | pct:2}}。"
      "{{/dept}}{{^dept}}【请一并给出部门整体支出绩效自评表】{{/dept}}")
    P("{{?dept}}")
    table(d, ["一级指标", "二级指标", "三级指标", "预期指标值", "实际完成值", "自评得分"],
          ["{{#dept.indicators}}{{level1 | vmerge}}", "{{level2 | vmerge}}", "{{name}}", "{{target}}", "{{actual}}",
           "{{score}}{{/dept.indicators}}"])
    P("{{/dept}}")
    P("{{facts.存在问题及改进措施 | placeholder:【请补充当年预算执行及绩效管理存在的问题、原因及改进措施】}}")
    H1("三、本年度部门决算等财务工作开展情况")
    P("{{facts.财务工作开展情况 | placeholder:【请补充财务管理、决算编报和信息公开情况】}}")
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "dept-report.docx")
    dept_report().save(path)
    font_substitutes(path)
    print(path)


if __name__ == "__main__":
    main()
