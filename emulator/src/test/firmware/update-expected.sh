#!/usr/bin/env bash
# Regenerates <case>.exp (and <case>.stderr where cases.properties names one) by running every
# case of cases.properties under qemu-system-arm -M mps2-an385, the reference. Review the diff
# before keeping it: an .exp file states what correct output is.
# Usage: ./update-expected.sh [case...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build="$here/build"
make -s -C "$here" OUT="$build"

prop() { sed -n "s/^$1\\.$2=//p" "$here/cases.properties"; }
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  mapfile -t cases < <(sed -n 's/^\([a-z0-9_]*\)\.image=.*/\1/p' "$here/cases.properties")
fi

for c in "${cases[@]}"; do
  image="$build/$(prop "$c" image)"
  [[ $image == *.* ]] || image+=".elf"
  semi="enable=on,target=native"
  for word in $(prop "$c" args); do semi+=",arg=$word"; done
  stdin=/dev/null
  [[ -n $(prop "$c" stdin) ]] && stdin="$here/$(prop "$c" stdin)"
  work=$(mktemp -d)
  status=0
  (cd "$work" && ulimit -c 0 && timeout 20 qemu-system-arm -M mps2-an385 -nographic \
      -semihosting-config "$semi" -kernel "$image" <"$stdin" >"$work/out" 2>"$work/err") || status=$?
  expfile=$(prop "$c" expfile)
  cp "$work/out" "$here/${expfile:-$c.exp}"
  errfile=$(prop "$c" stderr)
  [[ -n $errfile ]] && cp "$work/err" "$here/$errfile"
  echo "$c: status $status (expected $(prop "$c" exit)$( [[ $(prop "$c" lockup) == true ]] && echo ' lockup'))"
  rm -rf "$work"
done
