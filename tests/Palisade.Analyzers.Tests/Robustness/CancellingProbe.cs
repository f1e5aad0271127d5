using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Test double that cancels the analysis from the inside once it has seen a given number of method bodies,
    /// and keeps counting the bodies it still sees afterwards: that count says how promptly the run stopped,
    /// without timing anything.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class CancellingProbe : DiagnosticAnalyzer
    {
        private readonly CancellationTokenSource? _cancel;
        private readonly int _cancelAt;
        private int _seen;
        private int _seenAfterCancel;
        private long _cancelledAtTimestamp;

        public CancellingProbe(CancellationTokenSource? cancel, int cancelAt)
        {
            _cancel = cancel;
            _cancelAt = cancelAt;
        }

        public int Seen => Volatile.Read(ref _seen);

        public int SeenAfterCancel => Volatile.Read(ref _seenAfterCancel);

        /// <summary>When the probe cancelled, as a <see cref="Stopwatch"/> timestamp (0 if it never did).</summary>
        public long CancelledAtTimestamp => Interlocked.Read(ref _cancelledAtTimestamp);

        public bool Cancelled => _cancel is not null && _cancel.IsCancellationRequested;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ProbeDescriptors.SilentList;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(_ =>
            {
                if (Cancelled)
                {
                    Interlocked.Increment(ref _seenAfterCancel);
                }

                if (Interlocked.Increment(ref _seen) == _cancelAt)
                {
                    Interlocked.Exchange(ref _cancelledAtTimestamp, Stopwatch.GetTimestamp());
                    _cancel?.Cancel();
                }
            });
        }
    }
}
