// AppDomain.CurrentDomain, the one domain: its name, id, that it is the
// default one, and its events subscribed (not raised here: ilcc does not
// raise ProcessExit and UnhandledException yet, docs/coverage.md).
using System;
using System.Threading;

static class SysDomain {
	static int Main() {
		AppDomain d = AppDomain.CurrentDomain;
		Out.L("named", d.FriendlyName.Length > 0);
		Out.L("id", d.Id);
		Out.L("thread's domain id", Thread.GetDomainID());
		Out.L("default", d.IsDefaultAppDomain());
		Out.L("same", ReferenceEquals(d, AppDomain.CurrentDomain));
		Out.L("thread's domain", ReferenceEquals(Thread.GetDomain(), d));
		d.UnhandledException += (s, e) => Out.L("unhandled");
		d.DomainUnload += (s, e) => Out.L("unload");
		Out.L("done");
		return 0;
	}
}
