using System.Globalization;

namespace Kinerja.Bench.Registers;

internal sealed record Options(
    int Persons,
    int? ServicesPerYear,
    int Institutions,
    int Seed,
    int WarmRequests,
    int ColdRuns,
    int FloorRuns,
    bool Keep,
    bool CacheCheck,
    string? WorkDirectory,
    bool PostgreSql = false,
    string? CompareHost = null,
    int CompareRounds = 2)
{
    public const int DefaultPersons = 1_000_000;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Kinerja.Bench.Registers -- [options]
          --persons N            persons in the PMKS file (default 1000000)
          --services-per-year N  layanan rows a year, 2022-2026 (default 60000 x persons/1000000, at least 2000)
          --institutions N       PSKS rows (default 2000)
          --seed N               generator seed (default 2026)
          --warm N               timed warm requests per case (default 20)
          --cold-runs N          fresh host starts for the cold figures (default 3)
          --floor-runs N         passes of the sqlite3 floor and of the in-process engine probe (default 3)
          --no-cache-check       skip the last step (a CLI import while a host runs)
          --work DIR             where the temporary folder goes (default: the system temp folder)
          --keep                 keep the generated files and the database
          --engine postgresql    on PostgreSQL (a throwaway server the bench starts), against psql as the floor
          --compare HOST.dll     imports only: each file by this build and by HOST.dll (another build's host, e.g. main
                                 published with dotnet publish -c Release), taking turns, into fresh data directories
          --rounds N             rounds of --compare, each build going first in every other round (default 2)
        """;

    /// <summary>Services a year: 60,000 for a million persons, scaled with --persons.</summary>
    public int Services => ServicesPerYear ?? Math.Max(2000, (int)Math.Round(60_000.0 * Persons / DefaultPersons));

    public static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options(DefaultPersons, null, 2000, 2026, 20, 3, 3, false, true, null);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            int Int() => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
            switch (args[i])
            {
                case "--persons" when Int() >= 100:
                    options = options with { Persons = Int() };
                    i++;
                    break;
                case "--services-per-year" when Int() >= 100:
                    options = options with { ServicesPerYear = Int() };
                    i++;
                    break;
                case "--institutions" when Int() >= 20:
                    options = options with { Institutions = Int() };
                    i++;
                    break;
                case "--seed" when Int() >= 0:
                    options = options with { Seed = Int() };
                    i++;
                    break;
                case "--warm" when Int() >= 1:
                    options = options with { WarmRequests = Int() };
                    i++;
                    break;
                case "--cold-runs" when Int() >= 1:
                    options = options with { ColdRuns = Int() };
                    i++;
                    break;
                case "--floor-runs" when Int() >= 1:
                    options = options with { FloorRuns = Int() };
                    i++;
                    break;
                case "--work" when value is { Length: > 0 }:
                    options = options with { WorkDirectory = value };
                    i++;
                    break;
                case "--engine" when value is "postgresql" or "sqlite":
                    options = options with { PostgreSql = value == "postgresql" };
                    i++;
                    break;
                case "--compare" when value is { Length: > 0 } && File.Exists(value):
                    options = options with { CompareHost = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--rounds" when Int() >= 1:
                    options = options with { CompareRounds = Int() };
                    i++;
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--no-cache-check":
                    options = options with { CacheCheck = false };
                    break;
                default:
                    problem = $"unknown or incomplete argument '{args[i]}'";
                    return false;
            }
        }
        return true;
    }
}
