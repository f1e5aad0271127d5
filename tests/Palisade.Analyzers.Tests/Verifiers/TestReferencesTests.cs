using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Palisade.Analyzers.Tests.Verifiers
{
    /// <summary>Checks the test compilation itself: every library the rules understand must resolve, offline.</summary>
    public class TestReferencesTests
    {
        [Fact]
        public async Task Code_using_every_supported_library_compiles()
        {
            // The verifier fails on any compiler error, so an unresolved type here fails the test.
            const string source = """
                using System.Data.Common;
                using Dapper;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Logging;

                class Probe
                {
                    void Use(ILogger logger, IConfiguration configuration, DbContext context, DbConnection connection)
                    {
                        _ = new Microsoft.Data.SqlClient.SqlCommand("select 1");
                        _ = new System.Data.SqlClient.SqlCommand("select 1");
                        _ = new Npgsql.NpgsqlCommand("select 1");
                        _ = new Microsoft.Data.Sqlite.SqliteCommand("select 1");
                        _ = connection.Query<int>("select 1");
                        _ = context.Database.ExecuteSqlRaw("select 1");
                        logger.LogInformation("hello {Name}", configuration["Name"]);
                        Serilog.Log.Information("hello {Name}", "x");
                        NLog.LogManager.GetCurrentClassLogger().Info("hello");
                        log4net.LogManager.GetLogger(typeof(Probe)).Info("hello");
                    }
                }
                """;
            await AnalyzerVerifier<NoOpAnalyzer>.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task A_missing_type_is_reported_so_the_check_above_can_fail()
        {
            var test = new AnalyzerVerifier<NoOpAnalyzer>.Test { TestCode = "class C { {|#0:Missing|}.Type field; }" };
            test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("Missing"));
            await test.RunAsync();
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class NoOpAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            }
        }
    }
}
