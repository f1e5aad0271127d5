using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Palisade.Testing;
using Palisade.Testing.Generator;

namespace Palisade.Benchmarks
{
    /// <summary>What one size of a workload gives the analyzers: parsed trees, additional files and its line count.</summary>
    internal sealed class WorkloadInput
    {
        public WorkloadInput(ImmutableArray<SyntaxTree> trees, ImmutableArray<AdditionalText> additionalFiles, int lines, long additionalBytes)
        {
            Trees = trees;
            AdditionalFiles = additionalFiles;
            Lines = lines;
            AdditionalBytes = additionalBytes;
        }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public ImmutableArray<AdditionalText> AdditionalFiles { get; }

        public int Lines { get; }

        public long AdditionalBytes { get; }
    }

    /// <summary>
    /// A generated codebase the benchmark grows in sizes. Three exist: the line-of-business application (sizes in
    /// files), the literal-dense codebase with configuration files (sizes in files), and one long method (sizes in
    /// statement groups: build SQL by concatenation, run it, log it).
    /// </summary>
    internal sealed class Workload
    {
        public static readonly Workload LineOfBusiness = new Workload(
            "lob", "line-of-business application", "files", new[] { 250, 1000, 4000 },
            (size, seed) => Input(CodebaseGenerator.Generate(size, seed), Array.Empty<GeneratedFile>()));

        public static readonly Workload Literals = new Workload(
            "literals", "literal-dense code with configuration files", "files", new[] { 250, 1000, 4000 },
            (size, seed) => Input(LiteralCodebaseGenerator.Generate(size, seed), ConfigurationFileGenerator.Generate(size, seed)));

        public static readonly Workload LongMethod = new Workload(
            "long-method", "one method of N statement groups", "statement groups", new[] { 1000, 4000 },
            (size, _) => Input(new[] { CoreTemplate.Create(), LongMethodTemplate.Write(size) }, Array.Empty<GeneratedFile>()));

        public static readonly IReadOnlyList<Workload> All = new[] { LineOfBusiness, Literals, LongMethod };

        private readonly Func<int, int, WorkloadInput> _create;

        private Workload(string name, string description, string sizeUnit, IReadOnlyList<int> defaultSizes, Func<int, int, WorkloadInput> create)
        {
            Name = name;
            Description = description;
            SizeUnit = sizeUnit;
            DefaultSizes = defaultSizes;
            _create = create;
        }

        public string Name { get; }

        public string Description { get; }

        /// <summary>What a size counts: "files" or "statement groups".</summary>
        public string SizeUnit { get; }

        public IReadOnlyList<int> DefaultSizes { get; }

        public static Workload Find(string name) =>
            All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown workload {name}; choose one of {string.Join(", ", All.Select(w => w.Name))}.");

        public WorkloadInput Create(int size, int seed) => _create(size, seed);

        private static WorkloadInput Input(IReadOnlyList<GeneratedFile> sources, IReadOnlyList<GeneratedFile> additional) =>
            new WorkloadInput(
                GeneratedCompilation.Parse(sources),
                additional.Select(file => (AdditionalText)new GeneratedAdditionalText(file)).ToImmutableArray(),
                CodebaseGenerator.CountLines(sources),
                additional.Sum(file => (long)file.Text.Length));
    }
}
