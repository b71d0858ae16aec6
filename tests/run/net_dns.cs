// Name resolution and interfaces: NetworkInterface (loopback, whose
// addresses decide Socket.OSSupportsIPv4, which Dns filters by), Dns
// over literals, /etc/hosts' localhost and reverse lookups, a name that
// does not resolve, IPAddress parsing and printing, and a struct with a
// fixed array read by Marshal.PtrToStructure (what getifaddrs needs).
// Nothing printed depends on the machine beyond "loopback exists".
using System;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Fixed {
	public ushort Kind;
	public byte Len;
	[MarshalAs(UnmanagedType.ByValArray, SizeConst = 6)] public byte[] Data;
	public int Tail;
}

[StructLayout(LayoutKind.Sequential)]
struct Outer {
	public byte Tag;
	public Fixed Inner;
	[MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)] public int[] Ints;
	public string Name;
}

enum Unsorted { Ten = 10, Two = 2, Hundred = 100, One = 1 }

class NetDns {
	static string Join(IPAddress[] a)
	{
		return string.Join(",", a.Select(x => x.ToString()).ToArray());
	}

	static void Interfaces()
	{
		var all = NetworkInterface.GetAllNetworkInterfaces();
		Console.WriteLine("interfaces: {0}", all.Length > 0);
		var lo = all.First(n => n.NetworkInterfaceType == NetworkInterfaceType.Loopback);
		Console.WriteLine("loopback: {0} id {1} status {2}", lo.Name, lo.Id, lo.OperationalStatus);
		Console.WriteLine("  multicast {0} receive-only {1}", lo.SupportsMulticast, lo.IsReceiveOnly);
		Console.WriteLine("  supports v4 {0}", lo.Supports(NetworkInterfaceComponent.IPv4));
		var props = lo.GetIPProperties();
		foreach (var u in props.UnicastAddresses.Where(u => u.Address.AddressFamily == AddressFamily.InterNetwork))
			Console.WriteLine("  {0} mask {1}", u.Address, u.IPv4Mask);
		Console.WriteLine("  ::1 listed: {0}", props.UnicastAddresses.Any(u => u.Address.Equals(IPAddress.IPv6Loopback)) == Socket.OSSupportsIPv6);
		Console.WriteLine("  description {0} mac '{1}' gateways {2}", lo.Description,
			lo.GetPhysicalAddress(), props.GatewayAddresses.Count);
		Console.WriteLine("  v4 index is the loopback index: {0}",
			props.GetIPv4Properties().Index == NetworkInterface.LoopbackInterfaceIndex);
		try {
			Console.WriteLine("  v6 index {0}", props.GetIPv6Properties().Index);
		} catch (NotImplementedException e) {
			Console.WriteLine("  v6 properties: {0}", e.Message);
		}
		Console.WriteLine("loopback index known: {0}", NetworkInterface.LoopbackInterfaceIndex >= 0);
		Console.WriteLine("network available: {0}", NetworkInterface.GetIsNetworkAvailable());
		Console.WriteLine("OSSupportsIPv4: {0}", Socket.OSSupportsIPv4);
	}

	static void Lookup(string name)
	{
		try {
			var e = Dns.GetHostEntry(name);
			Console.WriteLine("{0}: {1} [{2}] aliases {3}", name, e.HostName, Join(e.AddressList), e.Aliases.Length);
		} catch (SocketException x) {
			Console.WriteLine("{0}: {1} {2} {3} {4}", name, x.GetType().Name, x.Message, x.SocketErrorCode, x.ErrorCode);
		} catch (Exception x) {
			Console.WriteLine("{0}: {1} {2}", name, x.GetType().Name, x.Message);
		}
	}

