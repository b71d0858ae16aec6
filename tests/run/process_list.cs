// Process.GetProcesses (the ids /proc lists) and GetProcessesByName: the
// current process is among them, under its name.
using System;
using System.Diagnostics;
using System.Linq;
class P {
	static int Main() {
		Process[] all = Process.GetProcesses();
		int me = Process.GetCurrentProcess().Id;
		Out.L("many: " + (all.Length > 1));
		var mine = all.Where(p => p.Id == me).ToArray();
		Out.L("self listed: " + mine.Length);
		Out.L("name: " + mine[0].ProcessName);
		var byName = Process.GetProcessesByName(mine[0].ProcessName);
		Out.L("by name: " + byName.Any(p => p.Id == me));
		Out.L("by unknown name: " + Process.GetProcessesByName("no-such-process-xyz").Length);
		return 0;
	}
}
