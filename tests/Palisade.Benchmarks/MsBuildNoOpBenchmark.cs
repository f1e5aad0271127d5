namespace Palisade.Benchmarks
{
    internal sealed class MsBuildNoOpBenchmark
    {
        public MsBuildNoOpBenchmark(BenchmarkOptions options, System.IO.TextWriter log) { }
        public int Run() => 1;
    }
}
