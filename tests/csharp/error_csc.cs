// A C# error: the build fails with status 1 and Roslyn's message.
class Bad { static void Main() { int x = y; } }
