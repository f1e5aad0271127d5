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
    /// (<c>--workload long-method</c>, docs/benchmarks.md). The hang guard is wider than for other inputs because
    /// today's SQL tracer is quadratic in method size: 4,000 groups take tens of seconds on a busy machine.
    /// </summary>
    public sealed class LongMethodRobustnessTests
    {
        private static readonly TimeSpan LongMethodHangTimeout = TimeSpan.FromMinutes(5);

        private readonly ITestOutputHelper _output;

        public LongMethodRobustnessTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// Skipped until the linear value-flow core (issue 10) lands: with today's quadratic SQL tracer the
        /// 4,000-group method did not finish within 5 minutes on the shared 2-core machine (the 1,000-group one took
        /// 69 s there). Remove the Skip with that change; the benchmark measures both sizes meanwhile.
        /// </summary>
        private const string UntilLinearFlowCore = "Quadratic SQL tracer today: > 5 min on the shared machine; un-skip with the issue-10 flow core.";

        [Fact]
        public Task A_method_of_1000_build_run_log_groups_raises_no_analyzer_exception_and_fixes_apply() => VerifyAsync(1000);

        [Fact(Skip = UntilLinearFlowCore)]
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
