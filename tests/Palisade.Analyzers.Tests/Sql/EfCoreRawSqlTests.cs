using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>PAL1002 — EF Core raw SQL APIs called with built text. Cases live in <see cref="SqlCorpus"/>.</summary>
    public class EfCoreRawSqlTests
    {
        public static IEnumerable<object[]> Flagged => SqlCorpus.Named(SqlCorpus.Pal1002);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Flags(string caseName) => SqlCaseRunner.VerifyAsync(SqlCorpus.Get(caseName));
    }
}
