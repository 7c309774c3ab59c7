#!/usr/bin/python3
"""How well jixiao reads the real regional forms of samples/regional/*/ — and the test that it does.

    /usr/bin/python3 samples/regional/evaluate.py JIXIAO [--verbose] [--check] [--sets a,b]

For every workbook of every set's manifest.json (made by that set's make_regional_*.py from each form's own
arithmetic, never from jixiao), with the LibreOffice copy (cached formula values):
  - recognition: each sheet is recognised as the manifest's kind;
  - facts: every fact the manifest lists (fund amounts, rate, scores, weights, each indicator's fields, total,
    grade) is read from the manifest's cell with the manifest's value;
  - findings: `recompute` reports no error on a clean form except the form's own published slips
    (source_discrepancies), and on an err_* form reports an error at the injected cell.
Prints one line per sheet and a summary. With --check, exits 1 when a clean form gets a false error, an
injected mistake is missed, a sheet is not recognised, or fewer than MIN_FACTS of the facts are read right.
--sets limits the run to the named set directories (default: every one with a manifest.json): the ctest names
the sets jixiao is held to, so that a newer set (c) can be committed as evidence before jixiao reads it.
"""
import json
import os
import re
import subprocess
import sys
from decimal import Decimal as D, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_FACTS = 0.95


def run(jx, args):
    p = subprocess.run([jx] + args, capture_output=True, text=True)
    try:
        return json.loads(p.stdout), p.returncode, p.stderr
    except ValueError:
        return {}, p.returncode, p.stderr


def getp(rec, path):
    cur = rec
    for k in path.split("."):
        if isinstance(cur, list) and k.isdigit():
            cur = cur[int(k)] if int(k) < len(cur) else None
        elif isinstance(cur, dict):
            cur = cur.get(k)
        else:
            return None
    return cur


def as_num(s):
    s = str(s).strip().replace(",", "").replace("％", "%")
    for unit in ("万元", "分"):  # "4753.66万元" typed as text in a 万元 table, "99.55分"
        if s.endswith(unit):
            s = s[: -len(unit)]
    try:
        return D(s[:-1]) / 100 if s.endswith("%") else D(s)
    except InvalidOperation:
        return None


def norm(s):
    return "".join(str(s).split()).replace("（", "(").replace("）", ")").replace("：", ":")


def canon(s):
    """A label as jixiao keeps a row label or a level-1 group: without 其中:, a trailing colon and bracketed parts
    ("其中：当年财政拨款" -> "当年财政拨款", "产出指标(70分)" -> "产出指标")."""
    s = re.sub(r"\([^()]*\)", "", norm(s))
    s = re.sub(r"^其中:?", "", s)
    return s.rstrip(":")


def same(shown, got):
    """The manifest quotes the cell as displayed ("86%", "1,259,100.00", a text); jixiao keeps the exact value
    (a fraction for a rate, 万元 for an amount read in 元)."""
    if got is None:
        return shown in ("", None)
    want = as_num(shown)
    if want is not None and not isinstance(got, str):
        got = D(str(got))
        text = str(shown).rstrip("%")
        places = len(text.split(".")[1]) if "." in text else 0
        if str(shown).endswith("%"):
            places += 2
        q = D(1).scaleb(-places)
        return want == got.quantize(q) or want == (got * 10000).quantize(q)
    return norm(shown) == norm(got) or canon(shown) == canon(got) or (want is not None and as_num(got) == want)


def cell_of(record, path):
    return (record.get("cells") or {}).get(path)


