"""claims.json: every numeric claim of the sample reports that the report itself can check, with the hand
verdict and the arithmetic behind it.

Each claim below was checked by hand; this script redoes the arithmetic in Decimal and refuses to write the
file when its verdict differs from the hand verdict, so the JSON and the arithmetic cannot drift apart. It also
finds where each quoted text sits in the .docx (body paragraph index as python-docx lists doc.paragraphs, or
table/row/cell as python-docx lists doc.tables / table.rows / row.cells; soft line breaks read as "\\n"), and
refuses a quote that is not in the document exactly once.

The rule (issue 12): a claim is a slip only when no rounding of its stated inputs explains it: every stated
number stands for an interval of ± half a unit of its last printed digit ("7.8" is 7.75..7.85, "30" is
29.5..30.5, "31%" is 30.5..31.5), the arithmetic is done on intervals, and the claim is "ok" when the result
interval meets the stated figure's own interval. "computed" is the arithmetic on the figures as printed.
"""
import json
import os
from decimal import Decimal as D, ROUND_HALF_UP

import docx

HERE = os.path.dirname(os.path.abspath(__file__))
HUNDRED = D(100)


# ---- numbers and intervals ------------------------------------------------------------------------------
def num(s):
    return D(s.replace(",", "").strip())


def iv(s):
    """The interval a printed number stands for."""
    t = s.replace(",", "").strip()
    places = len(t.split(".")[1]) if "." in t else 0
    h = D(5) * D(10) ** (-(places + 1))
    v = D(t)
    return (v - h, v + h)


def add(*xs):
    return (sum(x[0] for x in xs), sum(x[1] for x in xs))


def sub(a, b):
    return (a[0] - b[1], a[1] - b[0])


def div100(a, b):
    lo = a[0] / b[1] * HUNDRED if b[1] else None
    hi = a[1] / b[0] * HUNDRED if b[0] > 0 else D("Infinity")
    return (min(lo, hi), max(lo, hi))


