// Processes: Process.Start with and without redirection, arguments, environment, working folder, waits, Kill, events, the current process (icall_proc.c).
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Collections.Generic;

class P {
	static ProcessStartInfo Sh(string script) {
		var si = new ProcessStartInfo("/bin/sh");
		si.Arguments = "-c \"" + script + "\"";
		si.UseShellExecute = false;
		return si;
	}
	static void Main() {
		// plain, exit code
		var si = Sh("exit 3");
		using (var p = Process.Start(si)) {
			p.WaitForExit();
			Console.WriteLine("exit " + p.ExitCode + " " + p.HasExited);
		}
		// redirected stdout, arguments
		si = new ProcessStartInfo("/bin/echo", "hello \"two words\" three");
		si.UseShellExecute = false;
		si.RedirectStandardOutput = true;
		using (var p = Process.Start(si)) {
			string s = p.StandardOutput.ReadToEnd();
			p.WaitForExit();
			Console.WriteLine("out [" + s.TrimEnd() + "] " + p.ExitCode);
		}
		// arguments split as Mono splits them: backslashes inside "...",
		// quotes in the middle of a word, empty words
		foreach (var args in new[] { "\"printf '%s,' \\\"$0\\\" a 'b c'\"", "a\"b c\"d 'e'f \"\" g\\ h",
					     "\"x\\ny\" '\\z' \\\\w" }) {
			si = new ProcessStartInfo("/bin/sh", "-c 'printf \"[%s]\" \"$@\"' sh " + args);
			si.UseShellExecute = false;
			si.RedirectStandardOutput = true;
			using (var p = Process.Start(si)) {
				string s = p.StandardOutput.ReadToEnd();
				p.WaitForExit();
				Console.WriteLine("split " + s);
			}
		}
		// stdin -> stdout, stderr
		si = Sh("cat; echo err >&2");
		si.RedirectStandardInput = true;
		si.RedirectStandardOutput = true;
		si.RedirectStandardError = true;
		using (var p = Process.Start(si)) {
			p.StandardInput.WriteLine("line one");
			p.StandardInput.WriteLine("line two");
			p.StandardInput.Close();
			string o = p.StandardOutput.ReadToEnd();
			string e = p.StandardError.ReadToEnd();
			p.WaitForExit();
			Console.Write("cat: " + o);
			Console.Write("err: " + e);
		}
		// environment and working folder
		si = Sh("echo $ILCC_T_VAR; pwd");
		si.EnvironmentVariables["ILCC_T_VAR"] = "value-42";
		si.WorkingDirectory = "/tmp";
		si.RedirectStandardOutput = true;
		using (var p = Process.Start(si)) {
			Console.Write(p.StandardOutput.ReadToEnd());
			p.WaitForExit();
		}
		// async events
		si = Sh("for i in 1 2 3; do echo n$i; done");
		si.RedirectStandardOutput = true;
		var lines = new List<string>();
		using (var p = new Process()) {
			p.StartInfo = si;
			p.OutputDataReceived += (o, ev) => { if (ev.Data != null) lock (lines) lines.Add(ev.Data); };
			p.Start();
			p.BeginOutputReadLine();
			p.WaitForExit();
			lock (lines) Console.WriteLine("async: " + string.Join(",", lines));
		}
		// timeout and kill
		si = Sh("sleep 10");
		using (var p = Process.Start(si)) {
			bool done = p.WaitForExit(200);
			Console.WriteLine("timeout done=" + done + " exited=" + p.HasExited);
			p.Kill();
			p.WaitForExit();
			Console.WriteLine("killed exited=" + p.HasExited + " code=" + p.ExitCode);
		}
		// current process
		var me = Process.GetCurrentProcess();
		Console.WriteLine("id ok " + (me.Id > 0) + " " + (me.Id == Process.GetProcessById(me.Id).Id));
		Console.WriteLine("ws ok " + (me.WorkingSet64 > 0));
		Console.WriteLine("name ok " + (me.ProcessName.Length > 0));
		// missing program
		try {
			var b = new ProcessStartInfo("/nonexistent/prog");
			b.UseShellExecute = false;
			Process.Start(b);
		} catch (System.ComponentModel.Win32Exception ex) { Console.WriteLine("missing: " + ex.GetType().Name + " " + ex.NativeErrorCode); }
		// shell execute (the default), our own standard output
		Console.WriteLine("before shell");
		using (var p = Process.Start("echo", "'single quoted'  x\\ y")) {
			p.WaitForExit();
			Console.WriteLine("after shell " + p.ExitCode);
		}
		// program found along $PATH, stderr events, Exited event
		si = new ProcessStartInfo("sh", "-c 'echo e1 >&2; echo e2 >&2; exit 7'");
		si.UseShellExecute = false;
		si.RedirectStandardError = true;
		var errs = new List<string>();
		var exited = new System.Threading.ManualResetEvent(false);
		using (var p = new Process()) {
			p.StartInfo = si;
			p.EnableRaisingEvents = true;
			p.ErrorDataReceived += (o, ev) => { if (ev.Data != null) lock (errs) errs.Add(ev.Data); };
			p.Exited += (o, ev) => exited.Set();
			p.Start();
			p.BeginErrorReadLine();
			p.WaitForExit();
			Console.WriteLine("exited event " + exited.WaitOne(5000) + " code " + p.ExitCode);
			lock (errs) Console.WriteLine("stderr async: " + string.Join(",", errs));
		}
		// line by line, many lines through the pipe
		si = Sh("seq 1 20000");
		si.RedirectStandardOutput = true;
		using (var p = Process.Start(si)) {
			long sum = 0; int n = 0; string l;
			while ((l = p.StandardOutput.ReadLine()) != null) { sum += int.Parse(l); n++; }
			p.WaitForExit();
			Console.WriteLine("seq " + n + " " + sum);
		}
		// a program that cannot run in the working folder given
		si = Sh("true");
		si.WorkingDirectory = "/nonexistent-dir";
		using (var p = Process.Start(si)) { p.WaitForExit(); Console.WriteLine("bad dir code " + p.ExitCode); }
		Console.WriteLine("self exited " + me.HasExited);
		try { Process.GetProcessById(0x7ffffff0); } catch (Exception ex) { Console.WriteLine("byid: " + ex.GetType().Name); }
	}
}
