using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Palisade.CodeFixes.Sql;
using Xunit;
using Verify = Palisade.Analyzers.Tests.Verifiers.CodeFixVerifier<Palisade.Analyzers.Sql.SqlInjectionAnalyzer, Palisade.CodeFixes.Sql.EfCoreInterpolatedSqlCodeFix>;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>
    /// PAL1002 fix for EF Core IN lists made with <c>string.Join("','", values)</c>: the SQL gets <c>{0}</c>..<c>{n}</c>
    /// placeholders and the values go to the same raw method, one DbParameter each. The verifier compiles the result
    /// and re-runs the analyzer (quiet afterwards).
    /// </summary>
    public class EfCoreInListCodeFixTests
    {
        private const string Header = """
            using System.Collections.Generic;
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
                void M(AppDb ctx, string[] names, List<string> cities, CancellationToken token)
                {
                    {{body}}
                }
            }
            """;

        [Fact]
        public Task FromSqlRaw_gets_one_placeholder_and_one_value_per_element() => Fix(
            """
            var users = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "') ORDER BY Id"|}).ToList();
            """,
            """
            var nameParameters = new List<string>();
                    var nameValues = new List<object>();
                    foreach (var item in names)
                    {
                        nameParameters.Add("{" + nameValues.Count + "}");
                        nameValues.Add(item ?? "");
                    }

                    var users = ctx.Users.FromSqlRaw("SELECT * FROM Users WHERE Name IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ") ORDER BY Id", nameValues.ToArray()).ToList();
            """);

        [Fact]
        public Task The_interpolated_form_of_ExecuteSqlRaw_keeps_its_kind() => Fix(
            """
            ctx.Database.ExecuteSqlRaw({|#0:$"DELETE FROM Users WHERE City IN ('{string.Join("', '", cities)}')"|});
            """,
            """
            var cityParameters = new List<string>();
                    var cityValues = new List<object>();
                    foreach (var item in cities)
                    {
                        cityParameters.Add("{" + cityValues.Count + "}");
                        cityValues.Add(item ?? "");
                    }

                    ctx.Database.ExecuteSqlRaw($"DELETE FROM Users WHERE City IN ({(cityParameters.Count == 0 ? "''" : string.Join(", ", cityParameters))})", cityValues.ToArray());
            """);

        [Fact]
        public Task An_expression_bodied_method_gets_a_block_body() => Verify.VerifyCodeFixAsync(
            Header + """
            class C
            {
                private readonly AppDb _db = null!;

                public List<User> Named(string[] names) =>
                    _db.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "')"|}).ToList();

                public void Purge(string[] names) => _db.Database.ExecuteSqlRaw({|#1:$"DELETE FROM Users WHERE Name IN ('{string.Join("','", names)}')"|});
            }
            """,
            new[] { Pal1002(0), Pal1002(1) },
            Header + """
            class C
            {
                private readonly AppDb _db = null!;

                public List<User> Named(string[] names)
                {
                    var nameParameters = new List<string>();
                    var nameValues = new List<object>();
                    foreach (var item in names)
                    {
                        nameParameters.Add("{" + nameValues.Count + "}");
                        nameValues.Add(item ?? "");
                    }

                    return _db.Users.FromSqlRaw("SELECT * FROM Users WHERE Name IN (" + (nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters)) + ")", nameValues.ToArray()).ToList();
                }

                public void Purge(string[] names)
                {
                    var nameParameters = new List<string>();
                    var nameValues = new List<object>();
                    foreach (var item in names)
                    {
                        nameParameters.Add("{" + nameValues.Count + "}");
                        nameValues.Add(item ?? "");
                    }

                    _db.Database.ExecuteSqlRaw($"DELETE FROM Users WHERE Name IN ({(nameParameters.Count == 0 ? "''" : string.Join(", ", nameParameters))})", nameValues.ToArray());
                }
            }
            """,
            EfCoreInterpolatedSqlCodeFix.EquivalenceKey);

        [Theory]
        [InlineData("braces in the text (EF Core formats it once values are passed)", """_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "') AND Data <> '{}'"|}).ToList();""")]
        [InlineData("inside a lambda (no statement to put the loop before)", """System.Func<List<User>> f = () => ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "')"|}).ToList();""")]
        [InlineData("one quoted value holding a comma-joined text", """_ = ctx.Users.FromSqlRaw({|#0:"SELECT * FROM Users WHERE Tags IN ('" + string.Join(",", names) + "')"|}).ToList();""")]
        public Task No_list_fix_when_the_shape_is_not_certain(string because, string body)
        {
            Assert.NotEmpty(because);
            var source = Header + Wrap(body);
            return Verify.VerifyAnalyzerAsync(source, Pal1002());
        }
    }
}
