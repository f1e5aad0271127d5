using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql
{
    /// <summary>Look-alikes of every flagged shape that the SQL rules must leave alone. Cases live in <see cref="SqlCorpus"/>.</summary>
    public class SqlLookAlikeTests
    {
        public static IEnumerable<object[]> Safe => SqlCorpus.Named(SqlCorpus.Quiet);

        [Theory]
        [MemberData(nameof(Safe))]
        public Task Stays_quiet(string caseName) => SqlCaseRunner.VerifyAsync(SqlCorpus.Get(caseName));
    }
}
