using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Palisade.Cli.Tests
{
    /// <summary>What one process printed, apart (stdout, stderr), and its exit code.</summary>
    internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"> {CommandLine}\n(exit {ExitCode})\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Runs dotnet or the installed tool with a clean environment: no MSBuild variables of the test host's build.</summary>
    internal static class ToolRunner
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        public static ProcessResult Run(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            // Wide, uncoloured tables: the tests read them.
            start.Environment["NO_COLOR"] = "1";
            start.Environment["COLUMNS"] = "200";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            var error = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (error) { error.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(" ", arguments)} did not finish in {Timeout}:\n{output}\n{error}");
            }

            process.WaitForExit();
            lock (output)
            {
                lock (error)
                {
                    return new ProcessResult(program + " " + string.Join(" ", arguments), process.ExitCode, output.ToString(), error.ToString());
                }
            }
        }
    }
}
