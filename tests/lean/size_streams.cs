// unpooled-writes (--size) leaves ArrayPool out of Stream.Write(ReadOnlySpan<byte>)
// only when no class of the program derives from Stream: this one does, and
// its Write(byte[], int, int) would see the rented array's length (Mono: 16
// for a 3-byte preamble), so Mono's body stays (docs/design.md, "Size, sixth part").
using System;
using System.IO;
using System.Text;

class Counting : Stream {
	public override bool CanRead { get { return false; } }
	public override bool CanSeek { get { return false; } }
	public override bool CanWrite { get { return true; } }
	public override long Length { get { return 0; } }
	public override long Position { get { return 0; } set { } }
	public override void Flush() { }
	public override int Read(byte[] b, int o, int n) { return 0; }
	public override long Seek(long o, SeekOrigin s) { return 0; }
	public override void SetLength(long n) { }
	public override void Write(byte[] b, int o, int n) { Console.WriteLine(b.Length + " " + n); }
}

static class SizeStreams {
	static int Main()
	{
		using (var w = new StreamWriter(new Counting(), new UTF8Encoding(true)))
			w.Write("x");
		return 0;
	}
}
