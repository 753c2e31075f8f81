using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Kinerja.Tests.Architecture;

/// <summary>
/// Which types each type of an assembly uses, read from the compiled assembly: signatures, fields, locals and every
/// instruction of every method body, those of compiler-made nested types (lambdas, async state machines) counted as
/// their outer type's.
/// </summary>
internal static class TypeReferences
{
    /// <summary>Each top-level type's full name, with the full names of the types it uses.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.Types.Where(t => t.Name != "<Module>"))
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            Visit(type, used);
            uses[type.FullName] = used;
        }
        return uses;
    }

    private static void Visit(TypeDefinition type, HashSet<string> used)
    {
        Add(type.BaseType, used);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType, used);
        }
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, used);
        }
        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, used);
        }
        foreach (var method in type.Methods)
        {
            Add(method.ReturnType, used);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType, used);
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var local in method.Body.Variables)
            {
                Add(local.VariableType, used);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t, used);
                        break;
                    case MemberReference m:
                        Add(m.DeclaringType, used);
                        if (m is MethodReference called)
                        {
                            Add(called.ReturnType, used);
                            if (called is GenericInstanceMethod generic)
                            {
                                foreach (var argument in generic.GenericArguments)
                                {
                                    Add(argument, used);
                                }
                            }
                        }
                        else if (m is FieldReference f)
                        {
                            Add(f.FieldType, used);
                        }
                        break;
                }
            }
        }
        foreach (var nested in type.NestedTypes)
        {
            Visit(nested, used);
        }
    }

    private static void Add(TypeReference? type, HashSet<string> used)
    {
        switch (type)
        {
            case null:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, used);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, used);
                }
                return;
            case TypeSpecification specification:
                Add(specification.ElementType, used);
                return;
            case GenericParameter:
                return;
        }
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }
        used.Add(outer.FullName);
    }
}
