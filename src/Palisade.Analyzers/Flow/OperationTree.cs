using Microsoft.CodeAnalysis;

namespace Palisade.Analyzers.Flow
{
    /// <summary>The tree an operation callback is analyzing, for rules that look up per-tree settings on every call.</summary>
    internal static class OperationTree
    {
        /// <summary>
        /// From the semantic model. <c>Operation.Syntax.SyntaxTree</c> gives the same tree but, on a node not asked
        /// before, walks to the root and marks the path, per operation.
        /// </summary>
        public static SyntaxTree Of(IOperation operation) => operation.SemanticModel?.SyntaxTree ?? operation.Syntax.SyntaxTree;
    }
}
