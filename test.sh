#!/usr/bin/env bash
# Builds jixiao and passes every test: the GoogleTest suite, the same suite under AddressSanitizer
# + UndefinedBehaviorSanitizer, the installed package (binary, data, CMake config), and the XLSX
# reader and the audit claim parser fuzzers for 60 s each. Installs the Debian packages it needs.
# Usage: ./test.sh            (JIXIAO_FUZZ_SECONDS=N to fuzz longer or shorter; 0 skips)
set -euo pipefail
JIXIAO_ROOT=$(cd "$(dirname "$0")" && pwd)
source "$JIXIAO_ROOT/scripts/common.sh"
fuzz_seconds=${JIXIAO_FUZZ_SECONDS:-60}

ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" "${JIXIAO_TEST_PACKAGES[@]}"
B="$JIXIAO_ROOT/build"

# ctest's per-test lines go to a log; the summary and any failure's output come to the terminal.
run_ctest() {
  local dir=$1
  if (cd "$dir" && ctest --output-on-failure -j "$(jobs)" > "$dir/ctest.log" 2>&1); then
    tail -n 3 "$dir/ctest.log"
  else
    grep -vE '^ *(Start|[0-9]+/[0-9]+ Test) .*Passed' "$dir/ctest.log" | tail -n 200
    echo "测试失败：完整记录见 $dir/ctest.log" >&2
    return 1
  fi
}

echo "==> 构建并运行测试"
configure_and_build "$B/test" -DCMAKE_BUILD_TYPE=RelWithDebInfo
run_ctest "$B/test"

echo "==> AddressSanitizer + UBSan"
configure_and_build "$B/asan" -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest "$B/asan"

echo "==> 安装包：二进制、数据和 CMake 配置"
rm -rf "$B/test/install"
cmake --install "$B/test" --prefix "$B/test/install" >/dev/null
# From another directory, the installed binary must find its data next to itself.
version=$(cd / && "$B/test/install/bin/jixiao" --version)
echo "$version"
grep -q "$B/test/install/share/jixiao" <<<"$version" || { echo "安装后的 jixiao 找不到自己的数据目录" >&2; exit 1; }
(cd / && "$B/test/install/bin/jixiao" recompute "$JIXIAO_ROOT/samples/libreoffice/003_附件1.1_机关建设及日常保障经费.xlsx" >/dev/null)
cmake -S "$JIXIAO_ROOT/tests/consumer" -B "$B/consumer" -DCMAKE_PREFIX_PATH="$B/test/install" >/dev/null
cmake --build "$B/consumer" >/dev/null
"$B/consumer/consumer" "$JIXIAO_ROOT/tests/fixtures/xlsx/$(ls "$JIXIAO_ROOT/tests/fixtures/xlsx" | head -1)"

if ((fuzz_seconds > 0)); then
  echo "==> 模糊测试 xlsx 读取器 ${fuzz_seconds} 秒"
  configure_and_build "$B/fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DJIXIAO_FUZZ=ON -DJIXIAO_BUILD_TESTS=OFF
  corpus="$B/fuzz/corpus"
  mkdir -p "$corpus"
  cp "$JIXIAO_ROOT"/tests/fixtures/xlsx/*.xlsx "$JIXIAO_ROOT"/tests/fixtures/bad/* "$JIXIAO_ROOT"/samples/libreoffice/*.xlsx \
    "$corpus"/ 2>/dev/null || true
  "$B/fuzz/fuzz/xlsx_reader_fuzz" -max_total_time="$fuzz_seconds" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$B/fuzz/" \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
  echo "==> 模糊测试 audit 的报告文字解析 ${fuzz_seconds} 秒"
  claims_corpus="$B/fuzz/claims-corpus"
  mkdir -p "$claims_corpus"
  cp "$JIXIAO_ROOT"/../shared/seeds/*.txt "$claims_corpus"/ 2>/dev/null || true
  printf '2022年本年收入合计３５５５．８２万元，其中：一般公共预算财政拨款收入3429.91万元，占96.46%%。与2021年4024.76万元相比，减少468.94万元，下降11.65%%。\n' \
    > "$claims_corpus/sentences.txt"
  "$B/fuzz/fuzz/narrative_claims_fuzz" -max_total_time="$fuzz_seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$B/fuzz/" -print_final_stats=1 "$claims_corpus" 2>&1 | tail -n 12
fi
echo "==> 全部通过"
