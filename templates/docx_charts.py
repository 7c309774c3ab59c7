"""Native charts for the shipped DOCX templates, written as Word writes them (used by make_docx_templates.py).

A chart is a DrawingML part word/charts/chartN.xml (c:chartSpace with c:strRef/c:numRef and their caches)
behind an inline drawing whose alt text (wp:docPr descr) is the tag that binds it, e.g. {{figures.fig1}};
its data is also an embedded workbook (word/embeddings/Microsoft_Excel_SheetN.xlsx, Sheet1: A1 empty,
B1.. series names, A2.. categories), so that Word's "编辑数据" works. The template's own data is a
placeholder: jixiao refills the caches and regenerates the workbook (writers/docx_chart.h).

The parts are written directly rather than by LibreOffice: the template stays buildable with python-docx
alone, byte for byte the same on every run. Column charts start their value axis at 0, so that a change
is never drawn larger than it is. Fonts follow the body text (仿宋_GB2312, labels 10.5 pt).
"""
import io
import zipfile
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
# Office's palette, one colour per series or slice
COLOURS = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300",
           "255E91", "43682B")
FIXED = (2024, 1, 1, 0, 0, 0)


def col(i):
    return chr(ord("B") + i)


def _font(size, east_asia):
    return ('<a:defRPr sz="%d" b="0"><a:latin typeface="Times New Roman"/><a:ea typeface="%s"/></a:defRPr>'
            % (size, east_asia))


def _str_cache(values):
    pts = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, escape(v)) for i, v in enumerate(values))
    return '<c:strCache><c:ptCount val="%d"/>%s</c:strCache>' % (len(values), pts)


def _series(i, name, categories, values, pie):
    n = len(categories)
    if pie:
        fill = "".join('<c:dPt><c:idx val="%d"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="%s"/>'
                       '</a:solidFill><a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>'
                       '</c:dPt>' % (k, c) for k, c in enumerate(COLOURS))
        labels = ('<c:dLbls><c:numFmt formatCode="0.00%%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln>'
                  '</c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="zh-CN"/></a:p>'
                  '</c:txPr><c:dLblPos val="bestFit"/><c:showLegendKey val="0"/><c:showVal val="0"/>'
                  '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/>'
                  '<c:showLeaderLines val="1"/></c:dLbls>' % _font(1000, "仿宋_GB2312"))
        look = fill
    else:
        look = ('<c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
                % COLOURS[i % len(COLOURS)])
        labels = ('<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln>'
                  '</c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="zh-CN"/></a:p>'
                  '</c:txPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
                  '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
                  '</c:dLbls>' % _font(1000, "仿宋_GB2312"))
    pts = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (k, v) for k, v in enumerate(values))
    return ('<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx><c:strRef><c:f>Sheet1!${c}$1</c:f>{name}</c:strRef></c:tx>'
            '{look}{labels}<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f>{cats}</c:strRef></c:cat>'
            '<c:val><c:numRef><c:f>Sheet1!${c}$2:${c}${last}</c:f><c:numCache><c:formatCode>0.00</c:formatCode>'
            '<c:ptCount val="{n}"/>{pts}</c:numCache></c:numRef></c:val></c:ser>').format(
        i=i, c=col(i), name=_str_cache([name]), look=look, labels=labels, last=n + 1, cats=_str_cache(categories),
        n=n, pts=pts)


def chart_xml(kind, title, categories, series):
    """kind: "column" or "pie"; series: [(name, [values])]."""
    pie = kind == "pie"
    sers = "".join(_series(i, name, categories, values, pie) for i, (name, values) in enumerate(series))
    if pie:
        plot = '<c:pieChart><c:varyColors val="1"/>%s<c:firstSliceAng val="0"/></c:pieChart>' % sers
    else:
        axis_text = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>%s</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' % _font(
            1000, "仿宋_GB2312")
        plot = ('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>%s'
                '<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
                '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
                '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
                '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>%s<c:crossAx val="50010002"/>'
                '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
                '<c:noMultiLvlLbl val="0"/></c:catAx>'
                '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>'
                '<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/>'
                '</a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="0" sourceLinked="0"/>'
                '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>%s'
                '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
                % (sers, axis_text, axis_text))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
            '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{tfont}</a:pPr><a:r><a:rPr lang="zh-CN" '
            'sz="1200" b="0"><a:latin typeface="Times New Roman"/><a:ea typeface="黑体"/></a:rPr><a:t>{title}</a:t></a:r>'
            '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
            '{plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>'
            '<c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln>'
            '<a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{font}</a:pPr>'
            '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr><c:externalData r:id="rId1"><c:autoUpdate val="0"/>'
            '</c:externalData></c:chartSpace>').format(C=C, A=A, R=R, tfont=_font(1200, "黑体"), title=escape(title),
                                                        plot=plot, font=_font(1000, "仿宋_GB2312"))


def workbook(categories, series):
    """The chart's data as a minimal .xlsx (inline strings), fixed timestamps."""
    rows = ['<row r="1">%s</row>' % "".join('<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col(j), escape(n))
                                            for j, (n, _) in enumerate(series))]
    for i, cat in enumerate(categories):
        r = i + 2
        cells = '<c r="A%d" t="inlineStr"><is><t>%s</t></is></c>' % (r, escape(cat))
        cells += "".join('<c r="%s%d"><v>%s</v></c>' % (col(j), r, v[i]) for j, (_, v) in enumerate(series))
        rows.append('<row r="%d">%s</row>' % (r, cells))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="%s"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>' % R,
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
        'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(rows),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def add_chart(document, paragraph, n, tag, kind, title, categories, series, width=Mm(150), height=Mm(75)):
    """Appends chart number n (1-based, also its part names) as an inline drawing to the paragraph."""
    package = document.part.package
    chart = Part(PackURI("/word/charts/chart%d.xml" % n), CHART_CT,
                 chart_xml(kind, title, categories, series).encode("utf-8"), package)
    book = Part(PackURI("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx" % n), XLSX, workbook(categories, series),
                package)
    assert chart.relate_to(book, RT.PACKAGE) == "rId1"  # chart_xml's c:externalData names rId1
    rid = document.part.relate_to(chart, RT.CHART)
    run = paragraph.add_run()
    run._r.append(parse_xml(
        '<w:drawing xmlns:w="{W}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}"><wp:inline distT="0" '
        'distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="{n}" name="图表 {n}" descr="{tag}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="{C}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'.format(
            W=W, WP=WP, A=A, C=C, R=R, cx=int(width), cy=int(height), n=n, tag=escape(tag, {'"': "&quot;"}), rid=rid)))