def main():
    jx = sys.argv[1]
    verbose = "--verbose" in sys.argv
    check = "--check" in sys.argv
    only = None
    if "--sets" in sys.argv and sys.argv.index("--sets") + 1 < len(sys.argv):
        only = set(sys.argv[sys.argv.index("--sets") + 1].split(","))
    facts_ok = facts_all = sheets_ok = sheets_all = 0
    false_errors, missed, unrecognised = [], [], []
    for set_dir in sorted(d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "manifest.json"))
                          and (only is None or d in only)):
        with open(os.path.join(HERE, set_dir, "manifest.json"), encoding="utf-8") as fh:
            manifest = json.load(fh)
        entries = manifest if isinstance(manifest, list) else manifest.get("files", [])
        for e in entries:
            path = os.path.join(HERE, set_dir, "libreoffice", e["file"])
            ins, _, _ = run(jx, ["inspect", "--json", path])
            sheets = {}
            for s in ins.get("sheets", []):
                sheets.setdefault(s["name"], []).append(s)
            for s in e.get("sheets", []):
                sheets_all += 1
                got = [g for g in sheets.get(s["name"], []) if g.get("record")]
                kinds = [g["record"]["kind"] for g in got]
                if s["kind"] not in kinds:
                    unrecognised.append(f"{set_dir}/{e['file']} '{s['name']}': {s['kind']} read as {kinds or '未识别'}")
                    if verbose:
                        print("  未识别", unrecognised[-1])
                    continue
                sheets_ok += 1
                rec = next(g["record"] for g in got if g["record"]["kind"] == s["kind"])
                bad = []
                for path_, fact in s.get("facts", {}).items():
                    if path_ == "year":  # the manifest quotes the whole title holding the year
                        facts_all += 1
                        y = getp(rec, "year")
                        if y is not None and str(y)[:4] in str(fact["value"]):
                            facts_ok += 1
                        else:
                            bad.append(f"year {fact['value'][:20]}→{y}")
                        continue
                    facts_all += 1
                    v = getp(rec, path_)
                    c = cell_of(rec, path_)
                    # A weight read from a label ("预算执行情况(万元)\n(20分)" -> 20) is the number in its brackets.
                    in_label = (c == fact["cell"] and v is not None and not isinstance(v, str)
                                and re.search(r"[(（]\s*" + re.escape(str(v)) + r"\s*分?\s*[)）]", str(fact["value"])))
                    if in_label or (same(fact["value"], v) and (c is None or c == fact["cell"] or fact["value"] in ("", None))):
                        facts_ok += 1
                    else:
                        bad.append(f"{path_}[{fact['cell']}] {str(fact['value'])[:16]!r}→{str(v)[:16]!r}@{c}")
                if verbose or bad:
                    print(f"{set_dir}/{e['file']} '{s['name']}' {s['kind']}: {len(bad)} facts wrong")
                    for b in bad[: (50 if verbose else 8)]:
                        print("    ", b)
            rc_json, rc, err = run(jx, ["recompute", "--json", path])
            errors = [f for f in rc_json.get("findings", []) if f.get("severity") == "error"]
            published = {(d.get("sheet"), d.get("cell")) for d in e.get("source_discrepancies", [])}
            expected = e.get("expected_findings", [])
            if expected:
                for x in expected:
                    hit = [f for f in errors if f.get("cell") == x.get("cell")]
                    if not hit:
                        missed.append(f"{set_dir}/{e['file']}: {x.get('cell')} {x.get('what', '')}")
            else:
                for f in errors:
                    if (f.get("sheet"), f.get("cell")) not in published:
                        false_errors.append(f"{set_dir}/{e['file']} '{f.get('sheet')}'!{f.get('cell')}: {f.get('message')}")
    print()
    print(f"sheets recognised as their kind: {sheets_ok}/{sheets_all}")
    print(f"facts read right: {facts_ok}/{facts_all} ({100.0 * facts_ok / max(facts_all, 1):.1f}%)")
    print(f"false errors on clean forms: {len(false_errors)}")
    for x in false_errors:
        print("   ", x)
    print(f"injected mistakes missed: {len(missed)}")
    for x in missed:
        print("   ", x)
    for x in unrecognised:
        print("   unrecognised:", x)
    if check:
        ok = not false_errors and not missed and not unrecognised and facts_ok >= MIN_FACTS * facts_all
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
