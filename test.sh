#!/usr/bin/env bash
# Builds jixiao and passes every test: the GoogleTest suite, the same suite under AddressSanitizer
# + UndefinedBehaviorSanitizer, the installed package (binary, data, CMake config), and each
# libFuzzer target (one per parser, fuzz/run.sh) for 20 s over its seeds. Installs the Debian
# packages it needs.
# Usage: ./test.sh            (JIXIAO_FUZZ_SECONDS=N per target, longer or shorter; 0 skips)
set -euo pipefail
JIXIAO_ROOT=$(cd "$(dirname "$0")" && pwd)
source "$JIXIAO_ROOT/scripts/common.sh"
fuzz_seconds=${JIXIAO_FUZZ_SECONDS:-20}

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
  echo "==> 模糊测试：每个解析器 ${fuzz_seconds} 秒"
  "$JIXIAO_ROOT/fuzz/run.sh" "$fuzz_seconds"
fi
echo "==> 全部通过"
