// Bank accounts: an abstract account, two kinds of it, a custom exception
// for overdrafts and a statement printed with decimal formatting.
using System;
using System.Collections.Generic;

namespace bank
{
	class InsufficientFundsException : Exception
	{
		public decimal Shortfall { get; }
		public InsufficientFundsException(string account, decimal shortfall)
			: base(string.Format("Account {0} is short by {1:F2}", account, shortfall))
		{
			Shortfall = shortfall;
		}
	}

	abstract class Account
	{
		readonly List<string> log = new List<string>();
		public string Id { get; }
		public string Owner { get; }
		public decimal Balance { get; protected set; }

		protected Account(string id, string owner) { Id = id; Owner = owner; }

		public abstract decimal OverdraftLimit { get; }
		public abstract string Kind { get; }

		public void Deposit(decimal amount)
		{
			if (amount <= 0)
				throw new ArgumentOutOfRangeException(nameof(amount), "Deposit must be positive");
			Balance += amount;
			log.Add(string.Format("deposit  {0,10:F2} -> {1,10:F2}", amount, Balance));
		}

		public void Withdraw(decimal amount)
		{
			if (Balance - amount < -OverdraftLimit)
				throw new InsufficientFundsException(Id, amount - Balance - OverdraftLimit);
			Balance -= amount;
			log.Add(string.Format("withdraw {0,10:F2} -> {1,10:F2}", amount, Balance));
		}

		public virtual void EndOfMonth() { }

		public void PrintStatement()
		{
			Console.WriteLine("{0} account {1} ({2})", Kind, Id, Owner);
			foreach (string entry in log)
				Console.WriteLine("  " + entry);
			Console.WriteLine("  balance: {0:N2}", Balance);
		}

		protected void Note(string what) { log.Add(what); }
	}

	class Savings : Account
	{
		readonly decimal rate;
		public Savings(string id, string owner, decimal rate) : base(id, owner) { this.rate = rate; }
		public override decimal OverdraftLimit => 0m;
		public override string Kind => "Savings";
		public override void EndOfMonth()
		{
			decimal interest = Math.Round(Balance * rate / 12m, 2, MidpointRounding.AwayFromZero);
			Balance += interest;
			Note(string.Format("interest {0,10:F2} -> {1,10:F2}", interest, Balance));
		}
	}

	class Checking : Account
	{
		public Checking(string id, string owner) : base(id, owner) { }
		public override decimal OverdraftLimit => 100m;
		public override string Kind => "Checking";
		public override void EndOfMonth()
		{
			if (Balance < 0) {
				Balance -= 5m;
				Note(string.Format("fee      {0,10:F2} -> {1,10:F2}", 5m, Balance));
			}
		}
	}

	class Program
	{
		public static int Main(string[] args)
		{
			var accounts = new List<Account> {
				new Savings("S-001", "Ada", 0.035m),
				new Checking("C-002", "Brian"),
			};
			accounts[0].Deposit(1500m);
			accounts[0].Withdraw(200.25m);
			accounts[1].Deposit(80m);
			accounts[1].Withdraw(150.10m);
			int failures = 0;
			try {
				accounts[1].Withdraw(50m);
			} catch (InsufficientFundsException e) {
				failures++;
				Console.WriteLine("{0}: {1} (shortfall {2})", e.GetType().Name, e.Message, e.Shortfall);
			}
			try {
				accounts[0].Deposit(-3m);
			} catch (ArgumentOutOfRangeException e) {
				failures++;
				Console.WriteLine("{0}: {1}", e.GetType().Name, e.ParamName);
			}
			foreach (var a in accounts)
				a.EndOfMonth();
			foreach (var a in accounts)
				a.PrintStatement();
			decimal total = 0;
			foreach (var a in accounts)
				total += a.Balance;
			Console.WriteLine("Total held: {0,12:N2}", total);
			return failures;
		}
	}
}
