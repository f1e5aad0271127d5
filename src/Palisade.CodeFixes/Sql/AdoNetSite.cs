using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Palisade.CodeFixes.Sql
{
    /// <summary>
    /// Where the ADO.NET parameters go: the command expression, the statement after which they are added (or the block
    /// they open, for a <c>using (var cmd = ...)</c>), and which API the command's parameter collection offers.
    /// </summary>
    internal sealed class AdoNetSite
    {
        private readonly SemanticModel _model;
        private readonly HashSet<string> _namesGiven = new HashSet<string>();

        private AdoNetSite(string command, StatementSyntax statement, BlockSyntax? insertAtStartOf, bool hasAddWithValue, SemanticModel model)
        {
            Command = command;
            Statement = statement;
            InsertAtStartOf = insertAtStartOf;
            HasAddWithValue = hasAddWithValue;
            _model = model;
        }

        /// <summary>C# text of the command ("cmd", "adapter.SelectCommand!").</summary>
        public string Command { get; }

        public StatementSyntax Statement { get; }

        public BlockSyntax? InsertAtStartOf { get; }

        public bool HasAddWithValue { get; }

        public static AdoNetSite? Find(ExpressionSyntax sinkValue, SemanticModel model, CancellationToken cancellationToken)
        {
            if (sinkValue.Parent is AssignmentExpressionSyntax assignment && assignment.Right == sinkValue)
            {
                if (assignment.Parent is ExpressionStatementSyntax statement && assignment.Left is MemberAccessExpressionSyntax member)
                {
                    return Create(member.Expression.ToString(), model.GetTypeInfo(member.Expression, cancellationToken).Type, statement, null, model);
                }

                if (assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax created })
                {
                    return FromDeclaration(created, model, cancellationToken);
                }

                return null;
            }

            if (sinkValue.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } })
            {
                return FromDeclaration(creation, model, cancellationToken);
            }

            return null;
        }

        public string UniqueLocalName(string name)
        {
            var candidate = name;
            for (var n = 2; _namesGiven.Contains(candidate) || !_model.LookupSymbols(Statement.SpanStart, name: candidate).IsEmpty; n++)
            {
                candidate = name + n;
            }

            _namesGiven.Add(candidate);
            return candidate;
        }

        private static AdoNetSite? FromDeclaration(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
                declarator.Parent is not VariableDeclarationSyntax declaration)
            {
                return null;
            }

            var type = model.GetTypeInfo(creation, cancellationToken).Type;
            var command = declarator.Identifier.ValueText;
            var selectCommand = FindMember<IPropertySymbol>(type, "SelectCommand");
            if (selectCommand is not null)
            {
                command += ".SelectCommand" + (selectCommand.NullableAnnotation == NullableAnnotation.Annotated ? "!" : string.Empty);
                type = selectCommand.Type;
            }

            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax local:
                    return Create(command, type, local, null, model);
                case UsingStatementSyntax { Statement: BlockSyntax block } usingStatement when block.Statements.Count > 0:
                    return Create(command, type, usingStatement, block, model);
                default:
                    return null;
            }
        }

        private static AdoNetSite? Create(string command, ITypeSymbol? commandType, StatementSyntax statement, BlockSyntax? block, SemanticModel model)
        {
            if (commandType is null || (block is null && statement.Parent is not BlockSyntax))
            {
                return null;
            }

            var parameters = FindMember<IPropertySymbol>(commandType, "Parameters");
            var hasAddWithValue = FindMember<IMethodSymbol>(parameters?.Type, "AddWithValue", m => m.Parameters.Length == 2) is not null;
            var hasCreateParameter = FindMember<IMethodSymbol>(commandType, "CreateParameter", m => m.Parameters.Length == 0) is not null;
            if (parameters is null || (!hasAddWithValue && !hasCreateParameter))
            {
                return null;
            }

            return new AdoNetSite(command, statement, block, hasAddWithValue, model);
        }

        private static T? FindMember<T>(ITypeSymbol? type, string name, System.Func<T, bool>? filter = null)
            where T : class, ISymbol
        {
            if (type is null)
            {
                return null;
            }

            var types = new List<ITypeSymbol>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                types.Add(current);
            }

            types.AddRange(type.AllInterfaces);
            return types
                .SelectMany(t => t.GetMembers(name).OfType<T>())
                .FirstOrDefault(m => m.DeclaredAccessibility == Accessibility.Public && (filter is null || filter(m)));
        }
    }
}
