using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// The one reader of Palisade's options. Every key starts with <c>palisade.</c> (documented in
    /// docs/configuration.md) and is read the same way for every rule family: the file's own options first (an
    /// .editorconfig section, or a .globalconfig, which Roslyn merges into every file's options), then the
    /// project-wide global options. Lists are comma or semicolon separated.
    /// </summary>
    internal static class PalisadeOptions
    {
        public const string Prefix = "palisade.";

        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, FileOptions> Cache = new ConditionalWeakTable<AnalyzerConfigOptions, FileOptions>();

        /// <summary>The options that apply to <paramref name="tree"/>, cached per options instance.</summary>
        public static FileOptions For(AnalyzerOptions options, SyntaxTree? tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var own = tree is null ? provider.GlobalOptions : provider.GetOptions(tree);
            return Lookup(own, provider.GlobalOptions);
        }

        /// <summary>The options that apply to a non-code file (configuration files read by PAL2004).</summary>
        public static FileOptions For(AnalyzerOptions options, AdditionalText file)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            return Lookup(provider.GetOptions(file), provider.GlobalOptions);
        }

        private static FileOptions Lookup(AnalyzerConfigOptions own, AnalyzerConfigOptions global)
        {
            if (Cache.TryGetValue(own, out var cached))
            {
                return cached;
            }

            var created = new FileOptions(own, global);
            return Cache.GetValue(own, _ => created);
        }

        public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string key) => For(options, tree).GetString(key);

        /// <summary>Reads a key from the project-wide options only, for settings that cannot vary per file.</summary>
        public static string? GetGlobalString(AnalyzerOptions options, string key) => For(options, (SyntaxTree?)null).GetString(key);

        public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue) => For(options, tree).GetBool(key, defaultValue);

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

        public static ImmutableArray<string> GetGlobalList(AnalyzerOptions options, string key) => SplitList(GetGlobalString(options, key));

        public static IEnumerable<string> GetList(AnalyzerOptions options, SyntaxTree tree, string key) => For(options, tree).GetList(key);
    }

    /// <summary>
    /// The Palisade options of one file. Values derived from them (parsed lists, name matchers, tracers) are cached
    /// here under a name of the caller's choosing, so files that share a section share the derived objects.
    /// </summary>
    internal sealed class FileOptions
    {
        private readonly AnalyzerConfigOptions _own;
        private readonly AnalyzerConfigOptions _global;
        private readonly ConcurrentDictionary<string, object> _derived = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

        public FileOptions(AnalyzerConfigOptions own, AnalyzerConfigOptions global)
        {
            _own = own;
            _global = global;
        }

        /// <summary>The trimmed value of <c>palisade.{key}</c>, or null when it is missing or blank.</summary>
        public string? GetString(string key)
        {
            var name = PalisadeOptions.Prefix + key;
            if (_own.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            return _global.TryGetValue(name, out var global) && !string.IsNullOrWhiteSpace(global) ? global.Trim() : null;
        }

        public bool GetBool(string key, bool defaultValue)
        {
            var text = GetString(key);
            return text is not null && bool.TryParse(text, out var value) ? value : defaultValue;
        }

        public ImmutableArray<string> GetList(string key) => PalisadeOptions.SplitList(GetString(key));

        /// <summary>A value derived from these options, built once per distinct option text and kind.</summary>
        public T Derived<T>(string kind, Func<FileOptions, T> create)
            where T : class
        {
            return (T)_derived.GetOrAdd(kind, _ => create(this));
        }
    }
}
