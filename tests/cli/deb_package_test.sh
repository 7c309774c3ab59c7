#!/usr/bin/env bash
# The Debian package as a user gets it: `cpack -G DEB` in the build tree, unpacked with `dpkg -x` into
# a scratch directory (no root, no container), then the unpacked command runs: --version finds the
# unpacked data, and `check` of a sample finds the sample's error at its cell (samples/manifest.json:
# err08's 收入总计 at C36). The package's Depends are real Debian package names (each one known to
# dpkg here, where the build's libraries are installed), and it carries the man page, bash completion
# and the page's files. Usage: deb_package_test.sh BUILD_DIR SAMPLES SCRATCH. Exit 77 without cpack/dpkg.
set -euo pipefail
build=$1 samples=$2 scratch=$3
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "cpack 或 dpkg-deb 不在：跳过"; exit 77; }
rm -rf "$scratch"
mkdir -p "$scratch"
(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/out/jixiao_*.deb)
echo "包：$(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in $(echo "$depends" | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g'); do
  dpkg-query -W -f='${Status}\n' "$dep" 2>/dev/null | grep -q "install ok installed" || { echo "Depends 中的 $dep 不是已安装的 Debian 包名"; exit 1; }
done
for lib in libzip libpugixml libicu libcpp-httplib; do
  grep -q "$lib" <<<"$depends" || { echo "Depends 缺少 $lib"; exit 1; }
done
dpkg -x "$deb" "$scratch/root"
root="$scratch/root"
for f in usr/bin/jixiao usr/share/man/man1/jixiao.1.gz usr/share/bash-completion/completions/jixiao \
         usr/share/jixiao/web/index.html usr/share/jixiao/mapping/layouts usr/share/jixiao/model/rules; do
  [[ -e $root/$f ]] || { echo "包里没有 $f"; exit 1; }
done
# the modules that audit (PDF) and serve (HTTP) load, in <libdir>/jixiao
for m in jixiao_pdf.so jixiao_http.so; do
  find "$root/usr" -path "*/jixiao/$m" | grep -q . || { echo "包里没有模块 $m"; exit 1; }
done
version=$("$root/usr/bin/jixiao" --version)
echo "$version"
grep -q "^jixiao [0-9]" <<<"$version"
grep -q "数据目录：$root/usr/share/jixiao" <<<"$version" || { echo "解包后的 jixiao 没有用包里的数据目录"; exit 1; }
set +e
out=$("$root/usr/bin/jixiao" -q check --json "$samples/openpyxl/err08_公开01_收入总计不等于支出总计.xlsx")
code=$?
set -e
[[ $code == 1 ]] || { echo "check 的退出码应为 1（有错误），实为 $code"; exit 1; }
/usr/bin/python3 - "$out" <<'PY'
import json, sys
f = [x for x in json.loads(sys.argv[1])["findings"] if x["severity"] == "error"]
assert {(x["cell"], x["rule"]) for x in f} == {("C36", "fa01.balance"), ("C36", "fa01.income_total")}, f
PY
zcat "$root/usr/share/man/man1/jixiao.1.gz" | grep -q "check" || { echo "man 页没有 check"; exit 1; }
echo "包可用：解包后 --version 与 check 均正常"
