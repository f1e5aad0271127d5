using System;
using System.Collections.Generic;
using System.Linq;

namespace Palisade.Testing.Generator
{
    /// <summary>
    /// Writes a deterministic, compilable C# codebase that looks like a line-of-business application: mostly
    /// ordinary business code, with repositories (ADO.NET, Dapper, EF Core), logging services, settings classes and
    /// a little unsafe interop in roughly the proportions real projects have. File N depends only on N and the seed,
    /// so a smaller size is a prefix of a larger one and growth across sizes compares like with like.
    /// </summary>
    internal static class CodebaseGenerator
    {
        public const int DefaultSeed = 20261123;

        /// <summary>About 100 lines per file, so 4,000 files is about 400k lines.</summary>
        public const int TargetLinesPerFile = 100;

        /// <summary>Percent of files of each kind; the rest is ordinary business code.</summary>
        private static readonly (int Percent, Func<FileContext, int, GeneratedFile> Write)[] Mix =
        {
            (10, AdoNetRepositoryTemplate.Write),
            (5, DapperRepositoryTemplate.Write),
            (5, EfCoreRepositoryTemplate.Write),
            (12, LoggingServiceTemplate.Write),
            (5, ConfigurationTemplate.Write),
            (2, InteropTemplate.Write),
        };

        public static IReadOnlyList<GeneratedFile> Generate(int fileCount, int seed = DefaultSeed)
        {
            if (fileCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(fileCount), "At least one file (the shared domain) is generated.");
            }

            var files = new List<GeneratedFile>(fileCount) { CoreTemplate.Create() };
            for (var index = 1; index < fileCount; index++)
            {
                files.Add(GenerateFile(index, seed));
            }

            return files;
        }

        /// <summary>The file at <paramref name="index"/> (1-based; index 0 is the shared domain).</summary>
        public static GeneratedFile GenerateFile(int index, int seed = DefaultSeed)
        {
            var context = new FileContext(index, seed);
            var lines = TargetLinesPerFile + context.Random.Next(-30, 31);
            var roll = context.Random.Next(100);
            foreach (var (percent, write) in Mix)
            {
                if (roll < percent)
                {
                    return write(context, lines);
                }

                roll -= percent;
            }

            return BusinessTemplate.Write(context, lines);
        }

        public static int CountLines(IEnumerable<GeneratedFile> files) => files.Sum(file => file.LineCount);
    }
}
