using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Palisade.Analyzers.Flow
{
    /// <summary>
    /// Values that come straight from a web request, whatever the code around them does: parameters of web entry
    /// points (ASP.NET Core controller actions, Razor Page handlers, minimal-API handlers, and parameters bound with
    /// [FromQuery], [FromRoute], [FromForm], [FromBody] or [FromHeader]) and reads of <c>HttpRequest</c>'s Query, Form,
    /// Headers, Cookies and RouteValues. "Not a constant" is not "attacker-controlled"; these are.
    /// </summary>
    internal sealed class UntrustedInput
    {
        private static readonly string[] RequestCollections = { "Query", "Form", "Headers", "Cookies", "RouteValues" };

        private static readonly string[] MinimalApiMethods = { "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback" };

        private readonly INamedTypeSymbol? _httpRequest;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _pageModel;

        public UntrustedInput(KnownTypes types)
        {
            _httpRequest = types["Microsoft.AspNetCore.Http.HttpRequest"];
            _controllerBase = types["Microsoft.AspNetCore.Mvc.ControllerBase"];
            _pageModel = types["Microsoft.AspNetCore.Mvc.RazorPages.PageModel"];
        }

        /// <summary>False when the compilation references no ASP.NET Core type, so nothing can be a web entry point.</summary>
        public bool Any => _httpRequest is not null || _controllerBase is not null || _pageModel is not null;

        /// <summary>Where the untrusted value comes from ("request parameter 'q'", "Request.Query"), or null.</summary>
        public string? Describe(IOperation? source)
        {
            if (source is null || !Any)
            {
                return null;
            }

            var current = StringTracer.Unwrap(source);
            if (current is IParameterReferenceOperation parameter)
            {
                return IsEntryPointParameter(parameter) ? "request parameter '" + parameter.Parameter.Name + "'" : null;
            }

            for (var depth = 0; current is not null && depth < 8; depth++)
            {
                switch (current)
                {
                    case IPropertyReferenceOperation property:
                        if (IsRequestCollection(property.Property))
                        {
                            return "Request." + property.Property.Name;
                        }

                        current = property.Instance;
                        break;
                    case IInvocationOperation invocation:
                        current = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                        break;
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private bool IsRequestCollection(IPropertySymbol property)
        {
            if (_httpRequest is null || System.Array.IndexOf(RequestCollections, property.Name) < 0)
            {
                return false;
            }

            for (var type = property.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _httpRequest))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsEntryPointParameter(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "FromQueryAttribute" or "FromRouteAttribute" or "FromFormAttribute" or "FromBodyAttribute" or "FromHeaderAttribute" } binding &&
                    binding.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc")
                {
                    return true;
                }
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                return IsMinimalApiHandler(reference, method);
            }

            return method.MethodKind == MethodKind.Ordinary && (IsControllerAction(method) || IsPageHandler(method));
        }

        private bool IsControllerAction(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || type is null || type.IsAbstract || HasAttribute(method, "NonActionAttribute"))
            {
                return false;
            }

            return TypeHierarchy.InheritsFrom(type, _controllerBase) ||
                   HasAttribute(type, "ApiControllerAttribute") || HasAttribute(type, "ControllerAttribute") ||
                   (_controllerBase is not null && type.Name.EndsWith("Controller", System.StringComparison.Ordinal) && type.DeclaredAccessibility == Accessibility.Public && !HasAttribute(type, "NonControllerAttribute"));
        }

        private bool IsPageHandler(IMethodSymbol method) =>
            !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public && method.Name.StartsWith("On", System.StringComparison.Ordinal) &&
            TypeHierarchy.InheritsFrom(method.ContainingType, _pageModel);

        /// <summary>A lambda passed to app.MapGet(...) and its relatives: its parameters are bound from the request.</summary>
        private static bool IsMinimalApiHandler(IOperation reference, IMethodSymbol lambda)
        {
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    var argument = function.Parent;
                    while (argument is IDelegateCreationOperation or IConversionOperation)
                    {
                        argument = argument.Parent;
                    }

                    return argument is IArgumentOperation { Parent: IInvocationOperation invocation } &&
                           System.Array.IndexOf(MinimalApiMethods, invocation.TargetMethod.Name) >= 0 &&
                           invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder";
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, string name)
        {
            for (var current = symbol; current is not null; current = (current as INamedTypeSymbol)?.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name == name)
                    {
                        return true;
                    }
                }

                if (current is not INamedTypeSymbol)
                {
                    break;
                }
            }

            return false;
        }
    }
}
