using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>PAL1003 — an untrusted hole where a parameter cannot go (names, ORDER BY, IN lists, fragments). Cases live in <see cref="SqlCorpus"/>.</summary>
    public class SqlIdentifierFromTextTests
    {
        public static IEnumerable<object[]> Flagged => SqlCorpus.Named(SqlCorpus.Pal1003);

        [Theory]
        [MemberData(nameof(Flagged))]
        public Task Flags(string caseName) => SqlCaseRunner.VerifyAsync(SqlCorpus.Get(caseName));
    }
}
