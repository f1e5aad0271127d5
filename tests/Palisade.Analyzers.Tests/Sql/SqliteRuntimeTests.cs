using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Data.Sqlite;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Palisade.CodeFixes.Sql;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// Proves the PAL1001 fix repairs code for real: the vulnerable source is fixed by the actual code fix provider in a
    /// workspace, both versions are compiled and loaded, and both run against an in-memory SQLite database through
    /// Microsoft.Data.Sqlite. Normal input gives the same rows; the injection payload returns rows before and none after.
    /// </summary>
    public class SqliteRuntimeTests
    {
        private const string Vulnerable = """
            using System.Collections.Generic;
            using System.Linq;
            using Dapper;
            using Microsoft.Data.Sqlite;

            public static class Queries
            {
                public static List<string> ByName(SqliteConnection lite, string name)
                {
                    using var cmd = lite.CreateCommand();
                    cmd.CommandText = "SELECT Name FROM Users WHERE Name = '" + name + "' ORDER BY Id";
                    return Read(cmd);
                }

                public static List<string> Search(SqliteConnection lite, string term)
                {
                    using var cmd = new SqliteCommand("SELECT Name FROM Users WHERE Name LIKE '%" + term + "%' ORDER BY Id", lite);
                    return Read(cmd);
                }

                public static List<string> DapperByName(SqliteConnection lite, string name) =>
                    lite.Query<string>($"SELECT Name FROM Users WHERE Name = '{name}' ORDER BY Id").ToList();

                private static List<string> Read(SqliteCommand cmd)
                {
                    var names = new List<string>();
                    using var reader = cmd.ExecuteReader();
                    while (reader.Read())
                    {
                        names.Add(reader.GetString(0));
                    }

                    return names;
                }
            }
            """;

        private const string Payload = "' OR '1'='1";

        public static IEnumerable<object[]> Methods => new[] { new object[] { "ByName" }, new object[] { "Search" }, new object[] { "DapperByName" } };

        [Fact]
        public async Task The_fix_removes_every_concatenation_and_the_analyzer_is_quiet_afterwards()
        {
            var fixedSource = await FixAllAsync(Vulnerable);
            Assert.DoesNotContain("+ name +", fixedSource);
            Assert.Contains("\"SELECT Name FROM Users WHERE Name LIKE @term ORDER BY Id\"", fixedSource);
            Assert.DoesNotContain("{name}", fixedSource);
            Assert.Contains("cmd.Parameters.AddWithValue(\"@name\", name);", fixedSource);
            Assert.Contains("cmd.Parameters.AddWithValue(\"@term\", \"%\" + term + \"%\");", fixedSource);
            Assert.Contains("new { name }", fixedSource);
            Assert.Empty(await AnalyzeAsync(fixedSource));
        }

        [Theory]
        [MemberData(nameof(Methods))]
        public async Task Normal_input_returns_the_same_rows_before_and_after(string method)
        {
            var (before, after) = await BuildBothAsync();
            using var db = OpenDatabase();
            var input = method == "Search" ? "o" : "bob";
            var expected = method == "Search" ? new[] { "bob", "carol", "o'brien" } : new[] { "bob" };

            Assert.Equal(expected, Run(before, method, db, input));
            Assert.Equal(expected, Run(after, method, db, input));
        }

        [Theory]
        [MemberData(nameof(Methods))]
        public async Task The_injection_payload_returns_rows_before_and_none_after(string method)
        {
            var (before, after) = await BuildBothAsync();
            using var db = OpenDatabase();

            Assert.Equal(new[] { "alice", "bob", "carol", "o'brien" }, Run(before, method, db, Payload));
            Assert.Empty(Run(after, method, db, Payload));
        }

        [Fact]
        public async Task A_name_with_a_quote_breaks_the_old_query_and_is_found_by_the_new_one()
        {
            var (before, after) = await BuildBothAsync();
            using var db = OpenDatabase();

            Assert.ThrowsAny<Exception>(() => Run(before, "ByName", db, "o'brien"));
            Assert.Equal(new[] { "o'brien" }, Run(after, "ByName", db, "o'brien"));
        }

        private static SqliteConnection OpenDatabase()
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = """
                CREATE TABLE Users (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL);
                INSERT INTO Users (Id, Name) VALUES (1, 'alice'), (2, 'bob'), (3, 'carol'), (4, 'o''brien');
                """;
            setup.ExecuteNonQuery();
            return connection;
        }

        private static List<string> Run(Assembly assembly, string method, SqliteConnection db, string input)
        {
            var target = assembly.GetType("Queries")!.GetMethod(method)!;
            try
            {
                return (List<string>)target.Invoke(null, new object[] { db, input })!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        private static readonly SemaphoreSlim BuildLock = new SemaphoreSlim(1, 1);
        private static (Assembly Before, Assembly After)? _built;

        /// <summary>Fixes and compiles once per test run; every test uses the same two assemblies.</summary>
        private static async Task<(Assembly Before, Assembly After)> BuildBothAsync()
        {
            await BuildLock.WaitAsync();
            try
            {
                if (_built is null)
                {
                    var fixedSource = await FixAllAsync(Vulnerable);
                    _built = (Emit("Before", Vulnerable), Emit("After", fixedSource));
                }

                return _built.Value;
            }
            finally
            {
                BuildLock.Release();
            }
        }

        private static Assembly Emit(string name, string source)
        {
            var compilation = Compile(name, source);
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return Assembly.Load(stream.ToArray());
        }

        private static CSharpCompilation Compile(string name, string source) => CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) =>
            Compile("Check", source)
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();

        /// <summary>Applies the real code fix, one diagnostic at a time, until the analyzer has nothing left to say.</summary>
        private static async Task<string> FixAllAsync(string source)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Fix", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.All)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var document = project.AddDocument("Queries.cs", SourceText.From(source));
            var provider = new ParameterizeSqlCodeFix();

            for (var round = 0; round < 10; round++)
            {
                var compilation = (await document.Project.GetCompilationAsync())!;
                var diagnostics = await compilation
                    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                    .GetAnalyzerDiagnosticsAsync();
                if (diagnostics.IsEmpty)
                {
                    return (await document.GetTextAsync()).ToString();
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
                await provider.RegisterCodeFixesAsync(context);
                Assert.Single(actions);
                var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
                var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                document = changed.GetDocument(document.Id)!;
            }

            throw new InvalidOperationException("the fix did not converge");
        }
    }
}
