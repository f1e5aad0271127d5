using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Palisade.Testing.Generator;

namespace Palisade.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Broken C# of the kinds an analyzer meets in an IDE: generated line-of-business files with tokens deleted or
    /// duplicated, files cut off mid-typing, and hand-written pathological cases (huge literals, deep nesting,
    /// unsafe fragments, broken interpolations). Everything is seeded, so a failure reproduces by name.
    /// </summary>
    internal static class BrokenInputs
    {
        /// <summary>A file is cut after every this-many characters to mimic typing (a prime, so cuts land anywhere).</summary>
        public const int TypingStep = 331;

        private const int DeletionVariants = 4;
        private const int DuplicationVariants = 3;

        /// <summary>One generated file of each template kind, keyed by kind.</summary>
        public static IReadOnlyList<(string Kind, string Text)> Samples { get; } = PickOneOfEachKind();

        private static readonly Lazy<Dictionary<string, string>> ByName = new Lazy<Dictionary<string, string>>(() =>
            TokensDeleted().Concat(TokensDuplicated()).Concat(TypedPrefixes()).Concat(PathologicalCases.All())
                .ToDictionary(input => input.Name, input => input.Text, StringComparer.Ordinal));

        public static string Get(string name) => ByName.Value[name];

        public static IEnumerable<object[]> Names(Func<IEnumerable<(string Name, string Text)>> category) =>
            category().Select(input => new object[] { input.Name });

        public static IEnumerable<(string Name, string Text)> TokensDeleted()
        {
            for (var sample = 0; sample < Samples.Count; sample++)
            {
                for (var variant = 0; variant < DeletionVariants; variant++)
                {
                    var random = new Random(1000 + sample * 31 + variant);
                    yield return ($"deleted/{Samples[sample].Kind}/{variant}", EditTokens(Samples[sample].Text, random, duplicate: false));
                }
            }
        }

        public static IEnumerable<(string Name, string Text)> TokensDuplicated()
        {
            for (var sample = 0; sample < Samples.Count; sample++)
            {
                for (var variant = 0; variant < DuplicationVariants; variant++)
                {
                    var random = new Random(2000 + sample * 31 + variant);
                    yield return ($"duplicated/{Samples[sample].Kind}/{variant}", EditTokens(Samples[sample].Text, random, duplicate: true));
                }
            }
        }

        /// <summary>Every prefix of each sample cut at a multiple of <see cref="TypingStep"/>: unfinished statements, open braces.</summary>
        public static IEnumerable<(string Name, string Text)> TypedPrefixes()
        {
            foreach (var (kind, text) in Samples)
            {
                for (var cut = TypingStep; cut < text.Length; cut += TypingStep)
                {
                    yield return ($"typing/{kind}/{cut}", text.Substring(0, cut));
                }
            }
        }

        /// <summary>Deletes (or duplicates) one to three random tokens, keeping the trivia around them.</summary>
        private static string EditTokens(string text, Random random, bool duplicate)
        {
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            var picked = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => tokens[random.Next(tokens.Count)])
                .Distinct()
                .OrderByDescending(t => t.SpanStart);
            var builder = new StringBuilder(text);
            foreach (var token in picked)
            {
                if (duplicate)
                {
                    builder.Insert(token.Span.End, " " + token.Text);
                }
                else
                {
                    builder.Remove(token.SpanStart, token.Span.Length);
                }
            }

            return builder.ToString();
        }

        private static IReadOnlyList<(string Kind, string Text)> PickOneOfEachKind()
        {
            string[] kinds = { "Repository", "Queries", "Store", "Workflow", "Settings", "NativeBuffers", "Service" };
            var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var index = 1; index < 2000 && found.Count < kinds.Length; index++)
            {
                var file = CodebaseGenerator.GenerateFile(index);
                var kind = kinds.FirstOrDefault(k => file.Path.Contains(k, StringComparison.Ordinal));
                if (kind is not null && !found.ContainsKey(kind))
                {
                    found[kind] = file.Text;
                }
            }

            if (found.Count != kinds.Length)
            {
                throw new InvalidOperationException("The generator no longer produces every file kind: " + string.Join(", ", found.Keys));
            }

            return found.Select(pair => (pair.Key, pair.Value)).ToList();
        }
    }
}
