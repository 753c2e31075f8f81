using Kinerja.Modules.Cascade.Sources;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Computation;

/// <summary>
/// The counts of a year's REGISTER codes for the periods asked, read from the modules' registers before
/// evaluation so that the evaluator itself stays synchronous.
/// </summary>
internal sealed class RegisterFigures
{
    public static readonly RegisterFigures None = new(new HashSet<string>(), new(), new(), new HashSet<string>());

    private readonly IReadOnlySet<string> _register;
    private readonly Dictionary<(string, Period), RegisterCount> _served;
    private readonly Dictionary<(string, DateOnly), RegisterCount> _stocks;
    private readonly IReadOnlySet<string> _unavailable;

    private RegisterFigures(
        IReadOnlySet<string> register,
        Dictionary<(string, Period), RegisterCount> served,
        Dictionary<(string, DateOnly), RegisterCount> stocks,
        IReadOnlySet<string> unavailable)
    {
        _register = register;
        _served = served;
        _stocks = stocks;
        _unavailable = unavailable;
    }

    public static async Task<RegisterFigures> LoadAsync(
        SourceSettings sources, int year, IReadOnlyCollection<Period> periods, CancellationToken cancellationToken)
    {
        var register = await sources.RegisterCodesAsync(year, cancellationToken);
        if (register.Count == 0)
        {
            return None;
        }
        var served = new Dictionary<(string, Period), RegisterCount>();
        var stocks = new Dictionary<(string, DateOnly), RegisterCount>();
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in register)
        {
            if (sources.ServiceCounter(code) is { } services)
            {
                foreach (var period in periods)
                {
                    served[(code, period)] = await services.CountServedAsync(code, period.Start, period.End, cancellationToken);
                }
            }
            else if (sources.StockCounter(code) is { } counter)
            {
                foreach (var end in periods.Select(p => p.End).Distinct())
                {
                    stocks[(code, end)] = await counter.CountStockAsync(code, end, cancellationToken);
                }
            }
            else
            {
                // Counted from a register that a module not loaded here keeps.
                unavailable.Add(code);
            }
        }
        return new RegisterFigures(register, served, stocks, unavailable);
    }

    public ValueSource SourceOf(string code) => _register.Contains(code) ? ValueSource.Register : ValueSource.Entered;

    /// <summary>A REGISTER code's count for the period; a register always has a figure, 0 included.</summary>
    public Amount Served(string indicator, Period period, string? kecamatan) =>
        _unavailable.Contains(indicator) ? Amount.DisabledPart : Amount.Of(_served[(indicator, period)].Of(kecamatan));

    /// <summary>A REGISTER stock as it stood at the period's last day.</summary>
    public Amount Stock(string measure, Period period, string? kecamatan) =>
        _unavailable.Contains(measure) ? Amount.DisabledPart : Amount.Of(_stocks[(measure, period.End)].Of(kecamatan));
}
