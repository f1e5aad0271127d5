using System;
using System.Runtime;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// Runs a measured pass inside a no-GC region when the runtime grants one (<c>--gc-free-mb</c>). A collection
    /// stops every thread, and telemetry charges its pause to whichever callback was running: on a heap of a
    /// few hundred MB that is tens of milliseconds landing on a rule that allocated a few KB. Without collections
    /// each figure is the work itself, for the compile and for every analyzer alike; what each one allocates is
    /// still reported (KB and MB per 1k lines), which is what decides its share of collections in a real build.
    /// </summary>
    internal readonly struct GcFreePass : IDisposable
    {
        private readonly bool _entered;

        private GcFreePass(bool entered) => _entered = entered;

        /// <summary>Tries to enter a no-GC region of <paramref name="budgetMb"/> MB; 0 means "collect as usual".</summary>
        public static GcFreePass Begin(int budgetMb)
        {
            if (budgetMb <= 0)
            {
                return default;
            }

            try
            {
                return new GcFreePass(GC.TryStartNoGCRegion(budgetMb * 1024L * 1024L));
            }
            catch (ArgumentOutOfRangeException)
            {
                // The runtime's limit for one region is lower than the budget asked: measure as usual.
                return default;
            }
        }

        /// <summary>True when the whole pass ran without a collection.</summary>
        public bool HeldThroughout => _entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

        public void Dispose()
        {
            if (HeldThroughout)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}
