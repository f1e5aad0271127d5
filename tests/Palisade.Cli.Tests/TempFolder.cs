using System;
using System.IO;

namespace Palisade.Cli.Tests
{
    /// <summary>A fresh folder under the system temp folder (unique per test run), deleted on dispose.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder(string purpose)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "palisade-cli-tests", purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string relativePath, string text)
        {
            string path = System.IO.Path.Combine(Path, relativePath);
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
            catch (IOException)
            {
                // Leftovers in temp must not fail the run.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
