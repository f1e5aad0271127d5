using System;
using System.IO;

namespace Palisade.Build.Tests
{
    /// <summary>
    /// A fresh folder of its own directly under the system temp folder (palisade-build-tests-XXXXXX), so two test
    /// runs on one machine never share a folder; deleted with everything in it on dispose.
    /// </summary>
    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = Directory.CreateTempSubdirectory("palisade-build-tests-").FullName;
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

        public string CreateDirectory(params string[] parts)
        {
            string path = Combine(parts);
            Directory.CreateDirectory(path);
            return path;
        }

        public string WriteFile(string relativePath, string text)
        {
            string path = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A leftover temp folder must not fail a test.
            }
        }
    }
}
