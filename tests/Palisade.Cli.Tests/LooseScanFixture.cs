using System;
using System.Threading;
using Palisade.Cli.Scanning;

namespace Palisade.Cli.Tests
{
    /// <summary>
    /// A small repository (a .git folder, a good SECURITY.md, code with a hard-coded credential, a settings file with
    /// an API key, and SQL code whose packages are missing) scanned once with --loose, in process: no MSBuild needed.
    /// </summary>
    public sealed class LooseScanFixture : IDisposable
    {
        private readonly TempFolder folder = new("loose");

        public LooseScanFixture()
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, ".git"));
            folder.Write("SECURITY.md", Samples.GoodPolicy);
            folder.Write("src/Settings.cs", Samples.Credentials);
            folder.Write("src/Orders.cs", Samples.Repository);
            folder.Write("src/appsettings.json", Samples.AppSettings);
            Result = Scanner.RunAsync(new ScanRequest(folder.Path, Loose: true), _ => { }, CancellationToken.None).GetAwaiter().GetResult();
            Scanner.ApplyBaseline(Result, folder.Path, baseline: null);
        }

        public string Root => folder.Path;

        internal ScanResult Result { get; }

        internal TempFolder Folder => folder;

        public void Dispose() => folder.Dispose();
    }
}
