using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// Wraps an analyzer so every callback it registers counts the bytes it allocates on its thread
    /// (<see cref="GC.GetAllocatedBytesForCurrentThread"/> before and after). That is the rule's own allocation,
    /// without the driver's binding, which a whole-pass figure mixes in. Used in a separate pass from the timed
    /// ones, so the wrapping never touches a time figure.
    /// </summary>
    internal sealed class AllocationMeter : DiagnosticAnalyzer
    {
        private long _bytes;
        private long _cpuNanoseconds;
        private long _calls;
        private readonly System.Collections.Concurrent.ConcurrentQueue<ActionTally> _tallies = new System.Collections.Concurrent.ConcurrentQueue<ActionTally>();

        /// <summary>Each registered callback's own count and CPU time (<c>--by-action</c>), to see which action of a rule costs.</summary>
        public System.Collections.Generic.IEnumerable<ActionTally> Tallies => _tallies;

        public AllocationMeter(DiagnosticAnalyzer inner) => Inner = inner;

        public DiagnosticAnalyzer Inner { get; }

        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>Thread CPU time inside the analyzer's callbacks (see <see cref="ThreadCpuTime"/>), measuring overhead included.</summary>
        public long CpuNanoseconds => Interlocked.Read(ref _cpuNanoseconds);

        /// <summary>How many callbacks ran; times the cost of one empty measurement, the overhead to subtract.</summary>
        public long Calls => Interlocked.Read(ref _calls);

        /// <summary>The CPU cost of measuring one empty callback, to subtract <see cref="Calls"/> times from <see cref="CpuNanoseconds"/>.</summary>
        public static double CalibrateOverheadNanoseconds()
        {
            var meter = new AllocationMeter(new EmptyAnalyzer());
            var empty = meter.Count<int>(_ => { });
            for (var i = 0; i < 10_000; i++)
            {
                empty(i);
            }

            meter = new AllocationMeter(new EmptyAnalyzer());
            empty = meter.Count<int>(_ => { });
            const int Rounds = 200_000;
            for (var i = 0; i < Rounds; i++)
            {
                empty(i);
            }

            return meter.CpuNanoseconds / (double)Rounds;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => Inner.Initialize(new CountingAnalysisContext(context, this));

        internal Action<T> Count<T>(Action<T> action)
        {
            var tally = new ActionTally(action.Method.Name);
            _tallies.Enqueue(tally);
            return argument =>
            {
                var cpuBefore = ThreadCpuTime.NowNanoseconds();
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    action(argument);
                }
                finally
                {
                    var cpu = ThreadCpuTime.NowNanoseconds() - cpuBefore;
                    Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - before);
                    Interlocked.Add(ref _cpuNanoseconds, cpu);
                    Interlocked.Increment(ref _calls);
                    tally.Add(cpu);
                }
            };
        }

        internal sealed class ActionTally
        {
            private long _cpuNanoseconds;
            private long _calls;

            public ActionTally(string name) => Name = name;

            /// <summary>The callback's method name as compiled (a lambda shows as its compiler-generated name).</summary>
            public string Name { get; }

            public long CpuNanoseconds => Interlocked.Read(ref _cpuNanoseconds);

            public long Calls => Interlocked.Read(ref _calls);

            public void Add(long cpuNanoseconds)
            {
                Interlocked.Add(ref _cpuNanoseconds, cpuNanoseconds);
                Interlocked.Increment(ref _calls);
            }
        }

        private sealed class EmptyAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

            public override void Initialize(AnalysisContext context)
            {
            }
        }

        private sealed class CountingAnalysisContext : AnalysisContext
        {
            private readonly AnalysisContext _inner;
            private readonly AllocationMeter _meter;

            public CountingAnalysisContext(AnalysisContext inner, AllocationMeter meter)
            {
                _inner = inner;
                _meter = meter;
            }

            public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _inner.RegisterCompilationStartAction(_meter.Count<CompilationStartAnalysisContext>(start => action(new CountingCompilationStartContext(start, _meter))));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_meter.Count(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Count(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_meter.Count(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_meter.Count(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Count(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Count(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Count(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_meter.Count(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_meter.Count(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Count(action));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_meter.Count(action));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_meter.Count(action), symbolKind);
        }

        /// <summary>
        /// Palisade registers everything at compilation start; callbacks registered here are counted. Nested start
        /// contexts (operation block start, symbol start) are counted as a whole, including what they register.
        /// </summary>
        private sealed class CountingCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _inner;
            private readonly AllocationMeter _meter;

            public CountingCompilationStartContext(CompilationStartAnalysisContext inner, AllocationMeter meter)
                : base(inner.Compilation, inner.Options, inner.CancellationToken)
            {
                _inner = inner;
                _meter = meter;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_meter.Count(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Count(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_meter.Count(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_meter.Count(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Count(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Count(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Count(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_meter.Count(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_meter.Count(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Count(action));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_meter.Count(action));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_meter.Count(action), symbolKind);
        }
    }
}