	static void Resolve()
	{
		Console.WriteLine("localhost: {0}", Join(Dns.GetHostAddresses("localhost")));
		Console.WriteLine("literal v4: {0}", Join(Dns.GetHostAddresses("10.1.2.3")));
		Console.WriteLine("literal v6: {0}", Join(Dns.GetHostAddresses("fe80::1:2")));
		Console.WriteLine("literal ::1: {0}", Join(Dns.GetHostAddresses("::1")));
		foreach (var n in new[] { "localhost", "LocalHost", "127.0.0.1", "nonexistent.invalid", "bad..name" })
			Lookup(n);
		var v6 = Dns.GetHostEntry(IPAddress.IPv6Loopback);
		Console.WriteLine("::1 reverse: [{0}]", Join(v6.AddressList));
		var byIp = Dns.GetHostEntry(IPAddress.Loopback);
		Console.WriteLine("127.0.0.1 reverse: {0} [{1}]", byIp.HostName, Join(byIp.AddressList));
		try {
			Dns.GetHostAddresses(null);
		} catch (ArgumentNullException x) {
			Console.WriteLine("null: {0}", x.ParamName);
		}
		var t = Dns.GetHostAddressesAsync("localhost");
		Console.WriteLine("async localhost: {0}", Join(t.Result));
		var bad = Dns.GetHostEntryAsync("nonexistent.invalid");
		try {
			bad.Wait();
		} catch (AggregateException x) {
			Console.WriteLine("async bad: {0} {1}", x.InnerException.GetType().Name, x.InnerException.Message);
		}
		Console.WriteLine("host name non-empty: {0}", Dns.GetHostName().Length > 0);
		// "" and the host's own name: the IPv4 addresses of the interfaces
		// that are up, loopback aside (when there are any)
		var local = NetworkInterface.GetAllNetworkInterfaces()
			.Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
			.SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
			.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.ToString()).OrderBy(a => a).ToArray();
		foreach (var n in new[] { "", Dns.GetHostName() }) {
			bool ok = local.Length == 0;
			if (!ok) {
				var e = Dns.GetHostEntry(n);
				ok = e.HostName == n && e.AddressList.Select(a => a.ToString()).OrderBy(a => a).SequenceEqual(local);
			}
			Console.WriteLine("{0} is the local addresses: {1}", n == "" ? "empty name" : "own name", ok);
		}
	}

	static void Parse()
	{
		foreach (var s in new[] { "127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3", "010.1.1.1",
				 "0x7f.1", "::", "::1", "::ffff:1.2.3.4", "2001:db8::1", "fe80::1%3",
				 "[::1]", "2001:0db8:0000:0000:0000:ff00:0042:8329", "1.2.3.256", "abc", "", ":::",
				 "1::2::3" }) {
			IPAddress a;
			bool ok = IPAddress.TryParse(s, out a);
			Console.WriteLine("'{0}': {1} {2} {3}", s, ok, ok ? a.ToString() : "-",
				ok ? a.AddressFamily.ToString() : "-");
		}
		try {
			IPAddress.Parse("not.an.address");
		} catch (FormatException x) {
			Console.WriteLine("Parse: {0}", x.Message);
		}
		var m = IPAddress.Parse("::ffff:10.0.0.1");
		Console.WriteLine("mapped {0} {1} {2}", m.IsIPv4MappedToIPv6, m.MapToIPv4(), IPAddress.Parse("10.0.0.1").MapToIPv6());
		var ll = IPAddress.Parse("fe80::1%3");
		Console.WriteLine("scope {0} link-local {1}", ll.ScopeId, ll.IsIPv6LinkLocal);
		Console.WriteLine("loopback {0} {1} {2}", IPAddress.IsLoopback(IPAddress.Parse("127.5.5.5")),
			IPAddress.IsLoopback(IPAddress.IPv6Loopback), IPAddress.IsLoopback(IPAddress.Parse("10.0.0.1")));
		Console.WriteLine("bytes {0}", BitConverter.ToString(IPAddress.Parse("192.168.1.2").GetAddressBytes()));
		Console.WriteLine("order {0} {1}", IPAddress.HostToNetworkOrder(0x01020304), IPAddress.NetworkToHostOrder((short)0x0102));
		Console.WriteLine("equal {0} {1}", IPAddress.Parse("1.2.3.4").Equals(new IPAddress(new byte[] { 1, 2, 3, 4 })),
			IPAddress.Parse("::1").Equals(IPAddress.Loopback));
		var ep = new IPEndPoint(IPAddress.Parse("::1"), 8080);
		Console.WriteLine("endpoint {0} {1}", ep, new IPEndPoint(IPAddress.Loopback, 80));
	}

	static void FixedArrays()
	{
		IntPtr p = Marshal.AllocHGlobal(64);
		for (int i = 0; i < 64; i++)
			Marshal.WriteByte(p, i, (byte)(i + 1));
		Console.WriteLine("SizeOf Fixed {0} Outer {1}", Marshal.SizeOf(typeof(Fixed)), Marshal.SizeOf(typeof(Outer)));
		Console.WriteLine("OffsetOf Tail {0} Ints {1} Name {2}", Marshal.OffsetOf(typeof(Fixed), "Tail"),
			Marshal.OffsetOf(typeof(Outer), "Ints"), Marshal.OffsetOf(typeof(Outer), "Name"));
		var f = (Fixed)Marshal.PtrToStructure(p, typeof(Fixed));
		Console.WriteLine("Fixed {0:x} {1} [{2}] {3:x}", f.Kind, f.Len, BitConverter.ToString(f.Data), f.Tail);
		var o = new Outer { Tag = 7, Inner = new Fixed { Kind = 1, Len = 2, Data = new byte[] { 9, 8 }, Tail = -1 },
			Ints = new[] { 10, 20, 30, 40 }, Name = "hello" };
		Marshal.StructureToPtr(o, p, false);
		var back = (Outer)Marshal.PtrToStructure(p, typeof(Outer));
		Console.WriteLine("Outer {0} {1} {2} [{3}] {4} [{5}] {6}", back.Tag, back.Inner.Kind, back.Inner.Len,
			BitConverter.ToString(back.Inner.Data), back.Inner.Tail, string.Join(",", back.Ints), back.Name);
		Marshal.DestroyStructure(p, typeof(Outer));
		Marshal.FreeHGlobal(p);
	}

	static void Enums()
	{
		Console.WriteLine("defined {0} {1} {2}", Enum.IsDefined(typeof(Unsorted), 2),
			Enum.IsDefined(typeof(Unsorted), 100), Enum.IsDefined(typeof(Unsorted), 3));
		Console.WriteLine("names {0}", string.Join(",", Enum.GetNames(typeof(Unsorted))));
		Console.WriteLine("name {0} {1}", (Unsorted)100, Enum.GetName(typeof(Unsorted), 1));
	}

	static void Main()
	{
		Interfaces();
		Resolve();
		Parse();
		FixedArrays();
		Enums();
	}
}
