using System;
using System.Runtime.InteropServices;

namespace Palisade.Benchmarks
{
    /// <summary>
    /// CPU time consumed by the calling thread, in nanoseconds (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).
    /// Unlike a stopwatch it does not count the time the thread waited for a core, so on a machine shared with
    /// other work it measures the rule, not the queue. Elsewhere it is unavailable and callers fall back to wall time.
    /// </summary>
    internal static class ThreadCpuTime
    {
        private const int ClockThreadCpuTimeId = 3;

        public static readonly bool IsAvailable = Probe();

        public static long NowNanoseconds()
        {
            if (!IsAvailable)
            {
                return 0;
            }

            clock_gettime(ClockThreadCpuTimeId, out var time);
            return time.Seconds * 1_000_000_000L + time.Nanoseconds;
        }

        private static bool Probe()
        {
            try
            {
                return RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && clock_gettime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
