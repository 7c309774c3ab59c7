#!/usr/bin/python3
"""Measures how today's jixiao reads the regional samples of set a — a report for the lead, not a test.

    /usr/bin/python3 samples/regional/a/measure_jixiao.py [build/bin/jixiao]

For each sheet: the layout jixiao picks and its confidence, how many indicator/item rows it extracts against the
manifest's count, which of the key facts (funds.*, total_score, total_weight) it reads with the manifest's value;
for each file: the error findings of `recompute` (on clean files every one is either a published slip listed under
source_discrepancies or a false alarm), and for err_* files whether the injected mistake's cell is reported.
The manifest's expectations come from make_regional_a.py, never from this output.
"""
import json
import os
import subprocess
import sys
from decimal import Decimal as D, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
JX = sys.argv[1] if len(sys.argv) > 1 else "build/bin/jixiao"


def run(cmd, path):
    p = subprocess.run([JX] + cmd + ["--json", path], capture_output=True, text=True)
    try:
        return json.loads(p.stdout)
    except ValueError:
        return {}


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
    s = str(s).replace(",", "")
    try:
        return D(s[:-1]) / 100 if s.endswith("%") else D(s)
    except InvalidOperation:
        return None


def same(shown, got):
    """The manifest shows a rounded display ("86%"); jixiao keeps the exact value. Equal when the display rounds to it;
    amounts in 元 may come back in 万元."""
    want = as_num(shown)
    if want is None or got is None:
        return False
    got = D(str(got))
    places = len(str(shown).rstrip("%").split(".")[1]) if "." in str(shown) else 0
    if str(shown).endswith("%"):
        places += 2
    q = D(1).scaleb(-places)
    return want == got.quantize(q) or want == (got * 10000).quantize(q)


def main():
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    read = total = caught = injected = false_err = 0
    for e in manifest:
        path = os.path.join(HERE, "libreoffice", e["file"])
        ins = run(["inspect"], path)
        rec = run(["recompute"], path)
        print(f"== {e['file']}")
        sheets = {s["name"]: s for s in ins.get("sheets", [])}
        for s in e["sheets"]:
            got = sheets.get(s["name"], {})
            r = got.get("record") or {}
            keys = [k for k in ("funds.budget", "funds.executed", "funds.rate", "funds.score", "total_score",
                                "total_weight") if k in s["facts"] and s["facts"][k]["value"] != ""]
            bad = [f"{k} {s['facts'][k]['value']}→{getp(r, k)}" for k in keys if not same(s["facts"][k]["value"],
                                                                                          getp(r, k))]
            n_ind = sum(1 for k in s["facts"] if k.startswith("indicators.") and k.endswith(".weight"))
            n_items = sum(1 for k in s["facts"] if k.startswith("items.") and k.endswith(".weight"))
            n_rows = sum(1 for k in s["facts"] if k.startswith("rows.") and k.endswith(".name"))
            print(f"  [{s['name']}] layout={got.get('layout')} confidence={got.get('confidence')} "
                  f"indicators {len(r.get('indicators') or [])}/{n_ind} items {len(r.get('items') or [])}/{n_items} "
                  f"rows {len(r.get('rows') or [])}/{n_rows} key facts {len(keys) - len(bad)}/{len(keys)}"
                  + (f" wrong or missing: {'; '.join(bad)}" if bad else ""))
            read += len(keys) - len(bad)
            total += len(keys)
        errs = [f for f in rec.get("findings", []) if f.get("severity") == "error"]
        known = {(d["sheet"], d["cell"]) for d in e.get("source_discrepancies", [])}
        for f in errs:
            tag = "injected" if any(f.get("cell") == x["cell"] for x in e["expected_findings"]) else \
                "published slip" if (f.get("sheet"), f.get("cell")) in known else "FALSE ALARM?"
            if tag == "FALSE ALARM?" and "variant_of" not in e:
                false_err += 1
            print(f"    error {f.get('sheet')}!{f.get('cell')} {f.get('rule')}: {f.get('message')}  [{tag}]")
        for x in e["expected_findings"]:
            injected += 1
            hit = any(f.get("cell") == x["cell"] and f.get("sheet") == x["sheet"] for f in errs)
            caught += hit
            print(f"  injected {x['sheet']}!{x['cell']} ({x['rule']}): {'reported' if hit else 'MISSED'}")
    print(f"\nkey facts read right {read}/{total}; injected mistakes reported {caught}/{injected}; "
          f"unexplained errors on clean files {false_err}")


if __name__ == "__main__":
    main()
