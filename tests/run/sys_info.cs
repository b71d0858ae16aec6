// What the program learns of the system: Environment.OSVersion (the
// kernel's release as Mono reads it), RuntimeInformation, the user's
// name (USER, else /etc/passwd, as Mono), and variables set and removed.
using System;
using System.Runtime.InteropServices;

static class SysInfo {
	static int Main() {
		OperatingSystem os = Environment.OSVersion;
		Out.L("platform", os.Platform.ToString());
		Out.L("version string", os.VersionString == "Unix " + os.Version);
		Out.L("major above 0", os.Version.Major > 0);
		Out.L("described", RuntimeInformation.OSDescription == os.VersionString);
		Out.L("os architecture", RuntimeInformation.OSArchitecture.ToString());
		Out.L("process architecture", RuntimeInformation.ProcessArchitecture.ToString());
		Out.L("linux", RuntimeInformation.IsOSPlatform(OSPlatform.Linux));
		Out.L("windows", RuntimeInformation.IsOSPlatform(OSPlatform.Windows));
		Out.L("64-bit", Environment.Is64BitProcess && Environment.Is64BitOperatingSystem);
		Out.L("user name", Environment.UserName.Length > 0);
		Out.L("home", Environment.GetFolderPath(Environment.SpecialFolder.Personal).Length > 0);
		Environment.SetEnvironmentVariable("ILCC_SYS_INFO", "one two é");
		Out.L("set", Environment.GetEnvironmentVariable("ILCC_SYS_INFO") == "one two é");
		Out.L("listed", Environment.GetEnvironmentVariables().Contains("ILCC_SYS_INFO"));
		Environment.SetEnvironmentVariable("ILCC_SYS_INFO", "");
		Out.L("empty removes", Environment.GetEnvironmentVariable("ILCC_SYS_INFO") == null);
		Environment.SetEnvironmentVariable("ILCC_SYS_INFO", "x");
		Environment.SetEnvironmentVariable("ILCC_SYS_INFO", null);
		Out.L("null removes", Environment.GetEnvironmentVariable("ILCC_SYS_INFO") == null);
		Out.L("expanded", Environment.ExpandEnvironmentVariables("[%ILCC_NONE_SUCH%]"));
		// the mount points Mono lists, each a rooted path
		string[] drives = Environment.GetLogicalDrives();
		Out.L("drives", Array.TrueForAll(drives, d => d.StartsWith("/")));
		return 0;
	}
}
