// ilcc: --rd tests/build-errors/directive_bad_xml.rd.xml
// A malformed rd.xml file: the build stops at its line and column.
static class P {
	static int Main() { return 0; }
}
