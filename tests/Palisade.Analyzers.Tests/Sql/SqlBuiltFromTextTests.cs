using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>PAL1001 — SQL built from non-constant text reaching ADO.NET, Dapper, a configured sink or a forwarding method. Cases live in <see cref="SqlCorpus"/>.</summary>
    public class SqlBuiltFromTextTests
    {
        public static IEnumerable<object[]> Flagged => SqlCorpus.Named(SqlCorpus.Pal1001);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Flags(string caseName) => SqlCaseRunner.VerifyAsync(SqlCorpus.Get(caseName));
    }
}
