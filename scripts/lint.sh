#!/usr/bin/env bash
# The code checks CI runs (scripts/test.sh), each failing on any finding:
#   scripts/lint.sh format   clang-format --dry-run over every C++ file (.clang-format)
#   scripts/lint.sh tidy     clang-tidy (.clang-tidy) over dispatcher/, shared/ and gui/,
#                            from the compile commands of $BUILD_DIR (default build/)
#   scripts/lint.sh          both
# To fix formatting: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
BUILD_DIR=${BUILD_DIR:-$here/build}
what=${1:-all}
status=0

if [ "$what" = format ] || [ "$what" = all ]; then
  t0=$SECONDS
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
  if out=$(clang-format --dry-run --Werror "${files[@]}" 2>&1); then
    echo "format: ${#files[@]} files formatted as .clang-format says ($((SECONDS - t0)) s)"
  else
    printf '%s\n' "$out" | grep -E '^[^ ].*(error|warning):' | cut -d: -f1 | sort -u | sed 's/^/format: not formatted: /'
    echo "format: run clang-format -i on those files"
    status=1
  fi
fi

if [ "$what" = tidy ] || [ "$what" = all ]; then
  t0=$SECONDS
  if [ ! -f "$BUILD_DIR/compile_commands.json" ]; then
    echo "tidy: no $BUILD_DIR/compile_commands.json (build first: scripts/setup.sh)"
    exit 2
  fi
  # Generated sources (moc, rcc) need the build's generated headers; they exist after
  # a build. Only our own sources are checked.
  log=$(mktemp)
  # run-clang-tidy always asks for colour: strip it so the findings can be counted.
  run-clang-tidy -p "$BUILD_DIR" -j "$(nproc)" -quiet "^$here/(dispatcher|shared|gui)/.*\\.cpp\$" 2>&1 |
    sed 's/\x1b\[[0-9;]*m//g' >"$log"
  rc=${PIPESTATUS[0]}
  findings=$(grep -cE '^/.*: (warning|error): ' "$log" || true)
  if [ "$rc" != 0 ] || [ "$findings" != 0 ]; then
    grep -E '^/.*: (warning|error): ' "$log" | sort -u
    echo "tidy: $findings findings (exit $rc) in $((SECONDS - t0)) s"
    status=1
  else
    echo "tidy: no findings ($((SECONDS - t0)) s)"
  fi
  rm -f "$log"
fi
exit $status