def meets(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def places(s):
    t = s.replace(",", "").strip()
    return len(t.split(".")[1]) if "." in t else 0


def rounded(x, like):
    q = D(1).scaleb(-places(like))
    return str(x.quantize(q, rounding=ROUND_HALF_UP))


def fmt(x, n=4):
    return str(x.quantize(D(1).scaleb(-n), rounding=ROUND_HALF_UP))


# ---- claim constructors -----------------------------------------------------------------------------------
CLAIMS = []


def inp(label, value, at=None):
    return dict(label=label, value=value, at=at)


def claim(r, text, kind, stated, v, inputs, check, note=None, at=None, expected=None, cell=None):
    """check(inputs) -> (computed Decimal or str, result interval or None, ok bool). at: the quote's paragraph
    starts so (to pick one of several); cell: (table, row, cell) for a quote such as "0" that many cells hold."""
    CLAIMS.append(dict(r=r, text=text, kind=kind, stated=stated, v=v, inputs=inputs, check=check, note=note, at=at,
                       expected=expected, cell=cell))


def share(r, text, stated, part, base, v="ok", note=None, at=None):
    """stated% = part / base; base may be a list of inputs (their sum)."""
    bases = base if isinstance(base, list) else [base]

    def check(_):
        p = iv(part["value"])
        b = add(*[iv(x["value"]) for x in bases])
        mid = num(part["value"]) / sum(num(x["value"]) for x in bases) * HUNDRED
        return mid, div100(p, b), None
    claim(r, text, "share", stated, v, [part] + bases, check, note, at)


def change_pct(r, text, stated, cur, delta=None, prior=None, direction="down", v="ok", note=None, at=None):
    """stated% = |change| / last year; last year is stated (prior) or cur -/+ delta."""
    def check(_):
        c = iv(cur["value"])
        if prior is not None:
            pr = iv(prior["value"])
            mid = abs(num(cur["value"]) - num(prior["value"])) / num(prior["value"]) * HUNDRED
            ch = sub(c, pr) if direction == "up" else sub(pr, c)
        else:
            d = iv(delta["value"])
            pr = sub(c, d) if direction == "up" else add(c, d)
            p_mid = num(cur["value"]) + (num(delta["value"]) if direction == "down" else -num(delta["value"]))
            mid = num(delta["value"]) / p_mid * HUNDRED
            ch = d
        return mid, div100(ch, pr), None
    ins = [cur] + ([delta] if delta else []) + ([prior] if prior else [])
    claim(r, text, "change_pct", stated, v, ins, check, note, at)


def change_amount(r, text, stated, cur, prior, direction="down", v="ok", note=None, at=None):
    def check(_):
        c, p = iv(cur["value"]), iv(prior["value"])
        ch = sub(c, p) if direction == "up" else sub(p, c)
        mid = (num(cur["value"]) - num(prior["value"])) * (1 if direction == "up" else -1)
        return mid, ch, None
    claim(r, text, "change_amount", stated, v, [cur, prior], check, note, at)


def total(r, text, stated, parts, v="ok", note=None, at=None, signs=None, cell=None, expected=None):
    """stated = sum of parts (signs: +1/-1 per part, for net changes)."""
    sg = signs or [1] * len(parts)

    def check(_):
        lo = sum((iv(p["value"])[0] if s > 0 else -iv(p["value"])[1]) for p, s in zip(parts, sg))
        hi = sum((iv(p["value"])[1] if s > 0 else -iv(p["value"])[0]) for p, s in zip(parts, sg))
        mid = sum(num(p["value"]) * s for p, s in zip(parts, sg))
        return mid, (lo, hi), None
    claim(r, text, "sum", stated, v, parts, check, note, at, expected, cell)


def completion(r, text, stated, actual, budget, v="ok", note=None, at=None, kind="completion", cell=None):
    """stated% = actual / budget; 0 of 0 is 0% (the usual way to write it, also for a change from 0 to 0)."""
    def check(_):
        if num(budget["value"]) == 0 and num(actual["value"]) == 0:
            return D(0), (D(0), D(0)), None
        return num(actual["value"]) / num(budget["value"]) * HUNDRED, div100(iv(actual["value"]), iv(budget["value"])), None
    claim(r, text, kind, stated, v, [actual, budget], check, note, at, cell=cell)


def count(r, text, stated, parts, v="ok", note=None, at=None):
    def check(_):
        s = sum(int(p["value"]) for p in parts)
        return D(s), (D(s), D(s)), None
    claim(r, text, "count", stated, v, parts, check, note, at)


def same(r, text, stated, other, kind="amount", v="ok", note=None, at=None, expected=None, cell=None):
    """stated must be the same figure as another stated one (a figure repeated, or an identity)."""
    def check(_):
        return num(other["value"]), iv(other["value"]), None
    claim(r, text, kind, stated, v, [other], check, note, at, expected, cell)


def relation(r, text, stated, lhs, rhs, rel, v="ok", note=None, at=None, kind="direction"):
    """stated is a word; rel in lt/gt/eq must be possible for lhs vs rhs (lhs may be a percentage vs 100)."""
    def check(_):
        a, b = iv(lhs["value"]), iv(rhs["value"])
        ok = {"lt": a[0] < b[1], "gt": a[1] > b[0], "eq": meets(a, b)}[rel]
        return f"{lhs['value']} {'<' if rel == 'lt' else '>' if rel == 'gt' else '='} {rhs['value']}", None, ok
    claim(r, text, kind, stated, v, [lhs, rhs], check, note, at)


def unverifiable(r, text, kind, stated, why, at=None):
    claim(r, text, kind, stated, "unverifiable", [], None, why, at)


def slip_note(r, text, kind, stated, expected, why, inputs, at=None, cell=None):
    """A slip that is not arithmetic on intervals (a blank figure, a numbering, a cell left 0): stated by hand."""
    claim(r, text, kind, stated, "slip", inputs, None, why, at, expected, cell)


def I(label, value, at=None):  # noqa: E743 - short on purpose, used hundreds of times below
    return inp(label, value, at)


# ---- locating quotes in the documents ---------------------------------------------------------------------
def locate(doc, text, at=None):
    hits = []
    for i, p in enumerate(doc.paragraphs):
        if text in p.text and (at is None or p.text.startswith(at)):
            hits.append(i)
    for ti, t in enumerate(doc.tables):
        for ri, row in enumerate(t.rows):
            seen = set()
            for ci, c in enumerate(row.cells):
                if id(c._tc) in seen:
                    continue
                seen.add(id(c._tc))
                if text in c.text and (at is None or c.text.startswith(at)):
                    hits.append(dict(table=ti, row=ri, cell=ci))
    if len(hits) != 1:
        raise SystemExit(f"quote found {len(hits)} times: {text!r} (at={at!r})")
    return hits[0]


def explicit(doc, cell, text):
    t, r, c = cell
    got = doc.tables[t].rows[r].cells[c].text
    if text not in got:
        raise SystemExit(f"table {t} row {r} cell {c} is {got!r}, without {text!r}")
    return dict(table=t, row=r, cell=c)


def main():
    import make_reports as mr
    stems = {fn.__name__: fn()["stem"] for fn in mr.REPORTS}
    import claims_data          # the claims themselves, one block per report
    claims_data.define(sys_module())
    docs = {}
    out = []
    for c in CLAIMS:
        stem = stems[c["r"]]
        if stem not in docs:
            docs[stem] = docx.Document(os.path.join(HERE, "docx", stem + ".docx"))
        doc = docs[stem]
        where = explicit(doc, c["cell"], c["text"]) if c["cell"] else locate(doc, c["text"], c["at"])
        ins = []
        for x in c["inputs"]:
            if x["at"] is None:
                loc = where
            elif isinstance(x["at"], tuple):
                loc = explicit(doc, x["at"], x["value"])
            else:
                loc = locate(doc, x["at"])
            ins.append(dict(label=x["label"], value=x["value"], where=loc))
        rec = dict(file=f"docx/{stem}.docx", paragraph=where, text=c["text"], kind=c["kind"], inputs=ins,
                   stated=c["stated"])
        if c["check"] is None:
            verdict = c["v"]
            if c["expected"] is not None:
                rec["expected"] = c["expected"]
        else:
            mid, rng, ok = c["check"](ins)
            if ok is None:
                ok = meets(rng, iv(c["stated"]))
            if isinstance(mid, D):
                n = 4 if c["kind"] in ("share", "change_pct", "completion") else 0 if c["kind"] == "count" else 2
                rec["computed"] = fmt(mid, n)
                rec["range"] = [fmt(rng[0], 4), fmt(rng[1], 4)]
            else:
                rec["computed"] = mid
            verdict = "ok" if ok else "slip"
            if verdict != c["v"]:
                raise SystemExit(f"hand verdict {c['v']} but arithmetic says {verdict}: {stem}: {c['text']!r} "
                                 f"stated {c['stated']} computed {rec['computed']} range {rec.get('range')}")
            if verdict == "slip":
                rec["expected"] = c["expected"] or (rounded(mid, c["stated"]) if isinstance(mid, D) else None)
        rec["verdict"] = verdict
        if c["note"]:
            rec["note"] = c["note"]
        out.append(rec)
    # the run-split variant has the same text and so the same claims
    split_stem = stems[mr.SPLIT_OF]
    for rec in list(out):
        if rec["file"] == f"docx/{split_stem}.docx":
            dup = dict(rec)
            dup["file"] = f"docx/{split_stem}{mr.SPLIT_SUFFIX}.docx"
            out.append(dup)
    pdf = {f"pdf/{stems[r]}.pdf": f"docx/{stems[r]}.docx" for r in mr.PDF_OF}
    doc = dict(
        about="Numeric claims of samples/reports, checked by hand (see claims.py for the rule and the arithmetic).",
        rule="slip only when no rounding of the stated inputs (each +- half a unit of its last printed digit) "
             "explains the stated figure; 'range' is what that rounding allows, 'computed' the arithmetic on the "
             "printed figures",
        pdf_same_text_as=pdf,
        counts=dict(claims=len(out), ok=sum(r["verdict"] == "ok" for r in out),
                    slip=sum(r["verdict"] == "slip" for r in out),
                    unverifiable=sum(r["verdict"] == "unverifiable" for r in out)),
        claims=out)
    with open(os.path.join(HERE, "claims.json"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"claims.json: {doc['counts']}")


def sys_module():
    import sys
    return sys.modules[__name__]


if __name__ == "__main__":
    main()
