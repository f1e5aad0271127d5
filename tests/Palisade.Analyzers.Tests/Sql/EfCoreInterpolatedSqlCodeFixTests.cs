using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer, Palisade.CodeFixes.Sql.EfCoreInterpolatedSqlCodeFix>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>PAL1002 code fix: raw EF Core SQL APIs become their interpolated, parameterizing counterparts.</summary>
    public class EfCoreInterpolatedSqlCodeFixTests
    {
        private const string Header = """
            using System.Linq;
            using System.Threading;
            using Microsoft.EntityFrameworkCore;

            public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class AppDb : DbContext { public DbSet<User> Users => Set<User>(); }

            """;

        private static DiagnosticResult Pal1002(int location = 0) => new DiagnosticResult(DiagnosticIds.EfCoreRawSqlBuiltFromText, DiagnosticSeverity.Warning).WithLocation(location);

        private static Task Fix(string body, string fixedBody) => Verify.VerifyCodeFixAsync(
            Header + Wrap(body), new[] { Pal1002() }, Header + Wrap(fixedBody), EfCoreInterpolatedSqlCodeFix.EquivalenceKey);

        private static string Wrap(string body) => $$"""
            class C
            {
                void M(AppDb ctx, string name, int id, CancellationToken token)
                {
                    {{body}}
                }
            }
            """;

        [Fact]
        public Task Message_names_the_interpolated_alternative() => Palisade.Analyzers.Tests.Verifiers.AnalyzerVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer>.VerifyAnalyzerAsync(
            Header + Wrap("""_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}).ToList();"""),
            Verify.Diagnostic(Descriptors.EfCoreRawSqlBuiltFromText).WithLocation(0).WithArguments("FromSqlRaw", "text 'name'", "FromSql"));

        [Fact]
        public Task FromSqlRaw_concatenation_becomes_FromSql_interpolation() => Fix(
            """_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}).ToList();""",
            """_ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();""");

        [Fact]
        public Task FromSqlRaw_interpolated_string_loses_its_quotes() => Fix(
            """_ = ctx.Users.FromSqlRaw({|#0:$"SELECT * FROM Users WHERE Name = '{name}' AND Id = {id}"|}).ToList();""",
            """_ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name} AND Id = {id}").ToList();""");

        [Fact]
        public Task ExecuteSqlRaw_becomes_ExecuteSql() => Fix(
            """_ = ctx.Database.ExecuteSqlRaw({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|});""",
            """_ = ctx.Database.ExecuteSql($"DELETE FROM Users WHERE Name = {name}");""");

        [Fact]
        public Task ExecuteSqlRawAsync_keeps_its_cancellation_token() => Fix(
            """_ = ctx.Database.ExecuteSqlRawAsync({|#0:"DELETE FROM Users WHERE Name = '" + name + "'"|}, token);""",
            """_ = ctx.Database.ExecuteSqlAsync($"DELETE FROM Users WHERE Name = {name}", token);""");

        [Fact]
        public Task SqlQueryRaw_keeps_its_type_argument() => Fix(
            """_ = ctx.Database.SqlQueryRaw<int>({|#0:"SELECT Id AS Value FROM Users WHERE Name = '" + name + "'"|}).ToList();""",
            """_ = ctx.Database.SqlQuery<int>($"SELECT Id AS Value FROM Users WHERE Name = {name}").ToList();""");

        [Fact]
        public Task Like_wildcards_and_braces_are_kept_right() => Fix(
            """_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name LIKE '%" + name + "%' AND Tag <> '{x}'"|}).ToList();""",
            """_ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name LIKE {"%" + name + "%"} AND Tag <> '{{x}}'").ToList();""");

        [Fact]
        public Task A_template_local_moves_into_FromSql() => Fix(
            """var sql = "SELECT * FROM Users WHERE Name = '" + name + "'"; _ = ctx.Users.FromSqlRaw({|#0:sql|}).ToList();""",
            """_ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();""");

        [Fact]
        public Task ExecuteSqlRaw_of_string_Format_becomes_ExecuteSql() => Fix(
            """_ = ctx.Database.ExecuteSqlRaw({|#0:string.Format("UPDATE Users SET Name = '{0}' WHERE Id = {1}", name, id)|});""",
            """_ = ctx.Database.ExecuteSql($"UPDATE Users SET Name = {name} WHERE Id = {id}");""");

        [Fact]
        public Task No_fix_through_a_string_local_when_a_value_changes_before_the_call() => Verify.VerifyAnalyzerAsync(
            Header + Wrap("""var sql = "SELECT * FROM Users WHERE Name = '" + name + "'"; name = name.Trim(); _ = ctx.Users.FromSqlRaw({|#0:sql|}).ToList();"""),
            Pal1002());

        [Fact]
        public Task No_fix_when_the_call_passes_positional_parameters() => Verify.VerifyAnalyzerAsync(
            Header + Wrap("""_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Id = {0} AND Name = '" + name + "'"|}, id).ToList();"""),
            Pal1002());

        [Fact]
        public async Task Fix_all_rewrites_every_raw_call()
        {
            var test = new Verify.Test
            {
                TestCode = Header + Wrap("""
                    _ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name = '" + name + "'"|}).ToList();
                            _ = ctx.Database.ExecuteSqlRaw({|#1:$"DELETE FROM Users WHERE Name = '{name}'"|});
                    """),
                FixedCode = Header + Wrap("""
                    _ = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();
                            _ = ctx.Database.ExecuteSql($"DELETE FROM Users WHERE Name = {name}");
                    """),
                CodeActionEquivalenceKey = EfCoreInterpolatedSqlCodeFix.EquivalenceKey,
            };
            test.ExpectedDiagnostics.Add(Pal1002(0));
            test.ExpectedDiagnostics.Add(Pal1002(1));
            await test.RunAsync();
        }
    }
}
