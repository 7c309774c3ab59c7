#!/usr/bin/env bash
# LibreOffice reads the commented copy `jixiao audit -o` writes: every finding is a comment (an
# office:annotation in its flat ODF export), on the number it names, and the text is the report's.
# Skipped (exit 77) without LibreOffice (`apt-get install libreoffice-writer-nogui`).
# Usage: audit_oracles.sh JIXIAO FIXTURES_DIR SCRATCH_DIR
set -euo pipefail
jixiao=$1 fixtures=$2 out=$3
command -v soffice >/dev/null || { echo "LibreOffice missing: skipped"; exit 77; }
rm -rf "$out" && mkdir -p "$out"
status=0
"$jixiao" audit --json "$fixtures/seed002-python-docx.docx" -o "$out/commented.docx" > "$out/findings.json" || status=$?
[[ $status == 1 ]] || { echo "audit should exit 1 on seed 002, got $status"; exit 1; }
profile=$(mktemp -d)
timeout 180 soffice -env:UserInstallation=file://"$profile" --headless --convert-to fodt --outdir "$out" "$out/commented.docx" \
  >/dev/null 2>&1 || true
rm -rf "$profile"
[[ -s $out/commented.fodt ]] || { echo "LibreOffice could not open the commented copy"; exit 1; }
/usr/bin/python3 - "$out/findings.json" "$out/commented.fodt" <<'PY'
import json, re, sys
findings = json.load(open(sys.argv[1]))["findings"]
odf = open(sys.argv[2], encoding="utf-8").read()
notes = [re.sub(r"<[^>]*>", "", m) for m in re.findall(r"<office:annotation(?: [^>]*)?>(.*?)</office:annotation>", odf, re.S)]
assert len(notes) == len(findings), (len(notes), len(findings))
for f in findings:
    assert any(f["message"] in n for n in notes), f["message"]
# the marked stretch between annotation and annotation-end is the number found
spans = re.findall(r'<office:annotation office:name="([^"]+)".*?</office:annotation>(.*?)<office:annotation-end office:name="\1"/>', odf, re.S)
marked = [re.sub(r"<[^>]*>", "", s) for _, s in spans]
for f in findings:
    assert f["found"].replace(" ", "") in [m.replace(" ", "") for m in marked], (f["found"], marked)
print(len(notes), "comments read back by LibreOffice")
PY
