namespace Shapes;

public abstract record Shape(string Name)
{
	public string Tag { get; init; } = "none";
	public abstract double Area();
}

public sealed record Circle(string Name, double Radius) : Shape(Name)
{
	public override double Area() => 3.0 * Radius * Radius;
}

public sealed record Rect(string Name, int W, int H) : Shape(Name)
{
	public override double Area() => W * H;
}
