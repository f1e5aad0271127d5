using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Palisade.Analyzers.Shared;
using Xunit;

namespace Palisade.Analyzers.Tests.Secrets
{
    /// <summary>
    /// Runs every secrets analyzer over every flagged case and checks that no diagnostic text (message or
    /// property) contains the secret, nor any five consecutive characters of it: at most the masked hint.
    /// </summary>
    public class SecretLeakTests
    {
        private const int LongestShownRun = 4;

        [Fact]
        public async Task No_diagnostic_of_the_family_reveals_a_secret_it_found()
        {
            var checkedDiagnostics = 0;
            var cases = SecretCases.CredentialNamedFlagged.Concat(SecretCases.KnownFormatFlagged).Concat(SecretCases.ConnectionStringFlagged);
            foreach (var members in cases)
            {
                var result = await SecretAnalyzerRunner.RunOnMembersAsync(members, SecretAnalyzerRunner.All);
                checkedDiagnostics += AssertNoLeak(result, members);
            }

            foreach (var (file, content) in ConfigurationFileCases.Flagged)
            {
                var result = await SecretAnalyzerRunner.RunOnFileAsync(file, content, SecretAnalyzerRunner.All);
                checkedDiagnostics += AssertNoLeak(result, file);
            }

            Assert.True(checkedDiagnostics >= 80, $"only {checkedDiagnostics} diagnostics were checked");
        }

        private static int AssertNoLeak(SecretAnalyzerRunner.Result result, string caseName)
        {
            Assert.NotEmpty(result.Diagnostics);
            var secrets = result.Labelled.Select(span => SecretIn(result.Text.Substring(span.Start, span.Length))).ToList();
            foreach (var diagnostic in result.Diagnostics)
            {
                var message = diagnostic.GetMessage();
                var texts = new List<string> { message, diagnostic.Descriptor.Title.ToString() };
                texts.AddRange(diagnostic.Properties.Values.Where(v => v != null)!);
                var hint = LastArgument(message, diagnostic.Descriptor.MessageFormat.ToString());
                foreach (var secret in secrets)
                {
                    foreach (var text in texts)
                    {
                        Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{caseName}: '{text}' contains the secret");
                    }

                    // The value hint is the last message argument; the name and the fixed wording may share words with a value.
                    for (var start = 0; start + LongestShownRun + 1 <= secret.Length; start++)
                    {
                        var run = secret.Substring(start, LongestShownRun + 1);
                        Assert.False(hint.Contains(run, StringComparison.Ordinal), $"{caseName}: '{message}' shows '{run}' of the secret");
                    }
                }
            }

            return result.Diagnostics.Length;
        }

        /// <summary>The text the last placeholder of <paramref name="format"/> became in <paramref name="message"/>.</summary>
        private static string LastArgument(string message, string format)
        {
            var fragments = Regex.Split(format, @"\{\d+\}");
            Assert.True(fragments.Length >= 2);
            var suffix = fragments[^1];
            var before = fragments[^2];
            Assert.EndsWith(suffix, message, StringComparison.Ordinal);
            var head = message.Substring(0, message.Length - suffix.Length);
            var at = head.LastIndexOf(before, StringComparison.Ordinal);
            Assert.True(at >= 0);
            var hint = head.Substring(at + before.Length);
            Assert.Contains("\u2026(", hint, StringComparison.Ordinal);
            return hint;
        }

        /// <summary>The secret inside a labelled span: the token, the password of a connection string or URL, the credential after its scheme.</summary>
        private static string SecretIn(string labelled)
        {
            var text = labelled.Trim('"', '@', '$');
            if (SecretFormats.TryFind(text, out var match))
            {
                // The format's published prefix ("github_pat_", "sk_live_") may be shown; the body after it may not.
                return text.Substring(match.Start + match.PublicPrefixLength, match.Length - match.PublicPrefixLength);
            }

            if (ConnectionStrings.TryFindPassword(text, SecretNames.Default, out var password, out _) ||
                ConnectionStrings.TryFindUrlPassword(text, SecretNames.Default, out password, out _))
            {
                return password;
            }

            var space = text.IndexOf(' ');
            return space > 0 && !text.Contains('+') ? text.Substring(space + 1) : text;
        }
    }
}
