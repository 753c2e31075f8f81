using GraphQL.Types;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class ValueSourceType : EnumerationGraphType<ValueSource>
{
    public ValueSourceType() => Name = "ValueSource";
}

internal sealed class ValueSourceSettingType : ObjectGraphType<SourceSetting>
{
    public ValueSourceSettingType()
    {
        Name = "ValueSourceSetting";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<ValueSourceType>>("source").Resolve(c => c.Source.Source);
    }
}
