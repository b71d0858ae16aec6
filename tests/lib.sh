# Shared by the test scripts: counters and result lines.
# Each test prints "ok NAME" or "FAIL NAME" (with details indented below);
# the totals are appended to $RESULTS for run-all's closing line.
ILCC=${ILCC:-build/ilcc}
OUT=${OUT:-build/tests}
RESULTS=${RESULTS:-$OUT/results}
mkdir -p "$OUT"
pass=0
fail=0

ok() { pass=$((pass + 1)); [ -n "${QUIET:-}" ] || echo "ok $1"; }
bad() {
	fail=$((fail + 1))
	echo "FAIL $1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | head -n 40 | sed 's/^/    /'
	return 0
}
skip=0
finish() { echo "$pass $fail $skip" >> "$RESULTS"; }
