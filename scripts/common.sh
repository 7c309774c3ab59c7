# Shared by demo.sh and test.sh: Debian packages and the CMake build.
# shellcheck shell=bash

JIXIAO_BUILD_PACKAGES=(cmake g++ make pkg-config libzip-dev libpugixml-dev libicu-dev nlohmann-json3-dev libcli11-dev libssl-dev
  libpoppler-cpp-dev libcpp-httplib-dev help2man)
# The page's browser test (serve_in_browser, about 10 s a build) needs Chromium, its driver and
# Selenium; a CJK font makes its screenshots legible. bash-completion for the completion's test.
# LibreOffice's Writer and Calc are the oracles that open jixiao's documents and copies.
JIXIAO_TEST_PACKAGES=(googletest libgtest-dev clang libclang-rt-14-dev python3-openpyxl chromium chromium-driver python3-selenium
  fonts-wqy-microhei bash-completion libreoffice-writer-nogui libreoffice-calc-nogui)

# Installs the Debian packages that are missing: with apt-get when root, else prints the exact
# command and exits 1.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) == 0 ]]; then
    echo "==> 安装缺少的 Debian 软件包：${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "缺少 Debian 软件包，请先运行：" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

jobs() { nproc 2>/dev/null || echo 2; }

# configure_and_build DIR [cmake args...]
configure_and_build() {
  local dir=$1
  shift
  cmake -S "$JIXIAO_ROOT" -B "$dir" -DCMAKE_INSTALL_PREFIX="$dir/install" "$@" >/dev/null
  cmake --build "$dir" -j "$(jobs)" 2>&1 | grep -vE '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target)' || true
  [[ ${PIPESTATUS[0]} == 0 ]] || { echo "构建失败：$dir" >&2; exit 1; }
}

# The jixiao a benchmark times, in $jixiao: JIXIAO=path when given (an existing build), else a
# Release build in build/release, made now.
bench_jixiao() {
  jixiao=${JIXIAO:-}
  if [[ -z $jixiao ]]; then
    configure_and_build "$JIXIAO_ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
    jixiao="$JIXIAO_ROOT/build/release/bin/jixiao"
  fi
}

# The benchmarks' LibreOffice side: its formatted CSV export of one workbook (the same filter options
# as ../shared/tools/lo-csv.sh), in a private profile, the output thrown away. Exported so that
# `bash -c 'lo_csv "$0"' FILE` can be timed as one command.
lo_csv() {
  local profile out
  profile=$(mktemp -d); out=$(mktemp -d)
  soffice -env:UserInstallation=file://"$profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$out" "$1" >/dev/null 2>&1
  rm -rf "$profile" "$out"
}
export -f lo_csv
