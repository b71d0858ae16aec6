// Hello World walks no stack: without StackFrame.get_frame_info it has no
// table of methods, no unwind tables and no stack walker (src/emit/stack.c),
// although ExceptionDispatchInfo makes StackTrace objects from exceptions.
using System;

class Hello {
	static void Main() { Console.WriteLine("Hello"); }
}
