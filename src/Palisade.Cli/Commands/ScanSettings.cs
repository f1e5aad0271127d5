using System;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Palisade.Cli.Commands
{
    /// <summary>Arguments shared by scan and baseline: what to load.</summary>
    internal class InputSettings : CommandSettings
    {
        [CommandArgument(0, "[PATH]")]
        [Description("A .sln, .slnx, .csproj or folder (default: the current folder). Projects must be restored.")]
        public string? Path { get; init; }

        [CommandOption("--loose")]
        [Description("No project: compile every .cs file under PATH against the SDK's reference assemblies and report what binds.")]
        public bool Loose { get; init; }
    }

    internal sealed class ScanSettings : InputSettings
    {
        [CommandOption("--sarif <FILE>")]
        [Description("Write the findings as SARIF 2.1.0.")]
        public string? Sarif { get; init; }

        [CommandOption("--html <FILE>")]
        [Description("Write a self-contained HTML report.")]
        public string? Html { get; init; }

        [CommandOption("--baseline <FILE>")]
        [Description("Baseline to apply (default: palisade.baseline.json at the repository root, when present).")]
        public string? Baseline { get; init; }

        [CommandOption("--fail-on <LEVEL>")]
        [Description("error, warning (default) or none: the lowest severity that makes the exit code 1.")]
        [DefaultValue("warning")]
        public string FailOn { get; init; } = "warning";

        public override ValidationResult Validate() =>
            FailOn is "error" or "warning" or "none"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--fail-on must be error, warning or none, not '{FailOn}'.");
    }

    internal sealed class BaselineSettings : InputSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where the baseline goes (default: palisade.baseline.json at the repository root). Paths in it are relative to its folder.")]
        public string? Output { get; init; }

        [CommandOption("--check")]
        [Description("Write nothing; list baseline entries whose findings are gone (stale). Exit code 1 when there are any.")]
        public bool Check { get; init; }
    }
}
