using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Testing;
using Palisade.Testing.Generator;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Each analyzer, run over a generated codebase, is cancelled from inside the analysis after a few hundred
    /// method bodies. The run must end with OperationCanceledException (not complete, not AD0001), and stop
    /// promptly: the number of method bodies still analyzed after the cancel must be a small part of the whole.
    /// </summary>
    public sealed class CancellationTests
    {
        private const int Files = 40;
        private const int CancelAt = 50;

        private static readonly Lazy<ImmutableArray<SyntaxTree>> Trees =
            new Lazy<ImmutableArray<SyntaxTree>>(() => GeneratedCompilation.Parse(CodebaseGenerator.Generate(Files)));

        /// <summary>How many method bodies a full, uncancelled run sees.</summary>
        private static readonly Lazy<int> TotalBodies = new Lazy<int>(() =>
        {
            var counter = new CancellingProbe(cancel: null, cancelAt: -1);
            _ = GeneratedCompilation.Create(Trees.Value)
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(counter))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return counter.Seen;
        });

        private readonly ITestOutputHelper _output;

        public CancellationTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Analyzers =>
            PalisadeAnalyzerCatalog.AnalyzerTypes.Append(typeof(ProbeAnalyzer)).Select(type => new object[] { type.FullName! });

        [Theory]
        [MemberData(nameof(Analyzers))]
        public async Task Analysis_cancelled_midway_throws_OperationCanceledException_and_stops_promptly(string analyzerType)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(FindType(analyzerType))!;
            using var cancel = new CancellationTokenSource();
            var probe = new CancellingProbe(cancel, CancelAt);
            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var analysis = GeneratedCompilation.Create(Trees.Value, concurrentBuild: true)
                .WithAnalyzers(ImmutableArray.Create(analyzer, probe), options)
                .GetAnalyzerDiagnosticsAsync(cancel.Token);

            var finished = await Task.WhenAny(analysis, Task.Delay(RobustnessRunner.HangTimeout));
            Assert.True(finished == analysis, $"The analysis did not end within {RobustnessRunner.HangTimeout} after cancellation.");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis);
            var stopLatency = probe.Cancelled ? Stopwatch.GetElapsedTime(probe.CancelledAtTimestamp) : TimeSpan.Zero;

            _output.WriteLine($"{analyzerType}: cancelled after {probe.Seen - probe.SeenAfterCancel} of {TotalBodies.Value} method bodies; "
                + $"{probe.SeenAfterCancel} more analyzed after the cancel; the run ended {stopLatency.TotalMilliseconds:N0} ms after the cancel (reported, not asserted).");
            Assert.True(probe.Cancelled, "The probe never cancelled: the input is too small for this test to mean anything.");
            Assert.Empty(exceptions);
            Assert.True(probe.SeenAfterCancel <= TotalBodies.Value / 4,
                $"{probe.SeenAfterCancel} of {TotalBodies.Value} method bodies were still analyzed after the cancel.");
        }

        private static Type FindType(string fullName) =>
            PalisadeAnalyzerCatalog.AnalyzerTypes.Append(typeof(ProbeAnalyzer)).Single(type => type.FullName == fullName);
    }
}
