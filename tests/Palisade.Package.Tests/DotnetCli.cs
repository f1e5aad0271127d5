using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Palisade.Package.Tests
{
    /// <summary>The result of one dotnet command: exit code and everything it printed.</summary>
    internal sealed record DotnetResult(string CommandLine, int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>For assertion messages: the command and its whole output.</summary>
        public override string ToString() =>
            $"> dotnet {CommandLine}\n(exit {ExitCode})\n" + string.Join("\n", Output.Split('\n').Select(l => l.Length > 2000 ? l.Substring(0, 2000) + " [...]" : l));

        /// <summary>
        /// Distinct PAL diagnostics printed by MSBuild ("file(line): warning PALnnnn: message [project]"), whatever the
        /// verbosity; build messages with a code (PAL5003 suggestions) have the severity "message".
        /// </summary>
        public IReadOnlyList<BuildDiagnostic> Diagnostics(string code) =>
            Regex.Matches(Output, @"(?<file>[^\s>]*?)(\((?<line>\d+)[^)]*\))?\s?:\s(?<severity>warning|error|message)\s(?<code>" + code + @")\s?:\s(?<message>[^\r\n]*?)(\s\[[^\r\n]*\])?\r?$", RegexOptions.Multiline)
                .Select(m => new BuildDiagnostic(m.Groups["file"].Value, m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0, m.Groups["severity"].Value, m.Groups["code"].Value, m.Groups["message"].Value))
                .Distinct()
                .ToList();
    }

    /// <summary>One diagnostic as MSBuild printed it.</summary>
    internal sealed record BuildDiagnostic(string File, int Line, string Severity, string Code, string Message);

    /// <summary>Runs the real dotnet CLI with a clean, private environment: no telemetry, no lingering build nodes.</summary>
    internal static class DotnetCli
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

        public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
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

            // The test host may carry MSBuild variables of the outer build; a child build must pick its own.
            foreach (string name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in {Timeout}:\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return new DotnetResult(string.Join(" ", arguments), process.ExitCode, output.ToString());
            }
        }
    }
}
