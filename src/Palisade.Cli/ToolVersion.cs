using System.Reflection;

namespace Palisade.Cli
{
    internal static class ToolVersion
    {
        /// <summary>The package version the tool was built as (informational version without the commit hash).</summary>
        public static string Value { get; } = Read();

        private static string Read()
        {
            string? version = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(version))
            {
                return "0.0.0";
            }

            int plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }
    }
}
