using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Palisade.Analyzers.Sql;
using Palisade.Analyzers.Tests.Verifiers;
using Palisade.CodeFixes.Sql;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// The SQL fixes decide for themselves whether a rewrite is sound, whatever the diagnostic says: here each case is
    /// given a PAL1001/PAL1002 diagnostic that claims to be fixable, and the fix must still offer nothing when the SQL
    /// template is not literal text in the code or a hole is not a value (a whole statement, a name, a fragment).
    /// </summary>
    public class SqlFixSafetyTests
    {
        private const string Header = """
            using System.Data;
            using System.Linq;
            using Dapper;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Ctx : DbContext { public DbSet<User> Users => Set<User>(); }

            public abstract class Repository
            {
                protected abstract string JournalEntriesSql { get; }
                protected abstract string BuildQuery();

            """;

        private const string Footer = """

            }
            """;

        public static IEnumerable<object[]> AdoNetCases => new[]
        {
            new object[] { "a whole statement from an abstract property", """void M(SqliteCommand cmd) { cmd.CommandText = [|JournalEntriesSql|]; }""" },
            new object[] { "string.Empty", """void M(SqliteCommand cmd) { cmd.CommandText = [|string.Empty|]; }""" },
            new object[] { "a whole statement from a method", """void M(SqliteCommand cmd) { cmd.CommandText = [|BuildQuery()|]; }""" },
            new object[] { "a whole statement from a parameter", """void M(SqliteCommand cmd, string sql) { cmd.CommandText = [|sql|]; }""" },
            new object[] { "a statement with text appended", """void M(SqliteCommand cmd, string sql) { cmd.CommandText = [|sql + " ORDER BY Id"|]; }""" },
            new object[] { "a table name", """void M(SqliteCommand cmd, string table) { cmd.CommandText = [|"SELECT * FROM " + table|]; }""" },
            new object[] { "an ORDER BY column", """void M(SqliteCommand cmd, string column) { cmd.CommandText = [|"SELECT * FROM Users ORDER BY " + column|]; }""" },
            new object[] { "a WHERE fragment", """void M(SqliteCommand cmd, string filter) { cmd.CommandText = [|"SELECT * FROM Users WHERE " + filter|]; }""" },
            new object[] { "an IN list", """void M(SqliteCommand cmd, string ids) { cmd.CommandText = [|"SELECT * FROM Users WHERE Id IN (" + ids + ")"|]; }""" },
            new object[] { "a hole glued to a word", """void M(SqliteCommand cmd, string suffix) { cmd.CommandText = [|"SELECT * FROM Users WHERE Name = " + suffix + "_archive"|]; }""" },
            new object[] { "a column name compared to a value", """void M(SqliteCommand cmd, string column) { cmd.CommandText = [|"SELECT * FROM Users WHERE " + column + " = 1"|]; }""" },
            new object[] { "two holes inside one quoted literal", """void M(SqliteCommand cmd, string a, string b) { cmd.CommandText = [|"SELECT * FROM Users WHERE Name = '" + a + " " + b + "'"|]; }""" },
            new object[] { "a quote opened and not closed by the text", """void M(SqliteCommand cmd, string a) { cmd.CommandText = [|"SELECT * FROM Users WHERE Name = '" + a|]; }""" },
        };

        [Theory]
        [MemberData(nameof(AdoNetCases))]
        public async Task No_ADO_NET_fix_even_when_the_diagnostic_says_fixable(string because, string member)
        {
            Assert.NotEmpty(because);
            Assert.Empty(await ActionsAsync(new ParameterizeSqlCodeFix(), Descriptors.SqlBuiltFromText, nameof(SqlSinkKind.AdoNet), member));
        }

        [Theory]
        [InlineData("""void M(IDbConnection db) { db.Execute([|JournalEntriesSql|]); }""")]
        [InlineData("""void M(IDbConnection db, string table) { db.Execute([|"DELETE FROM " + table|]); }""")]
        [InlineData("""void M(IDbConnection db, string sql) { db.Execute([|sql|]); }""")]
        public async Task No_Dapper_fix_for_a_whole_statement_or_a_name(string member) =>
            Assert.Empty(await ActionsAsync(new ParameterizeSqlCodeFix(), Descriptors.SqlBuiltFromText, nameof(SqlSinkKind.Dapper), member));

        [Theory]
        [InlineData("""void M(Ctx ctx) { ctx.Database.ExecuteSqlRaw([|JournalEntriesSql|]); }""")]
        [InlineData("""void M(Ctx ctx, string table) { ctx.Database.ExecuteSqlRaw([|"DELETE FROM " + table|]); }""")]
        [InlineData("""void M(Ctx ctx, string filter) { ctx.Database.ExecuteSqlRaw([|string.Format("DELETE FROM Users WHERE {0}", filter)|]); }""")]
        public async Task No_EF_Core_fix_for_a_whole_statement_or_a_name(string member) =>
            Assert.Empty(await ActionsAsync(new EfCoreInterpolatedSqlCodeFix(), Descriptors.EfCoreRawSqlBuiltFromText, nameof(SqlSinkKind.EfCore), member, "ExecuteSql"));

        [Fact]
        public async Task A_value_hole_with_the_same_claim_does_get_a_fix()
        {
            var member = """void M(SqliteCommand cmd, string name) { cmd.CommandText = [|"SELECT * FROM Users WHERE Name = '" + name + "'"|]; }""";
            Assert.Single(await ActionsAsync(new ParameterizeSqlCodeFix(), Descriptors.SqlBuiltFromText, nameof(SqlSinkKind.AdoNet), member));
        }

        private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, DiagnosticDescriptor descriptor, string sinkKind, string member, string? safeAlternative = null)
        {
            var start = member.IndexOf("[|", System.StringComparison.Ordinal);
            var end = member.IndexOf("|]", System.StringComparison.Ordinal) - 2;
            var source = Header + member.Replace("[|", string.Empty).Replace("|]", string.Empty) + Footer;
            var span = new TextSpan(Header.Length + start, end - start);

            using var workspace = new AdhocWorkspace();
            var document = workspace.AddProject("Safety", LanguageNames.CSharp)
                .WithMetadataReferences(TestReferences.All)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddDocument("Repository.cs", SourceText.From(source));
            var tree = (await document.GetSyntaxTreeAsync())!;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(SqlInjectionAnalyzer.SinkKindProperty, sinkKind)
                .Add(SqlInjectionAnalyzer.FixableProperty, "true");
            if (safeAlternative is not null)
            {
                properties = properties.Add(SqlInjectionAnalyzer.SafeAlternativeProperty, safeAlternative);
            }

            var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, span), properties, "sink", "text");
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            return actions;
        }
    }
}
