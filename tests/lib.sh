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

# collect GROUP XFAIL ALL RESULT...: concatenates the per-test RESULT files
# (each "ok GROUP/NAME" or "FAIL GROUP/NAME: why" with details indented
# below) into ALL and prints them (ok lines not if QUIET), then sets pass
# and fail from them and applies the XFAIL list (lines "NAME: reason"): a
# listed test that fails is counted as skipped, its details shown only if
# VERBOSE; a listed test that passes is a failure, so the list stays true.
collect() {
	local group=$1 xfail=$2 all=$3 r first name reason
	shift 3
	: > "$all"
	for r in "$@"; do
		cat "$r" >> "$all"
		first=$(head -n 1 "$r")
		name=${first#* "$group"/}
		name=${name%%:*}
		if [ "${first%% *}" = ok ]; then
			[ -n "${QUIET:-}" ] || cat "$r"
		elif [ -n "${VERBOSE:-}" ] || ! grep -q "^$name:" "$xfail"; then
			cat "$r"
		fi
	done
	pass=$(grep -c '^ok ' "$all")
	fail=$(grep -c '^FAIL ' "$all")
	while IFS=: read -r name reason; do
		case $name in ''|'#'*) continue ;; esac
		if grep -q "^FAIL $group/$name:" "$all"; then
			echo "xfail $group/$name:$reason"
			fail=$((fail - 1)); skip=$((skip + 1))
		elif grep -q "^ok $group/$name\$" "$all"; then
			echo "FAIL $group/$name: passes, but $xfail says it fails: remove it there"
			pass=$((pass - 1)); fail=$((fail + 1))
		fi
	done < "$xfail"
}
