using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Palisade.Analyzers.Secrets;
using Xunit;
using Xunit.Abstractions;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Precision and recall of each secrets rule over its labelled cases (<see cref="SecretCases"/>,
    /// <see cref="ConfigurationFileCases"/>). A hit is a diagnostic on exactly a labelled span; anything else the
    /// rule reports is a false positive; a labelled span without a diagnostic is a miss.
    /// </summary>
    public class SecretCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public SecretCorpusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Every_rule_finds_all_its_labelled_secrets_and_nothing_else()
        {
            var rows = new List<(string Rule, int Cases, int Tp, int Fp, int Fn)>
            {
                await ScoreMembersAsync(DiagnosticIds.CredentialInNamedSymbol, new CredentialNamedValueAnalyzer(), SecretCases.CredentialNamedFlagged, SecretCases.CredentialNamedSafe),
                await ScoreMembersAsync(DiagnosticIds.KnownSecretFormat, new KnownSecretFormatAnalyzer(), SecretCases.KnownFormatFlagged, SecretCases.KnownFormatSafe),
                await ScoreMembersAsync(DiagnosticIds.CredentialInConnectionString, new ConnectionStringCredentialAnalyzer(), SecretCases.ConnectionStringFlagged, SecretCases.ConnectionStringSafe),
                await ScoreFilesAsync(DiagnosticIds.SecretInConfigurationFile, new ConfigurationFileSecretAnalyzer(), ConfigurationFileCases.Flagged, ConfigurationFileCases.Safe),
            };

            _output.WriteLine("rule     cases  TP  FP  FN  precision  recall");
            foreach (var row in rows)
            {
                _output.WriteLine($"{row.Rule}  {row.Cases,5}  {row.Tp,2}  {row.Fp,2}  {row.Fn,2}  {Ratio(row.Tp, row.Tp + row.Fp),9:P1}  {Ratio(row.Tp, row.Tp + row.Fn),6:P1}");
            }

            var tp = rows.Sum(r => r.Tp);
            var fp = rows.Sum(r => r.Fp);
            var fn = rows.Sum(r => r.Fn);
            _output.WriteLine($"family   {rows.Sum(r => r.Cases),5}  {tp,2}  {fp,2}  {fn,2}  {Ratio(tp, tp + fp),9:P1}  {Ratio(tp, tp + fn),6:P1}");

            Assert.Equal(0, fp);
            Assert.Equal(0, fn);
            Assert.True(tp >= 40, "the corpus must hold at least 40 labelled secrets");
        }

        private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;

        private static async Task<(string, int, int, int, int)> ScoreMembersAsync(string id, DiagnosticAnalyzer analyzer, string[] flagged, string[] safe)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var members in flagged.Concat(safe))
            {
                var result = await SecretAnalyzerRunner.RunOnMembersAsync(members, new[] { analyzer });
                Score(result, id, ref tp, ref fp, ref fn);
            }

            return (id, flagged.Length + safe.Length, tp, fp, fn);
        }

        private static async Task<(string, int, int, int, int)> ScoreFilesAsync(string id, DiagnosticAnalyzer analyzer, (string File, string Content)[] flagged, (string File, string Content)[] safe)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (file, content) in flagged.Concat(safe))
            {
                var result = await SecretAnalyzerRunner.RunOnFileAsync(file, content, new[] { analyzer });
                Score(result, id, ref tp, ref fp, ref fn);
            }

            return (id, flagged.Length + safe.Length, tp, fp, fn);
        }

        private static void Score(SecretAnalyzerRunner.Result result, string id, ref int tp, ref int fp, ref int fn)
        {
            var reported = result.Diagnostics.Where(d => d.Id == id).Select(d => d.Location.SourceSpan).ToList();
            foreach (var span in result.Labelled)
            {
                if (reported.Remove(span))
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }

            fp += reported.Count;
        }
    }
}
