using GraphQL;
using GraphQL.Types;
using Kinerja.Modules.Cascade.Planning;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.GraphQL;

/// <summary>The plan around the figures: Perjanjian Kinerja, the DPA's budget lines, the Renstra's end targets.</summary>
internal sealed class PlanningGraphQL : IGraphQLContributor
{
    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementType>>>>("agreements")
            .Description("Every revision of the Perjanjian Kinerja of a year of a unit and the units below it (every unit the caller may read "
                + "when none is given), oldest first.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<Agreements>().ListAsync(Caller.From(c.User), c.GetArgument<int>("year"),
                c.GetArgument<string?>("unit"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetLineType>>>>("budgetLines")
            .Description("The DPA's lines of a year of a unit and the units below it (every unit the caller may read when none is given).")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<Budget>().ListAsync(Caller.From(c.User), c.GetArgument<int>("year"),
                c.GetArgument<string?>("unit"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RenstraTargetType>>>>("renstraTargets")
            .Description("The Renstra end targets whose plan period holds the year, of a unit and the units below it (every unit when none is given).")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<Renstra>().ForYearAsync(c.GetArgument<int>("year"), c.GetArgument<string?>("unit"),
                c.CancellationToken));
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AgreementType>>("establishAgreement")
            .Description("Records that the unit's Perjanjian Kinerja of the year (or its open Perubahan) was signed on date (YYYY-MM-DD), freezing "
                + "the unit's annual targets of that year (verifikator of a unit above, or administrators).")
            .Argument<NonNullGraphType<StringGraphType>>("unit")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("date")
            .ResolveAsync(async c => await c.Service<Agreements>().EstablishAsync(Caller.From(c.User), c.GetArgument<string>("unit"),
                c.GetArgument<int>("year"), c.GetArgument<string>("date"), c.CancellationToken));
        mutation.Field<NonNullGraphType<AgreementType>>("reviseAgreement")
            .Description("Opens a PK Perubahan of an established Perjanjian Kinerja (date YYYY-MM-DD, with its reason): the unit's annual targets "
                + "may be changed until it is established in turn; until then achievement keeps the established targets.")
            .Argument<NonNullGraphType<StringGraphType>>("unit")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("date")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await c.Service<Agreements>().ReviseAsync(Caller.From(c.User), c.GetArgument<string>("unit"),
                c.GetArgument<int>("year"), c.GetArgument<string>("date"), c.GetArgument<string>("reason"), c.CancellationToken));
        mutation.Field<NonNullGraphType<BudgetLineType>>("setBudgetLine")
            .Description("A line of the unit's DPA (operators of the unit or above): made, or its name, pagu and indicators changed; its realisation stays.")
            .Argument<NonNullGraphType<BudgetLineInputType>>("input")
            .ResolveAsync(async c => await c.Service<Budget>().SetLineAsync(Caller.From(c.User), c.GetArgument<BudgetLineInput>("input"),
                c.CancellationToken));
        mutation.Field<NonNullGraphType<BudgetLineType>>("recordBudgetRealization")
            .Description("What a line spent in one triwulan, in rupiah (refused for a closed triwulan); a year's total above the pagu is stored and flagged.")
            .Argument<NonNullGraphType<BudgetRealizationInputType>>("input")
            .ResolveAsync(async c => await c.Service<Budget>().RecordRealizationAsync(Caller.From(c.User),
                c.GetArgument<BudgetRealizationInput>("input"), c.CancellationToken));
        mutation.Field<NonNullGraphType<BudgetLineType>>("removeBudgetLine")
            .Description("Removes a line entered by mistake; refused once a closed triwulan holds its realisation. Answers the line as it was.")
            .Argument<NonNullGraphType<StringGraphType>>("unit")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async c => await c.Service<Budget>().RemoveLineAsync(Caller.From(c.User), c.GetArgument<string>("unit"),
                c.GetArgument<int>("year"), c.GetArgument<string>("code"), c.CancellationToken));
        mutation.Field<NonNullGraphType<BudgetImportType>>("importBudget")
            .Description("The unit's budget lines of a year from its workbook (XLSX or CSV by the file name's extension, as base64; the form "
                + "GET /reports/anggaran.xlsx?year=&unit= gives, filled with what is stored): all rows or none; a line absent from the file stays.")
            .Argument<NonNullGraphType<StringGraphType>>("unit")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("fileName")
            .Argument<NonNullGraphType<StringGraphType>>("contentBase64")
            .ResolveAsync(async c =>
            {
                var caller = Caller.From(c.User);
                var unit = c.GetArgument<string>("unit");
                // Rights before the content is decoded.
                if (c.Service<Kinerja.Shared.Modules.ModuleDirectory>().FindEnabledUnit(unit) is { } known)
                {
                    c.Service<Access>().RequireEntry(caller, known.Code, "anggaran");
                }
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(c.GetArgument<string>("contentBase64"));
                }
                catch (FormatException)
                {
                    throw new Kinerja.Shared.Errors.InputException("contentBase64", "isi berkas bukan base64 yang sah");
                }
                using var stream = new MemoryStream(content, writable: false);
                return await c.Service<Budget>().ImportAsync(caller, unit, c.GetArgument<int>("year"), c.GetArgument<string>("fileName"), stream,
                    c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RenstraTargetType>>("setRenstraTarget")
            .Description("An indicator's end target in the Renstra of fromYear-toYear: the figure the plan writes for its final year.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("fromYear")
            .Argument<NonNullGraphType<IntGraphType>>("toYear")
            .Argument<NonNullGraphType<FloatGraphType>>("target")
            .ResolveAsync(async c => await c.Service<Renstra>().SetAsync(Caller.From(c.User), c.GetArgument<string>("indicator"),
                c.GetArgument<int>("fromYear"), c.GetArgument<int>("toYear"), c.GetArgument<double>("target"), c.CancellationToken));
    }
}

internal sealed class AgreementStateType : EnumerationGraphType<AgreementState>
{
    public AgreementStateType()
    {
        Name = "AgreementState";
        Description = "DRAF: not yet signed, its targets are the typed ones and may change; DITETAPKAN: signed, its targets are frozen.";
    }
}

internal sealed class AgreementType : ObjectGraphType<Agreement>
{
    public AgreementType()
    {
        Name = "Agreement";
        Description = "A revision of a unit's Perjanjian Kinerja of a year: 0 the PK, N its N-th Perubahan.";
        Field<NonNullGraphType<UnitType>>("unit").Resolve(c => c.Service<Kinerja.Shared.Modules.ModuleDirectory>().FindUnit(c.Source.Unit));
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("revision").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<StringGraphType>>("name").Description("PK awal, or Perubahan ke-N.").Resolve(c => Agreements.Name(c.Source.Revision));
        Field<NonNullGraphType<AgreementStateType>>("state").Resolve(c => c.Source.State);
        Field<StringGraphType>("date").Description("The day it was signed (YYYY-MM-DD); null while a DRAF.")
            .Resolve(c => c.Source.SignedOn?.ToString("yyyy-MM-dd"));
        Field<StringGraphType>("revisedOn").Description("The day a Perubahan was opened (YYYY-MM-DD); null for the PK awal.")
            .Resolve(c => c.Source.RevisedOn?.ToString("yyyy-MM-dd"));
        Field<StringGraphType>("reason").Description("Why a Perubahan was opened.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("changedAt").Description("ISO 8601 with offset.").Resolve(c => c.Source.ChangedAt.ToIso8601());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementTargetType>>>>("targets")
            .Description("The unit's annual targets: as signed once established, as typed while a DRAF.")
            .Resolve(c => c.Source.Targets);
    }
}

internal sealed class AgreementTargetType : ObjectGraphType<AgreementTarget>
{
    public AgreementTargetType()
    {
        Name = "AgreementTarget";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<FloatGraphType>("target").Description("The annual target; null where none was set.").Resolve(c => c.Source.Target);
    }
}

internal sealed class BudgetLineType : ObjectGraphType<BudgetLine>
{
    public BudgetLineType()
    {
        Name = "BudgetLine";
        Description = "A line of a unit's DPA (program, kegiatan or sub-kegiatan) with its pagu and its realisation per triwulan, in rupiah.";
        Field<NonNullGraphType<UnitType>>("unit").Resolve(c => c.Service<Kinerja.Shared.Modules.ModuleDirectory>().FindUnit(c.Source.Unit));
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("pagu").Resolve(c => c.Source.Pagu);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators").Resolve(c => c.Source.Indicators);
        Field<NonNullGraphType<ListGraphType<FloatGraphType>>>("realizations")
            .Description("What it spent in triwulan I-IV, null where nothing was entered.")
            .Resolve(c => Enumerable.Range(1, 4).Select(c.Source.RealizedIn).ToList());
        Field<FloatGraphType>("realized").Description("Spent from 1 January through the quarter given (the year when none is); null when nothing was entered.")
            .Argument<IntGraphType>("quarter")
            .Resolve(c => c.Source.RealizedThrough(c.GetArgument<int?>("quarter") ?? 4));
        Field<FloatGraphType>("serapan").Description("realized / pagu x 100 through the quarter given (the year when none is).")
            .Argument<IntGraphType>("quarter")
            .Resolve(c => BudgetLine.Serapan(c.Source.RealizedThrough(c.GetArgument<int?>("quarter") ?? 4), c.Source.Pagu));
        Field<StringGraphType>("warning").Description("Set when the year's realisation is above the pagu (stored, and flagged).")
            .Resolve(c => c.Source.Warning);
        Field<NonNullGraphType<StringGraphType>>("changedAt").Description("ISO 8601 with offset.").Resolve(c => c.Source.ChangedAt.ToIso8601());
    }
}

internal sealed class BudgetImportType : ObjectGraphType<BudgetImport>
{
    public BudgetImportType()
    {
        Name = "BudgetImport";
        Description = "What an import of the budget workbook changed.";
        Field<NonNullGraphType<IntGraphType>>("added").Description("Lines made.").Resolve(c => c.Source.Added);
        Field<NonNullGraphType<IntGraphType>>("changed").Description("Lines whose name, pagu, indicators or realisation changed.").Resolve(c => c.Source.Changed);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Lines the file holds as they were stored.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetLineType>>>>("lines").Description("The file's lines as stored now.")
            .Resolve(c => c.Source.Lines);
    }
}

internal sealed class BudgetLineInputType : InputObjectGraphType<BudgetLineInput>
{
    public BudgetLineInputType()
    {
        Name = "BudgetLineInput";
        Field<NonNullGraphType<StringGraphType>>("unit");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<StringGraphType>>("code").Description("As the DPA writes it, e.g. 1.06.02.2.01.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<FloatGraphType>>("pagu").Description("In rupiah.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("indicators")
            .Description("Codes of the indicators it serves, of the unit or the units below it.");
    }
}

internal sealed class BudgetRealizationInputType : InputObjectGraphType<BudgetRealizationInput>
{
    public BudgetRealizationInputType()
    {
        Name = "BudgetRealizationInput";
        Field<NonNullGraphType<StringGraphType>>("unit");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<NonNullGraphType<IntGraphType>>("quarter");
        Field<NonNullGraphType<FloatGraphType>>("amount").Description("What it spent in that triwulan alone, in rupiah.");
    }
}

internal sealed class RenstraTargetType : ObjectGraphType<RenstraTarget>
{
    public RenstraTargetType()
    {
        Name = "RenstraTarget";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("fromYear").Resolve(c => c.Source.FromYear);
        Field<NonNullGraphType<IntGraphType>>("toYear").Resolve(c => c.Source.ToYear);
        Field<NonNullGraphType<FloatGraphType>>("target").Resolve(c => c.Source.Target);
        Field<NonNullGraphType<StringGraphType>>("changedAt").Description("ISO 8601 with offset.").Resolve(c => c.Source.ChangedAt.ToIso8601());
    }
}
