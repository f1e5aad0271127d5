using System.Threading.Tasks;
using Palisade.Cli.Commands;
using Spectre.Console.Cli;

namespace Palisade.Cli
{
    internal static class Program
    {
        public static Task<int> Main(string[] args)
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("palisade");
                config.SetApplicationVersion(ToolVersion.Value);
                config.AddCommand<ScanCommand>("scan")
                    .WithDescription("Run the Palisade analyzers and the SECURITY.md check on a solution, project or folder.")
                    .WithExample("scan", "MyApp.sln", "--sarif", "palisade.sarif", "--html", "palisade.html")
                    .WithExample("scan", "src", "--loose");
                config.AddCommand<BaselineCommand>("baseline")
                    .WithDescription("Write today's findings to palisade.baseline.json, or --check it for stale entries.")
                    .WithExample("baseline")
                    .WithExample("baseline", "--check");
            });
            return app.RunAsync(args);
        }
    }
}
