using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        private HashSet<string>? _declaredInMember;

        private readonly ExpressionSyntax _command;

        private AdoNetSite(ExpressionSyntax command, StatementSyntax statement, BlockSyntax? insertAtStartOf, bool hasAddWithValue, SemanticModel model, ISymbol? commandSymbol)
        {
            CommandSymbol = commandSymbol;
            _command = command.WithoutTrivia();
            Statement = statement;
            InsertAtStartOf = insertAtStartOf;
            HasAddWithValue = hasAddWithValue;
            _model = model;
        }

        /// <summary>The command expression (<c>cmd</c>, <c>adapter.SelectCommand!</c>).</summary>
        public ExpressionSyntax Command() => _command;

        public StatementSyntax Statement { get; }

        /// <summary>The variable, parameter, field or property holding the command (the declared local for a constructor).</summary>
        public ISymbol? CommandSymbol { get; }

        public BlockSyntax? InsertAtStartOf { get; }

        public bool HasAddWithValue { get; }

        public static AdoNetSite? Find(ExpressionSyntax sinkValue, SemanticModel model, CancellationToken cancellationToken)
        {
            if (sinkValue.Parent is AssignmentExpressionSyntax assignment && assignment.Right == sinkValue)
            {
                if (assignment.Parent is ExpressionStatementSyntax statement && assignment.Left is MemberAccessExpressionSyntax member)
                {
                    return Create(member.Expression, model.GetTypeInfo(member.Expression, cancellationToken).Type, statement, null, model, model.GetSymbolInfo(member.Expression, cancellationToken).Symbol);
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

        /// <summary>
        /// A local name free at the insertion point and declared nowhere else in the member (a later declaration in
        /// the same block would clash too, CS0128/CS0136).
        /// </summary>
        public string UniqueLocalName(string name)
        {
            _declaredInMember ??= DeclaredNames(Statement);
            var candidate = name;
            for (var n = 2; _namesGiven.Contains(candidate) || _declaredInMember.Contains(candidate) || !_model.LookupSymbols(Statement.SpanStart, name: candidate).IsEmpty; n++)
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _namesGiven.Add(candidate);
            return candidate;
        }

        /// <summary>True when the command already exists at <paramref name="statement"/> (a parameter, a member, a local declared before it).</summary>
        public bool CommandExistsAt(StatementSyntax statement, CancellationToken cancellationToken)
        {
            switch (CommandSymbol)
            {
                case IParameterSymbol:
                case IFieldSymbol:
                case IPropertySymbol:
                    return true;
                case ILocalSymbol local when local.DeclaringSyntaxReferences.Length == 1:
                    var declarator = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
                    var declaration = declarator.FirstAncestorOrSelf<StatementSyntax>();
                    SyntaxNode? scope = declaration is UsingStatementSyntax usingStatement ? usingStatement.Statement : declaration?.Parent;
                    return declarator.Span.End <= statement.SpanStart && scope is not null && scope.Span.Contains(statement.Span) && declarator.SyntaxTree == statement.SyntaxTree;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the command outlives a loop that sets its text: parameters added on every turn would pile up
        /// under the same name, so no fix is offered.
        /// </summary>
        public bool ReusedAcrossLoopTurns(CancellationToken cancellationToken)
        {
            var loop = Statement.Ancestors().FirstOrDefault(n => n is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
            if (loop is null)
            {
                return false;
            }

            return CommandSymbol is not ILocalSymbol local ||
                   local.DeclaringSyntaxReferences.Length != 1 ||
                   !loop.Span.Contains(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).Span);
        }

        internal static HashSet<string> DeclaredNames(SyntaxNode inside)
        {
            var member = inside.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? inside;
            var names = new HashSet<string>();
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator:
                        names.Add(declarator.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        names.Add(designation.Identifier.ValueText);
                        break;
                    case ParameterSyntax parameter:
                        names.Add(parameter.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax loop:
                        names.Add(loop.Identifier.ValueText);
                        break;
                }
            }

            return names;
        }

        private static AdoNetSite? FromDeclaration(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ||
                declarator.Parent is not VariableDeclarationSyntax declaration)
            {
                return null;
            }

            var type = model.GetTypeInfo(creation, cancellationToken).Type;
            ExpressionSyntax command = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
            var selectCommand = FindMember<IPropertySymbol>(type, "SelectCommand");
            if (selectCommand is not null)
            {
                command = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, command, SyntaxFactory.IdentifierName("SelectCommand"));
                if (selectCommand.NullableAnnotation == NullableAnnotation.Annotated)
                {
                    command = SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, command);
                }

                type = selectCommand.Type;
            }

            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax local:
                    return Create(command, type, local, null, model, model.GetDeclaredSymbol(declarator, cancellationToken));
                case UsingStatementSyntax { Statement: BlockSyntax block } usingStatement when block.Statements.Count > 0:
                    return Create(command, type, usingStatement, block, model, model.GetDeclaredSymbol(declarator, cancellationToken));
                default:
                    return null;
            }
        }

        private static AdoNetSite? Create(ExpressionSyntax command, ITypeSymbol? commandType, StatementSyntax statement, BlockSyntax? block, SemanticModel model, ISymbol? commandSymbol)
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

            return new AdoNetSite(command, statement, block, hasAddWithValue, model, commandSymbol);
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
