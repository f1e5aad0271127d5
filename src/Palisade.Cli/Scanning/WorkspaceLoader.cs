using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Palisade.Cli.Scanning
{
    /// <summary>
    /// Loads the solution or projects with MSBuildWorkspace, on the MSBuild of the .NET SDK found by
    /// Microsoft.Build.Locator. Loading evaluates the projects and runs design-time builds out of process; it writes
    /// nothing into the user's folders. Projects must have been restored (obj/project.assets.json), as for any build.
    /// </summary>
    internal static class WorkspaceLoader
    {
        private static readonly object Gate = new();

        public static void RegisterMSBuild()
        {
            lock (Gate)
            {
                if (MSBuildLocator.IsRegistered)
                {
                    return;
                }

                VisualStudioInstance? instance = MSBuildLocator.QueryVisualStudioInstances()
                    .OrderByDescending(i => i.Version)
                    .FirstOrDefault();
                if (instance is null)
                {
                    throw new LoadException("No .NET SDK was found to load projects with. Install the .NET SDK, or scan the source files with --loose.");
                }

                MSBuildLocator.RegisterInstance(instance);
            }
        }

        public static async Task<LoadedWorkspace> LoadAsync(ScanInput input, Action<string> progress, CancellationToken cancellationToken)
        {
            RegisterMSBuild();
            var failures = new List<string>();
            var scratch = new ScratchOutput();
            MSBuildWorkspace workspace = MSBuildWorkspace.Create(scratch.GlobalProperties);
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            });

            var reporter = new Progress(progress);
            var projects = new List<Project>();
            try
            {
                if (input.Kind == InputKind.Solution)
                {
                    Solution solution = await workspace.OpenSolutionAsync(input.Files[0], reporter, cancellationToken).ConfigureAwait(false);
                    projects.AddRange(solution.Projects);
                }
                else
                {
                    foreach (string file in input.Files)
                    {
                        Project project = await workspace.OpenProjectAsync(file, reporter, cancellationToken).ConfigureAwait(false);
                        projects.Add(project);
                    }

                    // Project references were loaded too; take each project once.
                    projects = workspace.CurrentSolution.Projects.ToList();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not LoadException)
            {
                workspace.Dispose();
                scratch.Dispose();
                string details = failures.Count > 0 ? "\n  " + string.Join("\n  ", failures.Distinct()) : string.Empty;
                throw new LoadException($"Could not load {string.Join(", ", input.Files)}: {e.Message}{details}", e);
            }

            List<Project> csharp = projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            if (csharp.Count == 0 || csharp.All(p => !p.DocumentIds.Any()))
            {
                workspace.Dispose();
                scratch.Dispose();
                string details = failures.Count > 0 ? "\n  " + string.Join("\n  ", failures.Distinct()) : string.Empty;
                throw new LoadException($"No C# project with source files could be loaded from {string.Join(", ", input.Files)}.{details}");
            }

            return new LoadedWorkspace(workspace, csharp, failures.Distinct().ToList(), scratch);
        }

        private sealed class Progress : IProgress<ProjectLoadProgress>
        {
            private readonly Action<string> report;

            public Progress(Action<string> report) => this.report = report;

            public void Report(ProjectLoadProgress value)
            {
                if (value.Operation == ProjectLoadOperation.Resolve)
                {
                    string framework = string.IsNullOrEmpty(value.TargetFramework) ? string.Empty : $" ({value.TargetFramework})";
                    report($"Loaded {System.IO.Path.GetFileName(value.FilePath)}{framework} in {value.ElapsedTime.TotalSeconds:0.0} s");
                }
            }
        }
    }

    /// <summary>The workspace (kept alive while its projects are analysed), the C# projects and any load warnings.</summary>
    internal sealed class LoadedWorkspace : IDisposable
    {
        private readonly IDisposable scratch;

        public LoadedWorkspace(Workspace workspace, IReadOnlyList<Project> projects, IReadOnlyList<string> warnings, IDisposable scratch)
        {
            this.scratch = scratch;
            Workspace = workspace;
            Projects = projects;
            Warnings = warnings;
        }

        public Workspace Workspace { get; }

        public IReadOnlyList<Project> Projects { get; }

        public IReadOnlyList<string> Warnings { get; }

        public void Dispose()
        {
            Workspace.Dispose();
            scratch.Dispose();
        }
    }
}
