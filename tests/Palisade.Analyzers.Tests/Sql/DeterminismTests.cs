using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// The same code gives the same findings on every run, in any file order, with and without concurrent execution.
    /// A four-deep chain of forwarding helpers, called from two files, once gave 2 or 0 findings depending on which
    /// file was analysed first.
    /// </summary>
    public class DeterminismTests
    {
        private const string Chain = """
            using Microsoft.Data.Sqlite;
            public static class Chain
            {
                public static int First(SqliteConnection c, string sql) => Second(c, sql);
                private static int Second(SqliteConnection c, string sql) => Third(c, sql);
                private static int Third(SqliteConnection c, string sql) => Fourth(c, sql);
                private static int Fourth(SqliteConnection c, string sql)
                {
                    using var command = c.CreateCommand();
                    command.CommandText = sql;
                    return command.ExecuteNonQuery();
                }
            }
            """;

        private const string CallerOne = """
            using Microsoft.Data.Sqlite;
            public static class CallerOne
            {
                public static int Delete(SqliteConnection c, string name) => Chain.First(c, "DELETE FROM Users WHERE Name = '" + name + "'");
                public static int Safe(SqliteConnection c) => Chain.First(c, "DELETE FROM Users WHERE Id = 1");
            }
            """;

        private const string CallerTwo = """
            using Microsoft.Data.Sqlite;
            public static class CallerTwo
            {
                public static int Find(SqliteConnection c, string city)
                {
                    var sql = $"SELECT * FROM Users WHERE City = '{city}'";
                    return Chain.First(c, sql);
                }
            }
            """;

        private const string Recursive = """
            using Microsoft.Data.Sqlite;
            public static class Recursive
            {
                public static int Ping(SqliteConnection c, string sql, int n) => n == 0 ? Run(c, sql) : Pong(c, sql, n - 1);
                public static int Pong(SqliteConnection c, string sql, int n) => Ping(c, sql, n);
                private static int Run(SqliteConnection c, string sql) { using var k = c.CreateCommand(); k.CommandText = sql; return k.ExecuteNonQuery(); }
                public static int Use(SqliteConnection c, string x) => Pong(c, "SELECT * FROM T WHERE X = '" + x + "'", 2);
            }
            """;

        [Fact]
        public async Task Forwarding_chain_gives_the_same_findings_in_every_order_and_mode()
        {
            var sources = new[] { ("Chain.cs", Chain), ("CallerOne.cs", CallerOne), ("CallerTwo.cs", CallerTwo), ("Recursive.cs", Recursive) };
            var orders = Permutations(Enumerable.Range(0, sources.Length).ToArray()).ToList();
            var results = new HashSet<string>();
            for (var run = 0; run < 20; run++)
            {
                var order = orders[(run * 7) % orders.Count];
                var concurrent = run % 2 == 0;
                var trees = order.Select(i => CSharpSyntaxTree.ParseText(sources[i].Item2, path: sources[i].Item1)).ToArray();
                var compilation = CSharpCompilation.Create(
                    "Determinism" + run,
                    trees,
                    TestReferences.All,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: concurrent));
                var withAnalyzers = compilation.WithAnalyzers(
                    ImmutableArray.Create<DiagnosticAnalyzer>(new SqlInjectionAnalyzer()),
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
                var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                // Zero-based line,column of each finding.
                results.Add(string.Join("\n", diagnostics
                    .Select(d => d.Id + " " + d.Location.SourceTree!.FilePath + d.Location.GetLineSpan().StartLinePosition)
                    .OrderBy(s => s, System.StringComparer.Ordinal)));
            }

            var only = Assert.Single(results);
            Assert.Equal(
                new[] { "PAL1001 CallerOne.cs3,80", "PAL1001 CallerTwo.cs6,30", "PAL1001 Recursive.cs6,67" },
                only.Split('\n'));
        }

        private const string LogHelpers = """
            public static class Messages
            {
                public static string Describe(string value) => Wrap("key=" + value);
                private static string Wrap(string text) => "[" + Quote(text) + "]";
                private static string Quote(string text) => "'" + text + "'";
            }
            """;

        private const string LogCallers = """
            using Microsoft.Extensions.Logging;
            public static class Startup
            {
                public static void Log(ILogger logger, string apiKey, string region)
                {
                    logger.LogInformation(Messages.Describe(apiKey));
                    logger.LogInformation(Messages.Describe(region));
                }
            }
            """;

        [Fact]
        public async Task Logging_through_helpers_in_another_file_gives_the_same_findings_in_every_order_and_mode()
        {
            var sources = new[] { ("Messages.cs", LogHelpers), ("Startup.cs", LogCallers) };
            var results = new HashSet<string>();
            for (var run = 0; run < 20; run++)
            {
                var ordered = run % 4 < 2 ? sources : sources.Reverse().ToArray();
                var concurrent = run % 2 == 0;
                var compilation = CSharpCompilation.Create(
                    "LogDeterminism" + run,
                    ordered.Select(s => CSharpSyntaxTree.ParseText(s.Item2, path: s.Item1)),
                    TestReferences.All,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: concurrent));
                var withAnalyzers = compilation.WithAnalyzers(
                    ImmutableArray.Create<DiagnosticAnalyzer>(new Palisade.Analyzers.Logging.SecretWrittenToLogAnalyzer()),
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
                var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                results.Add(string.Join("\n", diagnostics
                    .Select(d => d.Id + " " + d.Location.SourceTree!.FilePath + d.Location.GetLineSpan().StartLinePosition)
                    .OrderBy(s => s, System.StringComparer.Ordinal)));
            }

            // The API key is found through three helpers in another file; the region is not a secret.
            var only = Assert.Single(results);
            Assert.Equal(new[] { "PAL3001 Startup.cs5,30" }, only.Split('\n'));
        }

        private static IEnumerable<int[]> Permutations(int[] items)
        {
            if (items.Length <= 1)
            {
                yield return items;
                yield break;
            }

            for (var i = 0; i < items.Length; i++)
            {
                var rest = items.Where((_, j) => j != i).ToArray();
                foreach (var tail in Permutations(rest))
                {
                    yield return new[] { items[i] }.Concat(tail).ToArray();
                }
            }
        }
    }
}
