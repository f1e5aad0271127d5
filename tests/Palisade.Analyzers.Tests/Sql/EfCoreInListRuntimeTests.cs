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
    /// The EF Core IN list fix (PAL1002) against real SQLite through EF Core: the vulnerable source is fixed by the
    /// real provider (one diagnostic at a time and with Fix All), both versions are compiled, loaded and run. Normal
    /// input gives the same rows, an empty list still gives none without error, and the payload returns every row
    /// before and none after.
    /// </summary>
    public class EfCoreInListRuntimeTests
    {
        private const string Vulnerable = """
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class UsersDb : DbContext
            {
                public UsersDb(DbContextOptions<UsersDb> options) : base(options) { }
                public DbSet<User> Users => Set<User>();
            }

            public static class EfQueries
            {
                public static List<string> FromSqlInList(SqliteConnection lite, string names)
                {
                    using var db = new UsersDb(new DbContextOptionsBuilder<UsersDb>().UseSqlite(lite).Options);
                    var wanted = names.Split(';', System.StringSplitOptions.RemoveEmptyEntries);
                    return db.Users.FromSqlRaw("SELECT * FROM Users WHERE Name IN ('" + string.Join("','", wanted) + "') ORDER BY Id").AsEnumerable().Select(u => u.Name).ToList();
                }

                public static List<string> FromSqlInListInterpolated(SqliteConnection lite, string names)
                {
                    using var db = new UsersDb(new DbContextOptionsBuilder<UsersDb>().UseSqlite(lite).Options);
                    var wanted = names.Split(';').ToList();
                    return db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name IN ('{string.Join("', '", wanted)}') ORDER BY Id").AsEnumerable().Select(u => u.Name).ToList();
                }
            }
            """;

        private const string ListPayload = "x') OR ('1'='1";

        public static IEnumerable<object[]> Methods =>
            from method in new[] { "FromSqlInList", "FromSqlInListInterpolated" }
            from fixAll in new[] { false, true }
            select new object[] { method, fixAll };

        [Fact]
        public async Task The_fixed_source_is_quiet_and_passes_the_values_as_parameters()
        {
            var fixedSource = await FixOneByOneAsync(Vulnerable);
            Assert.DoesNotContain("string.Join(\"','\"", fixedSource);
            Assert.Contains("wantedValues.ToArray()", fixedSource);
            Assert.Empty(await AnalyzeAsync(fixedSource));
        }

        [Theory]
        [MemberData(nameof(Methods))]
        public async Task Normal_input_returns_the_same_rows_before_and_after(string method, bool fixAll)
        {
            var (before, after) = await BuildBothAsync(fixAll);
            using var db = OpenDatabase();

            Assert.Equal(new[] { "bob" }, Run(before, method, db, "bob"));
            Assert.Equal(new[] { "bob" }, Run(after, method, db, "bob"));
            Assert.Equal(new[] { "alice", "carol" }, Run(before, method, db, "carol;alice;nobody"));
            Assert.Equal(new[] { "alice", "carol" }, Run(after, method, db, "carol;alice;nobody"));
            Assert.Empty(Run(before, method, db, string.Empty));
            Assert.Empty(Run(after, method, db, string.Empty));
        }

        [Theory]
        [MemberData(nameof(Methods))]
        public async Task The_injection_payload_returns_rows_before_and_none_after(string method, bool fixAll)
        {
            var (before, after) = await BuildBothAsync(fixAll);
            using var db = OpenDatabase();

            Assert.Equal(new[] { "alice", "bob", "carol", "o'brien" }, Run(before, method, db, ListPayload));
            Assert.Empty(Run(after, method, db, ListPayload));
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
            var target = assembly.GetType("EfQueries")!.GetMethod(method)!;
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

        private static async Task<(Assembly Before, Assembly After)> BuildBothAsync(bool fixAll)
        {
            await BuildLock.WaitAsync();
            try
            {
                _before ??= Emit("EfBefore", Vulnerable);
                if (fixAll)
                {
                    _afterFixAll ??= Emit("EfAfterFixAll", await FixAllInDocumentAsync(Vulnerable));
                    return (_before, _afterFixAll);
                }

                _afterOneByOne ??= Emit("EfAfter", await FixOneByOneAsync(Vulnerable));
                return (_before, _afterOneByOne);
            }
            finally
            {
                BuildLock.Release();
            }
        }

        private static Assembly Emit(string name, string source)
        {
            using var stream = new MemoryStream();
            var result = Compile(name, source).Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return Assembly.Load(stream.ToArray());
        }

        private static CSharpCompilation Compile(string name, string source) => CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) =>
            Compile("EfCheck", source)
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();

        private static Document NewDocument(AdhocWorkspace workspace, string source) =>
            workspace.AddProject("EfFix", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.All)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddDocument("EfQueries.cs", SourceText.From(source));

        private static async Task<string> FixAllInDocumentAsync(string source)
        {
            using var workspace = new AdhocWorkspace();
            var document = NewDocument(workspace, source);
            var diagnostics = await (await document.Project.GetCompilationAsync())!
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            Assert.Equal(2, diagnostics.Length);
            var provider = new EfCoreInterpolatedSqlCodeFix();
            var context = new FixAllContext(document, provider, FixAllScope.Document, EfCoreInterpolatedSqlCodeFix.EquivalenceKey, provider.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);
            var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        }

        private static async Task<string> FixOneByOneAsync(string source)
        {
            using var workspace = new AdhocWorkspace();
            var document = NewDocument(workspace, source);
            var provider = new EfCoreInterpolatedSqlCodeFix();
            for (var round = 0; round < 10; round++)
            {
                var diagnostics = await (await document.Project.GetCompilationAsync())!
                    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()))
                    .GetAnalyzerDiagnosticsAsync();
                if (diagnostics.IsEmpty)
                {
                    return (await document.GetTextAsync()).ToString();
                }

                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None));
                Assert.Single(actions);
                var changed = (await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
                document = changed.GetDocument(document.Id)!;
            }

            throw new InvalidOperationException("the fix did not converge");
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
