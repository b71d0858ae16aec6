// A generic method that calls itself with a bigger type argument each time
// cannot be compiled ahead of time: a clear error, not an endless build.
class Box<T> { public T v; }
static class P {
	static int Deep<T>(int n) { return n == 0 ? 0 : Deep<Box<T>>(n - 1) + 1; }
	static int Main() { return Deep<int>(3); }
}
