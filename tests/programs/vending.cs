// A vending machine state machine driven by commands on standard input
// (insert COIN, select CODE, cancel, service), with an enum of states.
using System;
using System.Collections.Generic;

namespace vending
{
	enum State { Idle, HasMoney, Dispensing, OutOfService }

	class Machine
	{
		readonly Dictionary<string, (string Name, int Price, int Stock)> slots = new Dictionary<string, (string, int, int)> {
			["A1"] = ("Cola", 150, 2), ["A2"] = ("Water", 100, 5), ["B1"] = ("Crisps", 120, 1),
		};
		static readonly int[] Coins = { 200, 100, 50, 20, 10 };
		public State State { get; private set; } = State.Idle;
		public int Credit { get; private set; }
		public int Takings { get; private set; }

		string Change(int amount)
		{
			var parts = new List<string>();
			foreach (int c in Coins)
				while (amount >= c) {
					parts.Add(c.ToString());
					amount -= c;
				}
			return parts.Count == 0 ? "none" : string.Join("+", parts);
		}

		public string Handle(string command, string arg)
		{
			if (State == State.OutOfService && command != "service")
				return "out of service";
			switch (command) {
			case "insert":
				int coin;
				if (!int.TryParse(arg, out coin) || Array.IndexOf(Coins, coin) < 0)
					return "rejected coin '" + arg + "'";
				Credit += coin;
				State = State.HasMoney;
				return "credit " + Credit;
			case "select":
				if (!slots.ContainsKey(arg ?? ""))
					return "no such slot";
				var s = slots[arg];
				if (s.Stock == 0)
					return s.Name + " sold out";
				if (Credit < s.Price)
					return string.Format("{0} costs {1}, insert {2} more", s.Name, s.Price, s.Price - Credit);
				State = State.Dispensing;
				slots[arg] = (s.Name, s.Price, s.Stock - 1);
				Takings += s.Price;
				string change = Change(Credit - s.Price);
				Credit = 0;
				State = State.Idle;
				return "dispensed " + s.Name + ", change " + change;
			case "cancel":
				string back = Change(Credit);
				Credit = 0;
				State = State.Idle;
				return "returned " + back;
			case "service":
				State = State == State.OutOfService ? State.Idle : State.OutOfService;
				return "service mode " + (State == State.OutOfService ? "on" : "off");
			default:
				throw new ArgumentException("unknown command " + command);
			}
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var m = new Machine();
			string line;
			int errors = 0;
			while ((line = Console.ReadLine()) != null) {
				var words = line.Trim().Split(' ');
				if (words[0].Length == 0) continue;
				try {
					string reply = m.Handle(words[0].ToLowerInvariant(), words.Length > 1 ? words[1].ToUpperInvariant() : null);
					Console.WriteLine("{0,-14} [{1,-12}] {2}", line.Trim(), m.State, reply);
				} catch (ArgumentException e) {
					errors++;
					Console.WriteLine("{0,-14} error: {1}", line.Trim(), e.Message);
				}
			}
			Console.WriteLine("takings {0}.{1:D2}", m.Takings / 100, m.Takings % 100);
			return errors;
		}
	}
}
