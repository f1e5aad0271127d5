using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Palisade.Analyzers.Shared;

namespace Palisade.Analyzers.Logging
{
    /// <summary>
    /// Values whose name mentions a secret but whose text is fixed and says nothing secret, so writing them to a log or
    /// an exception message leaks nothing: a message read from a .resx resource class (<c>Messages.InvalidPassword</c>),
    /// and a named constant whose value is a configuration key, a label or a placeholder
    /// (<c>const string JwtSigningKey = "Jwt:SigningKey"</c>). A named constant holding a real value
    /// (<c>const string DbPassword = "hunter2..."</c>) is still a leak. Applied by the PAL3001/PAL3002 analyzers to
    /// the tracer's findings.
    /// </summary>
    internal static class FixedTextValues
    {
        public static bool IsFixedText(IOperation hole, SecretNames names)
        {
            // An interpolation hole is reported with its braces: judge the expression inside.
            if (hole is IInterpolationOperation interpolation)
            {
                hole = interpolation.Expression;
            }

            switch (SensitiveValues.Unwrap(hole))
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false } property } when
                    property.Type.SpecialType == SpecialType.System_String && IsResourceClass(property.ContainingType):
                    return true;
                case IFieldReferenceOperation { Field.IsConst: true } field when field.ConstantValue is { HasValue: true, Value: string text }:
                    return SecretValues.IsNotACredential(text, names);
                case ILocalReferenceOperation { Local.IsConst: true } local when local.ConstantValue is { HasValue: true, Value: string text }:
                    return SecretValues.IsNotACredential(text, names);
                default:
                    return false;
            }
        }

        /// <summary>The class the .resx generator writes: a static <c>System.Resources.ResourceManager ResourceManager</c> property.</summary>
        private static bool IsResourceClass(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var member in type.GetMembers("ResourceManager"))
            {
                if (member is IPropertySymbol { IsStatic: true } property && property.Type.Name == "ResourceManager" &&
                    property.Type.ContainingNamespace?.ToDisplayString() == "System.Resources")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
