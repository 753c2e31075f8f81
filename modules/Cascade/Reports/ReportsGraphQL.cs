using GraphQL;
using GraphQL.Types;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>What the reports need besides figures: the Analisis of each indicator, and who holds each position.</summary>
internal sealed class ReportsGraphQL : IGraphQLContributor
{
    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnalysisType>>>>("analyses")
            .Description("The Analisis entered for a year, optionally of one unit's indicators; an indicator without one is absent.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<AnalysisService>().ListAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<string?>("unit"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfficialType>>>>("officials")
            .Description("Who holds each position in a year (the Bupati, then the head of every unit); nama is null where nobody is recorded.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Service<OfficialService>().ListAsync(c.GetArgument<int>("year"), c.CancellationToken));
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AnalysisType>>("setAnalysis")
            .Description("The Analisis of an indicator's year, by an operator of its unit or above; entering it again replaces it.")
            .Argument<NonNullGraphType<AnalysisInputType>>("input")
            .ResolveAsync(async c => await c.Service<AnalysisService>().SetAsync(
                Caller.From(c.User), c.GetArgument<AnalysisInput>("input"), c.CancellationToken));
        mutation.Field<NonNullGraphType<OfficialType>>("setOfficial")
            .Description("Who holds a position in a year, for the Perjanjian Kinerja's signatures (admins).")
            .Argument<NonNullGraphType<OfficialInputType>>("input")
            .ResolveAsync(async c => await c.Service<OfficialService>().SetAsync(
                Caller.From(c.User), c.GetArgument<OfficialInput>("input"), c.CancellationToken));
    }
}

internal sealed class AnalysisType : ObjectGraphType<Analysis>
{
    public AnalysisType()
    {
        Name = "Analysis";
        Description = "Faktor pendukung, faktor penghambat and upaya tindak lanjut of an indicator in a year.";
        Field<NonNullGraphType<StringGraphType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<StringGraphType>("faktorPendukung").Resolve(c => c.Source.FaktorPendukung);
        Field<StringGraphType>("faktorPenghambat").Resolve(c => c.Source.FaktorPenghambat);
        Field<StringGraphType>("upayaTindakLanjut").Resolve(c => c.Source.UpayaTindakLanjut);
        Field<StringGraphType>("changedBy").Resolve(c => c.Source.ChangedBy);
        Field<StringGraphType>("changedAt").Description("ISO 8601 with offset.").Resolve(c => c.Source.ChangedAt?.ToIso8601());
    }
}

internal sealed class AnalysisInputType : InputObjectGraphType<AnalysisInput>
{
    public AnalysisInputType()
    {
        Name = "AnalysisInput";
        Field<NonNullGraphType<StringGraphType>>("indicator");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<StringGraphType>("faktorPendukung");
        Field<StringGraphType>("faktorPenghambat");
        Field<StringGraphType>("upayaTindakLanjut");
    }
}

internal sealed class OfficialType : ObjectGraphType<Official>
{
    public OfficialType()
    {
        Name = "Official";
        Description = "The holder of a position in a year: BUPATI or the code of the unit the official heads.";
        Field<NonNullGraphType<StringGraphType>>("position").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<StringGraphType>("nama").Resolve(c => c.Source.Nama);
        Field<NonNullGraphType<StringGraphType>>("jabatan").Resolve(c => c.Source.Jabatan);
        Field<StringGraphType>("pangkat").Resolve(c => c.Source.Pangkat);
        Field<StringGraphType>("nip").Description("18 digits.").Resolve(c => c.Source.Nip);
    }
}

internal sealed class OfficialInputType : InputObjectGraphType<OfficialInput>
{
    public OfficialInputType()
    {
        Name = "OfficialInput";
        Field<NonNullGraphType<StringGraphType>>("position").Description("BUPATI, or the code of the unit the official heads (DINSOS, REHSOS, ...).");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<StringGraphType>>("nama");
        Field<StringGraphType>("jabatan").Description("Defaults to the catalog's title of the position.");
        Field<StringGraphType>("pangkat").Description("Pangkat and golongan, e.g. Pembina Utama Muda (IV/c).");
        Field<StringGraphType>("nip").Description("18 digits; spaces between its groups are accepted.");
    }
}
