// A to-do list manager reading commands from standard input: add with
// priority and due date, done, remove, list sorted, and a summary.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace todo
{
	enum Priority { Low, Normal, High }

	class Task
	{
		public int Id;
		public string Title;
		public Priority Priority;
		public DateTime? Due;
		public bool Done;
	}

	class Program
	{
		static readonly DateTime Today = new DateTime(2024, 6, 10);

		public static int Main(string[] args)
		{
			var tasks = new List<Task>();
			int nextId = 1, errors = 0;
			string line;
			while ((line = Console.ReadLine()) != null) {
				string[] w = line.Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
				if (w.Length == 0) continue;
				string cmd = w[0], rest = w.Length > 1 ? w[1] : "";
				try {
					switch (cmd) {
					case "add": {
						var t = new Task { Id = nextId++, Priority = Priority.Normal };
						var words = new List<string>();
						foreach (string part in rest.Split(' ')) {
							if (part.StartsWith("!")) t.Priority = (Priority)Enum.Parse(typeof(Priority), part.Substring(1), true);
							else if (part.StartsWith("@")) t.Due = DateTime.ParseExact(part.Substring(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
							else words.Add(part);
						}
						t.Title = string.Join(" ", words);
						tasks.Add(t);
						Console.WriteLine("added #{0}: {1}", t.Id, t.Title);
						break;
					}
					case "done":
						tasks.Single(t => t.Id == int.Parse(rest)).Done = true;
						Console.WriteLine("completed #{0}", rest);
						break;
					case "remove":
						int removed = tasks.RemoveAll(t => t.Id == int.Parse(rest));
						Console.WriteLine(removed == 1 ? "removed #" + rest : "nothing to remove for #" + rest);
						break;
					case "list":
						Console.WriteLine("--- open tasks ---");
						foreach (var t in tasks.Where(t => !t.Done).OrderByDescending(t => t.Priority).ThenBy(t => t.Due ?? DateTime.MaxValue).ThenBy(t => t.Id)) {
							string due = t.Due.HasValue ? t.Due.Value.ToString("ddd dd MMM", CultureInfo.InvariantCulture) : "-";
							string flag = t.Due.HasValue && t.Due.Value < Today ? " OVERDUE" : t.Due == Today ? " today" : "";
							Console.WriteLine("#{0,-2} {1,-6} {2,-10} {3}{4}", t.Id, t.Priority, due, t.Title, flag);
						}
						break;
					default:
						throw new NotSupportedException("unknown command '" + cmd + "'");
					}
				} catch (Exception e) when (e is FormatException || e is ArgumentException || e is InvalidOperationException || e is NotSupportedException) {
					errors++;
					Console.WriteLine("error in \"{0}\": {1}", line, e.GetType().Name);
				}
			}
			Console.WriteLine("{0} tasks, {1} done, {2} open, {3} errors", tasks.Count, tasks.Count(t => t.Done), tasks.Count(t => !t.Done), errors);
			var next = tasks.Where(t => !t.Done && t.Due >= Today).OrderBy(t => t.Due).FirstOrDefault();
			if (next != null)
				Console.WriteLine("next due: {0} in {1} days", next.Title, (next.Due.Value - Today).Days);
			return errors;
		}
	}
}
