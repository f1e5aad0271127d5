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
        private const string Vulnerable = """"
            using System.Collections.Generic;
            using System.Data;
            using System.Linq;
            using System.Text;
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

                public static List<string> ProviderNeutral(SqliteConnection lite, string name)
                {
                    IDbCommand cmd = lite.CreateCommand();
                    cmd.CommandText = "SELECT Name FROM Users WHERE Name = '" + name + "' ORDER BY Id";
                    IDbCommand again = lite.CreateCommand();
                    again.CommandText = "SELECT Name FROM Users WHERE Name = '" + name + "' ORDER BY Id";
                    return Read((SqliteCommand)again);
                }

                public static List<string> BuilderOnCommand(SqliteConnection lite, string name)
                {
                    using var cmd = lite.CreateCommand();
                    var sql = new StringBuilder("SELECT Name FROM Users WHERE 1 = 1");
                    if (name.Length > 0)
                    {
                        sql.Append(" AND Name = '").Append(name).Append("'");
                    }

                    if (name.Length > 100)
                        sql.Append($" AND Name <> '{name}'");
                    sql.Append(" ORDER BY Id");
                    cmd.CommandText = sql.ToString();
                    return Read(cmd);
                }

                public static List<string> BuilderBeforeCommand(SqliteConnection lite, string name)
                {
                    var sql = new StringBuilder();
                    sql.AppendLine("SELECT Name FROM Users WHERE 1 = 1");
                    if (name.Length > 0)
                    {
                        sql.AppendFormat(" AND Name = '{0}'", name);
                    }

                    sql.Append(" ORDER BY Id");
                    using var cmd = new SqliteCommand(sql.ToString(), lite);
                    return Read(cmd);
                }

                public static List<string> DapperBranches(SqliteConnection lite, string name)
                {
                    var sql = "SELECT Name FROM Users WHERE 1 = 1";
                    if (name.Length > 0)
                    {
                        sql += " AND Name = '" + name + "'";
                    }
                    else
                    {
                        sql = sql + " AND Name = 'nobody'";
                    }

                    sql += " ORDER BY Id";
                    return lite.Query<string>(sql).ToList();
                }

                public static List<string> Ternary(SqliteConnection lite, string name)
                {
                    using var cmd = lite.CreateCommand();
                    var exact = name.Length > 0;
                    var sql = "SELECT Name FROM Users";
                    sql += " WHERE Name = '" + (exact ? name : name.Trim()) + "'";
                    sql += " ORDER BY Id";
                    cmd.CommandText = sql;
                    return Read(cmd);
                }

                public static List<string> RawMultiLine(SqliteConnection lite, string name)
                {
                    using var cmd = lite.CreateCommand();
                    cmd.CommandText = $"""
                        SELECT Name
                        FROM Users
                        WHERE Name = '{name}'
                        ORDER BY Id
                        """;
                    return Read(cmd);
                }

                public static List<string> Verbatim(SqliteConnection lite, string name)
                {
                    using var cmd = lite.CreateCommand();
                    cmd.CommandText = @"SELECT Name FROM Users
            WHERE Name = '" + name + @"'
            ORDER BY Id";
                    return Read(cmd);
                }

                public static List<string> AnyOf(SqliteConnection lite, string names)
                {
                    using var cmd = lite.CreateCommand();
                    var sql = "SELECT Name FROM Users WHERE 1 = 0";
                    foreach (var name in names.Split(';'))
                    {
                        sql += " OR Name = '" + name + "'";
                    }

                    cmd.CommandText = sql + " ORDER BY Id";
                    return Read(cmd);
                }

                public static List<string> DapperInList(SqliteConnection lite, string names)
                {
                    var wanted = names.Split(';');
                    return lite.Query<string>("SELECT Name FROM Users WHERE Name IN ('" + string.Join("','", wanted) + "') ORDER BY Id").ToList();
                }

                public static List<string> AdoInList(SqliteConnection lite, string names)
                {
                    using var cmd = lite.CreateCommand();
                    var wanted = names.Split(';');
                    cmd.CommandText = "SELECT Name FROM Users WHERE Name IN ('" + string.Join("','", wanted) + "') ORDER BY Id";
                    return Read(cmd);
                }

                public static List<string> AdoInListInterpolated(SqliteConnection lite, string names)
                {
                    IDbCommand cmd = lite.CreateCommand();
                    var wanted = names.Split(';', System.StringSplitOptions.RemoveEmptyEntries).ToList();
                    cmd.CommandText = $"SELECT Name FROM Users WHERE Name IN ('{string.Join("', '", wanted)}') ORDER BY Id";
                    return Read((SqliteCommand)cmd);
                }

                public static List<string> AdoTwoInLists(SqliteConnection lite, string names)
                {
                    using var cmd = lite.CreateCommand();
                    var wanted = names.Split(';');
                    var alsoWanted = names.Split(';').Reverse().ToArray();
                    cmd.CommandText = "SELECT Name FROM Users WHERE Name IN ('" + string.Join("','", wanted) + "') AND Id IN (SELECT Id FROM Users WHERE Name IN ('" + string.Join("','", alsoWanted) + "')) ORDER BY Id";
                    return Read(cmd);
                }

                public static List<string> DapperAnyOf(SqliteConnection lite, string names)
                {
                    var sql = "SELECT Name FROM Users WHERE 1 = 0";
                    foreach (var name in names.Split(';'))
                    {
                        sql += " OR Name = '" + name + "'";
                    }

                    return lite.Query<string>(sql + " ORDER BY Id").ToList();
                }

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
            """";

        private const string Payload = "' OR '1'='1";

        /// <summary>Inside IN ('...') the payload has to close the list first.</summary>
        private const string ListPayload = "x') OR ('1'='1";

        /// <summary>Every fix shape: one method each, fixed one diagnostic at a time and with Fix All.</summary>
        public static IEnumerable<object[]> Methods =>
            from method in new[] { "ByName", "Search", "DapperByName", "ProviderNeutral", "BuilderOnCommand", "BuilderBeforeCommand", "DapperBranches", "Ternary", "RawMultiLine", "Verbatim", "AnyOf", "DapperInList", "AdoInList", "AdoInListInterpolated", "AdoTwoInLists", "DapperAnyOf" }
            from fixAll in new[] { false, true }
            select new object[] { method, fixAll };

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
        public async Task Normal_input_returns_the_same_rows_before_and_after(string method, bool fixAll)
        {
            var (before, after) = await BuildBothAsync(fixAll);
            using var db = OpenDatabase();
            var input = method == "Search" ? "o" : "bob";
            var expected = method == "Search" ? new[] { "bob", "carol", "o'brien" } : new[] { "bob" };

            Assert.Equal(expected, Run(before, method, db, input));
            Assert.Equal(expected, Run(after, method, db, input));
        }

        [Theory]
        [MemberData(nameof(Methods))]
        public async Task The_injection_payload_returns_rows_before_and_none_after(string method, bool fixAll)
        {
            var (before, after) = await BuildBothAsync(fixAll);
            using var db = OpenDatabase();

            var payload = method is "DapperInList" or "AdoInList" or "AdoInListInterpolated" or "AdoTwoInLists" ? ListPayload : Payload;
            Assert.Equal(new[] { "alice", "bob", "carol", "o'brien" }, Run(before, method, db, payload));
            Assert.Empty(Run(after, method, db, payload));
        }

        [Theory]
        [InlineData("AdoInList", false)]
        [InlineData("AdoInList", true)]
        [InlineData("AdoInListInterpolated", false)]
        [InlineData("AdoInListInterpolated", true)]
        [InlineData("AdoTwoInLists", false)]
        [InlineData("AdoTwoInLists", true)]
        public async Task An_IN_list_keeps_its_rows_for_several_values_and_for_none(string method, bool fixAll)
        {
            var (before, after) = await BuildBothAsync(fixAll);
            using var db = OpenDatabase();

            Assert.Equal(new[] { "alice", "carol" }, Run(before, method, db, "carol;alice;nobody"));
            Assert.Equal(new[] { "alice", "carol" }, Run(after, method, db, "carol;alice;nobody"));

            // An empty list was IN ('') and stays so: no rows and no syntax error (IN () would be one).
            Assert.Empty(Run(before, method, db, string.Empty));
            Assert.Empty(Run(after, method, db, string.Empty));
        }

        [Fact]
        public async Task A_name_with_a_quote_breaks_the_old_query_and_is_found_by_the_new_one()
        {
            var (before, after) = await BuildBothAsync(fixAll: false);
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
        private static Assembly? _before;
        private static Assembly? _afterOneByOne;
        private static Assembly? _afterFixAll;

        [Fact]
        public async Task Fix_All_in_the_document_leaves_nothing_to_fix_and_compiles()
        {
            var fixedSource = await FixAllInDocumentAsync(Vulnerable);
            Assert.Empty(await AnalyzeAsync(fixedSource));
            Assert.Empty(Compile("FixAll", fixedSource).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        /// <summary>Fixes and compiles once per test run; every test uses the same assemblies.</summary>
        private static async Task<(Assembly Before, Assembly After)> BuildBothAsync(bool fixAll)
        {
            await BuildLock.WaitAsync();
            try
            {
                _before ??= Emit("Before", Vulnerable);
                if (fixAll)
                {
                    _afterFixAll ??= Emit("AfterFixAll", await FixAllInDocumentAsync(Vulnerable));
                    return (_before, _afterFixAll);
                }

                _afterOneByOne ??= Emit("After", await FixAllAsync(Vulnerable));
                return (_before, _afterOneByOne);
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

        /// <summary>Applies the provider's Fix All to the whole document in one go, as the IDE and dotnet format do.</summary>
        private static async Task<string> FixAllInDocumentAsync(string source)
        {
            using var workspace = new AdhocWorkspace();
            var document = workspace.AddProject("FixAll", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.All)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddDocument("Queries.cs", SourceText.From(source));
            var diagnostics = await (await document.Project.GetCompilationAsync())!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            var provider = new ParameterizeSqlCodeFix();
            var context = new FixAllContext(document, provider, FixAllScope.Document, null, provider.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);
            var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }

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

            for (var round = 0; round < 20; round++)
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
