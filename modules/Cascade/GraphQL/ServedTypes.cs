using GraphQL.Types;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class ServedSubjectType : ObjectGraphType<ServedSubject>
{
    public ServedSubjectType()
    {
        Name = "ServedSubject";
        Description = "A person or institution a register count stands for.";
        Field<NonNullGraphType<StringGraphType>>("subject")
            .Description("An institution's registration number, or a person's NIK: whole for admins and the unit's own operators "
                + "and verifikator, masked (3525**********12) for everyone else, since NIK is personal data (UU 27/2022).")
            .Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<BooleanGraphType>>("isInstitution").Resolve(c => c.Source.IsInstitution);
        Field<NonNullGraphType<StringGraphType>>("kecamatan").Description("Where the subject is counted: its latest service in the period.").Resolve(c => c.Source.Kecamatan);
        Field<NonNullGraphType<StringGraphType>>("lastServedOn").Resolve(c => c.Source.LastServedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IntGraphType>>("services").Description("How many services the subject had in the period.").Resolve(c => c.Source.Services);
    }
}
