// AppDomain.CurrentDomain, the one domain: its name, id, that it is the
// default one, ProcessExit raised after Main returns (and after the
// foreground threads end), other events subscribed and not raised.
using System;
using System.Threading;

static class SysDomain {
	static int Main() {
		AppDomain d = AppDomain.CurrentDomain;
		Out.L("named", d.FriendlyName.Length > 0);
		Out.L("named after the assembly file", d.FriendlyName.EndsWith(".exe"));
		Out.L("id", d.Id);
		Out.L("thread's domain id", Thread.GetDomainID());
		Out.L("default", d.IsDefaultAppDomain());
		Out.L("same", ReferenceEquals(d, AppDomain.CurrentDomain));
		Out.L("thread's domain", ReferenceEquals(Thread.GetDomain(), d));
		d.UnhandledException += (s, e) => Out.L("unhandled");
		d.DomainUnload += (s, e) => Out.L("unload");
		d.ProcessExit += (s, e) => Out.L("process exit, arguments null", e == null);
		d.ProcessExit += (s, e) => { Out.L("second handler throws"); throw new Exception("dropped"); };
		d.ProcessExit += (s, e) => Out.L("third handler not run");
		var t = new Thread(() => { Thread.Sleep(200); Out.L("foreground thread ends"); });
		t.Start();
		Out.L("done");
		return 4;
	}
}
