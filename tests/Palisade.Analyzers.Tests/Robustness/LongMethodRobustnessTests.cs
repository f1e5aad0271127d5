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

        [Theory]
        [InlineData(1000)]
        [InlineData(4000)]
        public async Task A_method_of_many_build_run_log_groups_raises_no_analyzer_exception_and_fixes_apply(int groups)
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
