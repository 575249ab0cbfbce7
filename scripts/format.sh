#!/usr/bin/env bash
# clang-format (Debian's 14, pinned by the distribution) over every tracked C++ file.
# Usage: scripts/format.sh check|fix
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
mapfile -t files < <(git ls-files '*.cc' '*.h' | grep -v '^tests/fuzz/corpus/')
if ((${#files[@]} == 0)); then exit 0; fi
if [[ $mode == fix ]]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run -Werror "${files[@]}"
fi
