using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>The robustness harness must be able to fail: a throwing analyzer, fix or code action, and a hang, are all caught.</summary>
    public sealed class HarnessSelfTests
    {
        private const string Source = "class C { string M(string s) => \"a\" + s; }";

        [Fact]
        public async Task An_analyzer_that_throws_is_reported_as_a_failure()
        {
            var result = await RobustnessRunner.RunAsync(Source, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), ImmutableArray<CodeFixProvider>.Empty, CancellationToken.None);

            Assert.Contains(result.Failures, failure => failure.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_code_fix_that_throws_while_registering_is_reported_as_a_failure()
        {
            var result = await RobustnessRunner.RunAsync(Source, ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeAnalyzer()),
                ImmutableArray.Create<CodeFixProvider>(new ThrowingCodeFix(throwInAction: false)), CancellationToken.None);

            Assert.Contains(result.Failures, failure => failure.Contains("RegisterCodeFixesAsync threw", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_code_action_that_throws_when_applied_is_reported_as_a_failure()
        {
            var result = await RobustnessRunner.RunAsync(Source, ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeAnalyzer()),
                ImmutableArray.Create<CodeFixProvider>(new ThrowingCodeFix(throwInAction: true)), CancellationToken.None);

            Assert.Contains(result.Failures, failure => failure.Contains("'Explode' threw", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_probe_fix_applies_so_the_fix_path_is_exercised()
        {
            var result = await RobustnessRunner.RunAsync(Source, ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeAnalyzer()),
                ImmutableArray.Create<CodeFixProvider>(new ProbeCodeFix()), CancellationToken.None);

            Assert.Empty(result.Failures);
            Assert.Equal(1, result.Diagnostics);
            Assert.Equal(1, result.FixesApplied);
        }

        [Fact]
        public async Task An_analyzer_that_never_returns_is_stopped_by_the_hang_guard()
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(2));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RobustnessRunner.RunAsync(
                Source, ImmutableArray.Create<DiagnosticAnalyzer>(new SpinningAnalyzer()), ImmutableArray<CodeFixProvider>.Empty, guard.Token));
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ProbeDescriptors.SilentList;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("boom"));
            }
        }

        /// <summary>Loops until cancelled, like an analyzer stuck on pathological input but still checking its token.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class SpinningAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ProbeDescriptors.SilentList;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(c =>
                {
                    while (true)
                    {
                        c.CancellationToken.ThrowIfCancellationRequested();
                        Thread.Sleep(10);
                    }
                });
            }
        }

        private sealed class ThrowingCodeFix : CodeFixProvider
        {
            private readonly bool _throwInAction;

            public ThrowingCodeFix(bool throwInAction) => _throwInAction = throwInAction;

            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ProbeAnalyzer.Id);

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                if (!_throwInAction)
                {
                    throw new InvalidOperationException("boom");
                }

                context.RegisterCodeFix(CodeAction.Create("Explode", new System.Func<CancellationToken, Task<Document>>(_ => throw new InvalidOperationException("boom")), "Explode"), context.Diagnostics);
                return Task.CompletedTask;
            }
        }
    }
}
