using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Analyzers.Shared
{
    /// <summary>
    /// Reads Palisade's own options from .editorconfig / .globalconfig. Every key starts with <c>palisade.</c>
    /// (documented in docs/configuration.md). Lists are comma or semicolon separated.
    /// </summary>
    internal static class PalisadeOptions
    {
        public const string Prefix = "palisade.";

        public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string key)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            return config.TryGetValue(Prefix + key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        }

        /// <summary>Reads a key from the project-wide (global) options, for settings that cannot vary per file.</summary>
        public static string? GetGlobalString(AnalyzerOptions options, string key)
        {
            var config = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            return config.TryGetValue(Prefix + key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        }

        public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue)
        {
            var text = GetString(options, tree, key) ?? GetGlobalString(options, key);
            if (text is null)
            {
                return defaultValue;
            }

            return bool.TryParse(text, out var value) ? value : defaultValue;
        }

        /// <summary>Splits a list value; an empty or missing key gives an empty list.</summary>
        public static ImmutableArray<string> SplitList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var part in value!.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    builder.Add(trimmed);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Reads a project-wide list option (global config or the options of any file agree by convention).</summary>
        public static ImmutableArray<string> GetGlobalList(AnalyzerOptions options, string key) =>
            SplitList(GetGlobalString(options, key));

        public static IEnumerable<string> GetList(AnalyzerOptions options, SyntaxTree tree, string key) =>
            SplitList(GetString(options, tree, key) ?? GetGlobalString(options, key));
    }
}
