using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Hand-written inputs that stress size and depth rather than syntax errors alone: 1 MB literals in sinks,
    /// 2,000-deep concatenations and parentheses, unsafe fragments and broken interpolated strings.
    /// </summary>
    internal static class PathologicalCases
    {
        private const int Depth = 2000;
        private static readonly string Megabyte = new string('x', 1024 * 1024);

        private const string Usings = """
            using System;
            using System.Data;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Logging;
            using Contoso.Core;

            """;

        public static IEnumerable<(string Name, string Text)> All()
        {
            yield return ("huge/sql-literal", InMethod($"var command = new SqlCommand(\"SELECT * FROM T WHERE Name = '\" + name + \"' -- {Megabyte}\");"));
            yield return ("huge/password-literal", Usings + $"static class Secrets {{ public const string Password = \"{Megabyte}\"; }}");
            yield return ("huge/log-template", InMethod($"logger.LogInformation(\"{Megabyte} {{Password}}\", password);"));
            yield return ("huge/verbatim-interpolation", InMethod($"db.Database.ExecuteSqlRaw($@\"DELETE FROM T WHERE {{name}} {Megabyte}\");"));
            yield return ("huge/unterminated-literal", InMethod($"var command = new SqlCommand(\"{Megabyte}"));

            yield return ("deep/sql-concatenation", InMethod("var command = new SqlCommand(\"SELECT \" + " + string.Join(" + \",\" + ", Enumerable.Repeat("name", Depth)) + ");"));
            yield return ("deep/log-concatenation", InMethod("logger.LogInformation(\"a\" + " + string.Join(" + ", Enumerable.Repeat("password", Depth)) + ");"));
            yield return ("deep/parentheses", InMethod("var command = new SqlCommand(" + new string('(', Depth) + "\"SELECT \" + name" + new string(')', Depth) + ");"));
            yield return ("deep/unbalanced-parentheses", InMethod("var command = new SqlCommand(" + new string('(', Depth) + "\"SELECT \" + name);"));
            yield return ("deep/conditional", InMethod("var sql = " + string.Concat(Enumerable.Repeat("name.Length > 1 ? name : ", 500)) + "\"x\"; connection.Query<int>(sql);"));
            yield return ("deep/interpolation", InMethod("connection.Execute(" + string.Concat(Enumerable.Repeat("$\"{", 8)) + "name" + string.Concat(Enumerable.Repeat("}\"", 8)) + ");"));
            yield return ("deep/nested-lambdas", InMethod("Func<int, int> f = " + string.Concat(Enumerable.Repeat("x => ", 300)) + "x;"));

            yield return ("unsafe/unfinished-fixed", InMethod("unsafe { fixed (byte* p = ) { *p = 1; "));
            yield return ("unsafe/pointer-outside-unsafe", InMethod("int* p = stackalloc int[4]; p[5] = 1; var q = &name;"));
            yield return ("unsafe/function-pointer-fragment", Usings + "unsafe class C { delegate* unmanaged<int, void M() { } }");
            yield return ("unsafe/dangling-safety-comment", Usings + "class C {\n    // SAFETY: checked above\n");
            yield return ("unsafe/unfinished-dllimport", Usings + "static class N { [System.Runtime.InteropServices.DllImport(\"libc\", EntryPoint = ] static extern unsafe int* M(");
            yield return ("unsafe/sizeof-and-as", InMethod("// SAFETY:\nvar size = sizeof(Customer); ref var r = ref System.Runtime.CompilerServices.Unsafe.As<string, int>(ref name);"));

            yield return ("interpolation/open-hole", InMethod("var command = new SqlCommand($\"SELECT * FROM T WHERE Id = {"));
            yield return ("interpolation/unclosed-hole", InMethod("var command = new SqlCommand($\"SELECT * FROM T WHERE Id = {name\");"));
            yield return ("interpolation/raw-unterminated", InMethod("db.Database.ExecuteSql($$\"\"\"\n  DELETE FROM T WHERE Name = {{name\n"));
            yield return ("interpolation/empty-hole-and-format", InMethod("connection.Query<int>($\"SELECT {} {name,} {name:} {,5}\");"));
            yield return ("interpolation/nested-quotes", InMethod("logger.LogInformation($\"{(name.Length > 0 ? \"a\" : \"b\")\" + password);"));
            yield return ("interpolation/fromsql-broken", InMethod("var rows = db.Set<Customer>().FromSql($\"SELECT * FROM C WHERE Name = {name\").ToList(;"));

            yield return ("misc/empty", string.Empty);
            yield return ("misc/unterminated-directive", "#if DEBUG\nclass C { void M() { var s = \"SELECT \" + args; } }\n");
            yield return ("misc/top-level-statements", Usings + "var name = args[0];\nnew SqlCommand(\"SELECT * FROM T WHERE Name = '\" + name + \"'\").ExecuteNonQuery();\nconst string Password = \"hunter2!\";\n");
            yield return ("misc/missing-types-in-sinks", InMethod("var command = new SqlCommand(Missing.Value + name); connection.Query<Nope>(sql + name); logger.Log(??); new Unknown(password);"));
            yield return ("misc/control-characters", Usings + "class C { string Password = \"\u0000\u0001\uFFFF\uD800\"; void M(string s) { new SqlCommand(\"x\" + s\u0000); } }");
            yield return ("misc/attribute-and-generic-garbage", Usings + "[Obsolete(\"x\" + )] class C<T where T : > { string password = $\"{T}\"; }");
        }

        /// <summary>Puts statements inside a method that has the usual sinks and secrets in scope.</summary>
        private static string InMethod(string statements)
        {
            var text = new StringBuilder(Usings);
            text.AppendLine("public sealed class Broken")
                .AppendLine("{")
                .AppendLine("    public void Run(string name, string password, string sql, ILogger logger, IDbConnection connection, ShopContext db)")
                .AppendLine("    {")
                .AppendLine("        " + statements)
                .AppendLine("    }")
                .AppendLine("}");
            return text.ToString();
        }
    }
}
