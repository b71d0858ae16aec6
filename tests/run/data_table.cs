// mcs: -r:System.Data.dll
// DataTable as programs use it: typed columns, an expression column,
// Select, Compute, WriteXml and Clone. System.Data writes columns of other
// types through XmlSerializerFactory.CreateSerializer's 7-argument
// overload (xmlser.c: the XmlSerializer(Type) substitution; Mono's makes a
// temporary assembly with Reflection.Emit), and DataColumn.Clone,
// DataTable.Clone and DataSet.Clone copy by
// Activator.CreateInstance(this.GetType()) (il2c_reflect.c clones_self).
using System;
using System.Data;
using System.IO;

class DataTableTest {
	static void Main()
	{
		var dt = new DataTable("People");
		dt.Columns.Add("Id", typeof(int));
		dt.Columns.Add("Name", typeof(string));
		dt.Columns.Add("Age", typeof(int));
		dt.Columns.Add("Senior", typeof(bool), "Age > 30");
		dt.PrimaryKey = new[] { dt.Columns["Id"] };
		dt.Rows.Add(1, "Ann", 31);
		dt.Rows.Add(2, "Bob", 25);
		dt.Rows.Add(3, "Cid", 40);
		foreach (DataRow r in dt.Select("Age > 26", "Name DESC"))
			Console.WriteLine(r["Name"] + " " + r["Age"] + " " + r["Senior"]);
		Console.WriteLine(dt.Compute("MAX(Age)", "") + " " + dt.Compute("COUNT(Id)", "Senior = true"));
		try {
			dt.Rows.Add(1, "Dup", 1);
		} catch (ConstraintException e) {
			Console.WriteLine(e.GetType().Name);
		}
		var sw = new StringWriter();
		dt.WriteXml(sw);
		Console.WriteLine(sw.ToString().Replace("\r", ""));
		DataTable clone = dt.Clone();
		Console.WriteLine(clone.Columns.Count + " " + clone.Rows.Count + " " + clone.Columns[3].Expression);
		var ds = new DataSet("Shop");
		ds.Tables.Add(dt.Copy());
		DataSet ds2 = ds.Clone();
		Console.WriteLine(ds2.DataSetName + " " + ds2.Tables[0].TableName + " " + ds2.Tables[0].Rows.Count);
	}
}
