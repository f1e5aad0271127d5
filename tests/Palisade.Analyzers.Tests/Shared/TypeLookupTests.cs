using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Palisade.Analyzers.Tests.Verifiers;
using Xunit;

namespace Palisade.Analyzers.Tests.Shared
{
    /// <summary>
    /// One lookup for every analyzer that survives a type name defined twice (a shim next to the real library): the
    /// compiler's own lookup answers null then, which silently switched rules off.
    /// </summary>
    public class TypeLookupTests
    {
        [Fact]
        public void A_name_defined_in_two_references_resolves_to_the_first_public_one()
        {
            var first = Library("First", "namespace Dup { public class Widget { } }");
            var second = Library("Second", "namespace Dup { public class Widget { } }");
            var compilation = CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText("class C { }") }, TestReferences.All.Add(first).Add(second));

#pragma warning disable RS0030 // The compiler's own lookup, to show what the wrapper fixes.
            Assert.Null(compilation.GetTypeByMetadataName("Dup.Widget"));
#pragma warning restore RS0030
            var found = TypeLookup.Find(compilation, "Dup.Widget");
            Assert.NotNull(found);
            Assert.Equal("First", found!.ContainingAssembly.Name);
        }

        [Fact]
        public void The_compilation_s_own_type_wins_over_a_referenced_one()
        {
            var library = Library("Lib", "namespace Dup { public class Widget { } }");
            var compilation = CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText("namespace Dup { class Widget { } }") }, TestReferences.All.Add(library));
            Assert.Equal("User", TypeLookup.Find(compilation, "Dup.Widget")!.ContainingAssembly.Name);
        }

        [Fact]
        public void Known_types_answer_the_same_object_for_one_compilation()
        {
            var compilation = CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText("class C { }") }, TestReferences.All);
            var context = FlowContext.Get(compilation);
            Assert.Same(context, FlowContext.Get(compilation));
            Assert.Same(context.Types["System.Data.IDbCommand"], context.Types["System.Data.IDbCommand"]);
            Assert.Null(context.Types["No.Such.Type"]);
        }

        private static MetadataReference Library(string name, string source)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return compilation.ToMetadataReference();
        }
    }
}
