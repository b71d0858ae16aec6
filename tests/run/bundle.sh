# Test bundles for tests/run/run (sourced). Building a program costs far
# more than running it, and most run tests reach the same class library, so
# a full run builds groups of tests as one program each: tests/run/BUNDLES
# names them, one line "BUNDLE TEST...". Each member's source is compiled
# unchanged but for three things: its `using` and `#define` lines stay at
# the top, the rest is wrapped in `namespace B_TEST { }` (so that equal class
# names do not clash), and its Main is made public. A generated main.cs
# calls the Main of the member its first argument names; each member then
# runs as its own process (`BUNDLE TEST`) and is checked as if alone; the
# bundle is compiled with every member's `// mcs:` arguments (references).
# Only tests that behave the same inside a bundle belong there: no
# `// ilcc:` flags, no namespace-qualified type names or the program's own
# name in the output. BUNDLE_CHECK=1 tests/run/run runs the bundles under
# `LANG=C mono` instead of ilcc: the way to check a new member.

# bundle_members BUNDLE: the member names of BUNDLE.
bundle_members() {
	awk -v b="$1" '$1 == b { for (i = 2; i <= NF; i++) print $i }' tests/run/BUNDLES
}

# bundle_names: every bundle's name.
bundle_names() {
	awk '$0 !~ /^#/ && NF > 1 { print $1 }' tests/run/BUNDLES
}

# bundle_entry SRC: "CLASS KIND" for the class holding Main (dotted when
# nested) and KIND int-args, int-noargs, void-args or void-noargs.
bundle_entry() {
	awk '
	{
		line = $0
		sub(/\/\/.*/, "", line)
		if (match(line, /(class|struct)[ \t]+[A-Za-z_][A-Za-z_0-9]*/)) {
			decl = substr(line, RSTART, RLENGTH)
			sub(/^(class|struct)[ \t]+/, "", decl)
			pending = decl
		}
		if (match(line, /static[ \t]+(int|void)[ \t]+Main[ \t]*\(/)) {
			kind = (line ~ /static[ \t]+int/) ? "int" : "void"
			kind = kind ((line ~ /Main[ \t]*\([ \t]*\)/) ? "-noargs" : "-args")
			name = ""
			for (i = 1; i <= top; i++)
				name = name (name == "" ? "" : ".") stack[i]
			print name, kind
			exit
		}
		n = length(line)
		for (i = 1; i <= n; i++) {
			c = substr(line, i, 1)
			if (c == "{") {
				d++
				if (pending != "") { stack[++top] = pending; at[top] = d; pending = "" }
			} else if (c == "}") {
				if (top > 0 && at[top] == d) top--
				d--
			}
		}
	}' "$1"
}

# bundle_sources BUNDLE FOLDER: writes each member's wrapped source and
# main.cs into FOLDER.
bundle_sources() {
	local b=$1 to=$2 t src cls kind
	mkdir -p "$to"
	for t in $(bundle_members "$b"); do
		src=tests/run/$t.cs
		read -r cls kind < <(bundle_entry "$src")
		{
			grep -E '^[[:space:]]*(using [A-Za-z_.= ]+;|#define )' "$src"
			echo "namespace B_$t {"
			grep -v -E '^[[:space:]]*(using [A-Za-z_.= ]+;|#define )' "$src" |
				sed -E 's/^([[:space:]]*)(public[[:space:]]+)?static[[:space:]]+(int|void)[[:space:]]+Main[[:space:]]*\(/\1public static \3 Main(/'
			echo "}"
		} > "$to/$t.cs"
		echo "$t B_$t.$cls.Main $kind"
	done | driver_cs BundleMain > "$to/main.cs"
}

# bundle BUNDLE: builds and runs one bundle, and writes each member's
# $dir/TEST.result as one() would.
bundle() {
	local b=$1 bd=$dir/bundle-$1 t members
	members=$(bundle_members "$b")
	rm -rf "$bd"
	bundle_sources "$b" "$bd"
	local exe=$bd/$b.exe bin=$bd/$b log=$bd/build.log why=""
	local refs
	refs=$(for t in $members; do sed -n 's|^// mcs: *||p' "tests/run/$t.cs"; done | tr ' ' '\n' | sort -u)
	if ! mcs -nologo -warn:0 -unsafe $refs -main:BundleMain -out:"$exe" "$bd"/*.cs tests/run/lib/*.cs > "$log" 2>&1 ||
		[ ! -s "$exe" ]; then
		why="cannot compile the bundle $b"
	elif [ -n "${EMIT_ONLY:-}" ]; then
		local r
		r=$(emit_only "bundle-$b" "$exe")
		for t in $members; do
			echo "$r" | sed "s|run/bundle-$b|run/$t|" > "$dir/$t.result"
		done
		return
	elif [ -z "${BUNDLE_CHECK:-}" ] && ! "$ILCC" build ${ILCC_FLAGS:-} "$exe" -o "$bin" > "$log" 2>&1; then
		why="ilcc build of the bundle $b failed"
	fi
	for t in $members; do
		if [ -n "$why" ]; then
			{ echo "FAIL run/$t: $why"; sed 's/^/    /' "$log" | head -20; } > "$dir/$t.result"
			continue
		fi
		local run=("./$b")
		[ -n "${BUNDLE_CHECK:-}" ] && run=(env LANG=C mono "$b.exe")
		(cd "$bd" && timeout "${RUN_TIMEOUT:-20}" "${run[@]}" "$t" > "$t.got" 2> "$t.err"; echo $? > "$t.gotexit")
		mv "$bd/$t.got" "$bd/$t.err" "$bd/$t.gotexit" "$dir/"
		check "$t" "$dir/$t.err" > "$dir/$t.result"
	done
}
