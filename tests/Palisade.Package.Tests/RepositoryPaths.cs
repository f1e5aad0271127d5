using System;
using System.IO;

namespace Palisade.Package.Tests
{
    /// <summary>Where this repository and the test fixtures are, found from the test assembly's folder.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Fixture(string prefix)
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "SecurityPolicies");
            string[] files = Directory.GetFiles(folder, prefix + "_*.txt");
            return files.Length == 1 ? files[0] : throw new FileNotFoundException("No fixture " + prefix + " in " + folder);
        }

        private static string FindRoot()
        {
            for (string? directory = AppContext.BaseDirectory; directory != null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Analyzers.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
