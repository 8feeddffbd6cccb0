using System.Collections.Concurrent;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace DuiConformance.Core.Fhir.Profiles;

/// <summary>
/// Evaluates ElementDefinition.constraint expressions with Firely's FHIRPath compiler (standard functions plus the
/// FHIR extensions) over the POCOs. Compiled expressions are cached; an expression the engine cannot compile or
/// evaluate gives an explanation instead of a verdict, never an exception.
/// </summary>
public sealed class InvariantEvaluator
{
    private static readonly FhirPathCompiler Compiler = new(new SymbolTable().AddStandardFP().AddFhirExtensions());
    private readonly ConcurrentDictionary<string, (CompiledExpression? Expression, string? Error)> _cache = new(StringComparer.Ordinal);

    /// <summary>The outcome of one evaluation: <c>true</c> holds, <c>false</c> fails, <c>null</c> not evaluated (see <paramref name="Error"/>).</summary>
    /// <param name="Holds">The verdict, or <c>null</c>.</param>
    /// <param name="Error">Why there is no verdict.</param>
    public readonly record struct Result(bool? Holds, string? Error);

    /// <summary>Evaluates <paramref name="expression"/> on <paramref name="focus"/>, with %resource bound to <paramref name="resource"/>.</summary>
    public Result Evaluate(string expression, Base focus, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(focus);
        var (compiled, error) = _cache.GetOrAdd(expression, Compile);
        if (compiled is null)
        {
            return new Result(null, error);
        }

        try
        {
            var context = new FhirEvaluationContext();
            context.Resource = resource.ToPocoNode();
            context.RootResource = context.Resource;
            return new Result(compiled.Predicate(focus, context), null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException
            or FormatException or InvalidCastException or NullReferenceException or OverflowException or KeyNotFoundException)
        {
            return new Result(null, exception.Message);
        }
    }

    private static (CompiledExpression?, string?) Compile(string expression)
    {
        try
        {
            return (Compiler.Compile(expression), null);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return (null, exception.Message);
        }
    }
}
