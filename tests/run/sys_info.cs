// What the program learns of the system: Environment.OSVersion (the
// kernel's release as Mono reads it) and RuntimeInformation.
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
		return 0;
	}
}
