using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Palisade.Analyzers.Tests.Sql.RealCode
{
    /// <summary>
    /// The real-code regression suite: library shapes that forward their caller's SQL stay quiet, application shapes
    /// that build SQL from input or run a request's text are flagged, with the web types of ASP.NET Core itself.
    /// </summary>
    public class RealCodeShapesTests
    {
        public static IEnumerable<object[]> Library => LibraryShapes.Cases.Select(c => new object[] { c.Name });

        public static IEnumerable<object[]> Application => ApplicationShapes.Cases.Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Library))]
        public Task Library_code_that_forwards_sql_stays_quiet(string name) => LibraryShapes.Cases.Single(c => c.Name == name).VerifyAsync();

        [Theory]
        [MemberData(nameof(Application))]
        public Task Application_code_that_builds_or_runs_input_is_flagged(string name) => ApplicationShapes.Cases.Single(c => c.Name == name).VerifyAsync();
    }
}
