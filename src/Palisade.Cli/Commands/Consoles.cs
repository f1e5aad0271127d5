using System;
using Spectre.Console;

namespace Palisade.Cli.Commands
{
    /// <summary>Reports go to standard output, progress and errors to standard error, so output can be piped.</summary>
    internal static class Consoles
    {
        public static IAnsiConsole Out { get; set; } = AnsiConsole.Console;

        public static IAnsiConsole Error { get; set; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

        public static void Progress(string message) => Error.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");

        public static void Warn(string message) => Error.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));

        public static void Fail(string message) => Error.MarkupLine("[red]error:[/] " + Markup.Escape(message));
    }
}
