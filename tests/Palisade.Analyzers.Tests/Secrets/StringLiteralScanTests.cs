using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Palisade.Analyzers.Secrets;
using Palisade.Analyzers.Shared;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// The literal pass PAL2002 and PAL2003 share: computed once per tree, keeps only literals that could hold a
    /// finding, and rejects the rest without allocating. (Speed itself is measured by the benchmark, not here.)
    /// </summary>
    public class StringLiteralScanTests
    {
        [Fact]
        public void Both_rules_get_the_same_scan_of_a_tree()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { string a = \"x\"; }");

            Assert.Same(StringLiteralScan.For(tree, default), StringLiteralScan.For(tree, default));
        }

        [Fact]
        public void Only_literals_that_could_hold_a_finding_are_kept()
        {
            var tree = CSharpSyntaxTree.ParseText(FakeSecrets.Expand("""
                class C
                {
                    string route = "/api/v2/orders/{id:int}/items";
                    string prose = "The order {0} could not be found. Check the number and try again.";
                    string sql = "SELECT Id, Name FROM dbo.Orders WHERE Id = @id AND Status <> 'Deleted'";
                    string token = "%%GITHUB%%";
                    string cs = "Server=db;Password=x1";
                    string split = "Server=db;" + "Password=x1";
                }
                """));

            var scan = StringLiteralScan.For(tree, default);

            Assert.Equal(new[] { FakeSecrets.Expand("%%GITHUB%%") }, scan.FormatCandidates.Select(t => t.ValueText));
            Assert.Equal(new[] { "Server=db;Password=x1" }, scan.CredentialCandidates.Select(t => t.ValueText));
            Assert.Single(scan.Concatenations);
        }

        [Theory]
        [InlineData("The order {0} could not be found. Check the number and try again, or contact support.")]
        [InlineData("/api/v2/orders/{id:int}/items")]
        [InlineData("SELECT Id, Name, Status, CreatedAt FROM dbo.Orders WHERE Id = @id AND Status <> 'Deleted'")]
        [InlineData("application/vnd.contoso.order+json; version=2")]
        public void A_rejected_literal_costs_no_allocation(string text)
        {
            Keeps(text); // first use: static tables, JIT
            var before = GC.GetAllocatedBytesForCurrentThread();

            var kept = Keeps(text);

            Assert.False(kept);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static bool Keeps(string text)
        {
            var shape = LiteralShape.Of(text);
            var kept = SecretFormats.MayContain(shape) && SecretFormats.TryFindAfterShapeCheck(text, out _);
            return kept | ConnectionStrings.MayContain(shape);
        }

        [Theory]
        [InlineData("https://docs.contoso.example/reporting/customers#section-5")]
        [InlineData("ThisIsAVeryLongIdentifierWithoutAnyFormatPrefix_Value")]
        public void Text_past_the_shape_gate_without_any_format_anchor_is_rejected_without_allocation(string text)
        {
            SecretFormats.TryFindAfterShapeCheck(text, out _); // first use: static tables, JIT
            var before = GC.GetAllocatedBytesForCurrentThread();

            var found = SecretFormats.TryFindAfterShapeCheck(text, out _);

            Assert.False(found);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
