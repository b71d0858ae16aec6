// mcs: -r:System.Web
// HttpUtility, checked through `ilcc coverage` as cover_xlinq is (a build
// costs many minutes): its encoders reach System.Web's HttpRuntime, whose
// static constructor makes performance counters, asks Mono.Runtime's
// display name by reflection, lists the domain's assemblies and reads
// machine.config's path; each public method's verdict must be as
// cover_web.cover says. The output of a program using them matches
// `LANG=C mono` (issue-16 corpus, docs/design.md "The long tail, third
// corpus").
using System.Collections.Specialized;
using System.Web;

public static class WebUse {
	public static string Encode(string s) {
		return HttpUtility.UrlEncode(s) + HttpUtility.HtmlAttributeEncode(s) +
			HttpUtility.JavaScriptStringEncode(s) + HttpUtility.HtmlEncode(s);
	}
	public static NameValueCollection Query(string q) {
		return HttpUtility.ParseQueryString(q);
	}
}
