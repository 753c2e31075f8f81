using GraphQL.Types;
using Kinerja.Modules.Cascade.Tree;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class IndicatorRuleType : ObjectGraphType<YearRule>
{
    public IndicatorRuleType()
    {
        Name = "IndicatorRule";
        Description = "How an indicator's numerator and denominator are obtained in a year's pohon kinerja.";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<StringGraphType>>("numerator")
            .Description("input, or sum:CODE,...")
            .Resolve(c => c.Source.Rule.Numerator.ToString());
        Field<StringGraphType>("denominator")
            .Description("input, den:CODE,..., target:CODE,... or base:MEASURE; null for COUNT.")
            .Resolve(c => c.Source.Rule.Denominator?.ToString());
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description("Whether the year follows the catalog's default tree for this indicator.")
            .Resolve(c => c.Source.IsDefault);
    }
}
