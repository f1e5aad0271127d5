using System;
using System.Threading;
using System.Threading.Tasks;
using Palisade.Testing.Generator;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// One method of 1,000 and one of 4,000 statement groups (build SQL by concatenation, run it through an ADO.NET
    /// command, log it), through every analyzer and code fix. The suite checks only that nothing throws and nothing
    /// hangs; the time is written to the output, never asserted. Cost per statement is measured by the benchmark
    /// (<c>--workload long-method</c>, docs/benchmarks.md). The hang guard is wider than for other inputs because a
    /// whole-method input this large also runs every code fix over it on a shared machine.
    /// </summary>
    public sealed class LongMethodRobustnessTests
    {
        private static readonly TimeSpan LongMethodHangTimeout = TimeSpan.FromMinutes(5);

        private readonly ITestOutputHelper _output;

        public LongMethodRobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public Task A_method_of_1000_build_run_log_groups_raises_no_analyzer_exception_and_fixes_apply() => VerifyAsync(1000);

        [Fact]
        public Task A_method_of_4000_build_run_log_groups_raises_no_analyzer_exception_and_fixes_apply() => VerifyAsync(4000);

        private async Task VerifyAsync(int groups)
        {
            using var hangGuard = new CancellationTokenSource(LongMethodHangTimeout);
            var source = LongMethodTemplate.Write(groups).Text;

            var result = await RobustnessRunner.RunAsync(
                source, PalisadeComponents.AnalyzersWithProbe(), PalisadeComponents.CodeFixesWithProbe(), hangGuard.Token);

            _output.WriteLine(result.Summary($"long-method/{groups}-groups"));
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures));
            Assert.True(result.Diagnostics >= groups, $"Expected at least one finding per group, got {result.Diagnostics}.");
        }
    }
}
