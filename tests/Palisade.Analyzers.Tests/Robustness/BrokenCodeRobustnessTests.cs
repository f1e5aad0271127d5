using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every Palisade analyzer and code fix (plus the probe pair) over broken code: no analyzer exception (AD0001),
    /// no hang (a generous timeout fails a true hang; per-input time is reported, not asserted), and every offered
    /// code fix applies cleanly.
    /// </summary>
    public sealed class BrokenCodeRobustnessTests
    {
        private readonly ITestOutputHelper _output;

        public BrokenCodeRobustnessTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Deleted => BrokenInputs.Names(BrokenInputs.TokensDeleted);

        public static IEnumerable<object[]> Duplicated => BrokenInputs.Names(BrokenInputs.TokensDuplicated);

        public static IEnumerable<object[]> Typing => BrokenInputs.Names(BrokenInputs.TypedPrefixes);

        public static IEnumerable<object[]> Pathological => BrokenInputs.Names(PathologicalCases.All);

        [Theory]
        [MemberData(nameof(Deleted))]
        public Task Generated_code_with_tokens_deleted_raises_no_analyzer_exception_and_fixes_apply(string input) => VerifyAsync(input);

        [Theory]
        [MemberData(nameof(Duplicated))]
        public Task Generated_code_with_tokens_duplicated_raises_no_analyzer_exception_and_fixes_apply(string input) => VerifyAsync(input);

        [Theory]
        [MemberData(nameof(Typing))]
        public Task Generated_code_cut_off_mid_typing_raises_no_analyzer_exception_and_fixes_apply(string input) => VerifyAsync(input);

        [Theory]
        [MemberData(nameof(Pathological))]
        public Task Huge_deep_unsafe_and_broken_interpolation_inputs_raise_no_analyzer_exception_and_fixes_apply(string input) => VerifyAsync(input);

        private async Task VerifyAsync(string input)
        {
            using var hangGuard = new CancellationTokenSource(RobustnessRunner.HangTimeout);
            var result = await RobustnessRunner.RunAsync(
                BrokenInputs.Get(input), PalisadeComponents.AnalyzersWithProbe(), PalisadeComponents.CodeFixesWithProbe(), hangGuard.Token);

            _output.WriteLine(result.Summary(input));
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures));
        }
    }
}
