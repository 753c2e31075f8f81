namespace Kinerja.Modules.Cascade.Computation;

/// <summary>A predicate band: achievements at or above <see cref="Minimum"/> (and below the next band) take <see cref="Name"/>.</summary>
public sealed class PredicateBand
{
    public double Minimum { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Capaian against target, and its predicate on the scale of Permendagri 86/2017 unless configured.</summary>
internal sealed class AchievementRules
{
    public static readonly IReadOnlyList<PredicateBand> DefaultBands =
    [
        new() { Minimum = 91, Name = "Sangat Tinggi" },
        new() { Minimum = 76, Name = "Tinggi" },
        new() { Minimum = 66, Name = "Sedang" },
        new() { Minimum = 51, Name = "Rendah" },
        new() { Minimum = double.NegativeInfinity, Name = "Sangat Rendah" },
    ];

    private readonly PredicateBand[] _bands;

    public AchievementRules(IEnumerable<PredicateBand> bands)
    {
        _bands = bands.OrderByDescending(b => b.Minimum).ToArray();
        if (_bands.Length == 0)
        {
            throw new ArgumentException("Paling sedikit satu predikat harus ditetapkan.", nameof(bands));
        }
    }

    /// <summary>
    /// Realisation over target x 100 where more is better; (2 x target - realisation) / target x 100 where
    /// less is better. No target, or a target of 0, gives no achievement.
    /// </summary>
    public static double? Achievement(double? realisation, double? target, bool lessIsBetter)
    {
        if (realisation is not { } r || target is not { } t || t == 0)
        {
            return null;
        }
        return lessIsBetter ? (2 * t - r) / t * 100 : r / t * 100;
    }

    /// <summary>The band the achievement falls in; the lowest band takes everything below the others.</summary>
    public string? Predicate(double? achievement)
    {
        if (achievement is not { } a)
        {
            return null;
        }
        foreach (var band in _bands)
        {
            if (a >= band.Minimum)
            {
                return band.Name;
            }
        }
        return _bands[^1].Name;
    }
}
