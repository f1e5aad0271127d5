namespace Palisade.CodeFixes
{
    /// <summary>A handle on this assembly for tests and tools that enumerate the code fixes it exports.</summary>
    public static class CodeFixesAssembly
    {
    }
}
