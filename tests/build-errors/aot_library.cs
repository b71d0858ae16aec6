// ilcc: --warn-library
// --warn-library: the class library's own AOT-unsafe sites are warned
// about too (without it, only the program's): Console reaches
// CultureInfo.CreateCalendar, which looks a calendar type up by a name
// made at run time. Native AOT's per-assembly warnings are the nearest.
using System;

static class P {
	static void Main() {
		Console.WriteLine(Convert.ChangeType("12", typeof(int)));
	}
}
