// ilcc: --descriptor tests/build-errors/directive_wrong_root.xml
// An rd.xml file given as an ILLink descriptor.
static class P {
	static int Main() { return 0; }
}
