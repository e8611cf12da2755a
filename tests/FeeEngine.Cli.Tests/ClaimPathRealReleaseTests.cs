using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Tests.Claims;
using FeeEngine.Schedules;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// The whole-cent claim policy path against the general decimal path over the real October 2025 release: every
/// payable row (global, 26, TC, 53) of PPRRVU appears in generated claims of 1-6 lines, in every way the fast path
/// ranks them (random claims, and claims drawn from one MULT PROC indicator so that surgeries, imaging,
/// cardiovascular, ophthalmology and therapy codes meet each other), in random localities and places of service.
/// Any difference of amount, outcome, message, adjustment or explanation fails (see <see cref="ClaimPathComparison"/>),
/// as does any difference between the batch API (<see cref="MedicareClaimPricer.PriceInto"/>) and the object API.
/// </summary>
public sealed class ClaimPathRealReleaseTests
{
    [CmsDataFact]
    public void Every_code_of_the_real_release_prices_alike_on_both_claim_paths()
    {
        var (release, pricer) = RealRelease();
        var rows = release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status)).OrderBy(r => r.Key.Packed).ToArray();
        var localities = release.Gpcis.Select(g => g.Locality).OrderBy(l => l.Packed).ToArray();
        var places = new[] { "11", "22", "21", "19" }.Select(PlaceOfService.Parse).ToArray();
        var random = new Random(2025);
        // Random claims over every row, then claims of rows sharing a MULT PROC indicator (the rankings meet).
        var shuffled = rows.OrderBy(_ => random.Next()).ToArray();
        var byIndicator = rows.GroupBy(r => r.MultipleProcedure).SelectMany(g => g.OrderBy(_ => random.Next())).ToArray();
        var differences = new List<string>();
        int claims = 0, centsPath = 0;
        var batch = new ClaimLineResults(); // the batch API (PriceInto) against the object API, over the same claims
        foreach (var order in new[] { shuffled, byIndicator, byIndicator.Reverse().ToArray() })
        {
            for (var start = 0; start < order.Length;)
            {
                var size = Math.Min(random.Next(1, 7), order.Length - start);
                var locality = localities[random.Next(localities.Length)];
                var place = places[random.Next(places.Length)];
                var date = new NodaTime.LocalDate(2025, 10, 1).PlusDays(random.Next(90));
                var lines = new ClaimLine[size];
                for (var k = 0; k < size; k++)
                {
                    var row = order[start + k];
                    var modifiers = row.Modifier.IsNone ? default : new ModifierList(row.Modifier);
                    var units = random.Next(8) == 0 ? random.Next(2, 4) : 1;
                    var charge = random.Next(3) == 0 ? new Core.Money.Money(random.Next(100, 500_000) / 100m) : (Core.Money.Money?)null;
                    lines[k] = new ClaimLine((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        new PfsLine(row.Code, modifiers, locality, place, date, units), charge);
                }
                var claim = new Claim($"R{claims}", lines);
                claims++;
                if (ClaimPathComparison.TakesCentsPath(pricer, claim)) centsPath++;
                differences.AddRange(ClaimPathComparison.Differences(pricer, claim));
                if (claims % 5 == 0) batch.Clear();
                differences.AddRange(ClaimPathComparison.BatchDifferences(pricer, claim, batch));
                start += size;
            }
        }

        differences.Take(20).Should().BeEmpty("the whole-cent path and the batch API must price {0} real claims as the general path and the object API do", claims);
        centsPath.Should().BeGreaterThan(claims / 4, "the comparison must exercise the whole-cent path");
    }

    [CmsDataFact]
    public void Every_endoscopy_family_of_the_real_release_is_valued_alike_on_both_claim_paths()
    {
        var (release, pricer) = RealRelease();
        var payable = release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status) && r.Modifier.IsNone).ToArray();
        var families = payable.Where(r => r.MultipleProcedure == '3' && r.GlobalDays != "ZZZ" && r.EndoscopicBase.Length == 5)
            .GroupBy(r => r.EndoscopicBase, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var locality = release.Gpcis.Select(g => g.Locality).OrderBy(l => l.Packed).First();
        ClaimLine Line(int id, HcpcsCode code, int units = 1) =>
            new(id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new PfsLine(code, default, locality, PlaceOfService.Parse("11"), new NodaTime.LocalDate(2025, 11, 3), units));

        var differences = new List<string>();
        var batch = new ClaimLineResults();
        int claims = 0, centsPath = 0;
        foreach (var family in families)
        {
            var members = family.OrderBy(r => r.Code.Packed).Take(4).Select(r => r.Code).ToArray();
            var baseCode = HcpcsCode.Parse(family.Key);
            var shapes = new List<ClaimLine[]>
            {
                members.Select((c, i) => Line(i + 1, c)).Append(Line(members.Length + 1, baseCode)).ToArray(), // members and the billed base
                new[] { Line(1, members[0], units: 2) },                                                        // two units of one member
                members.Select((c, i) => Line(i + 1, c)).Append(Line(members.Length + 1, HcpcsCode.Parse("27130"))).ToArray(), // the family and another surgery
            };
            foreach (var lines in shapes)
            {
                var claim = new Claim($"E{claims++}", lines);
                if (ClaimPathComparison.TakesCentsPath(pricer, claim)) centsPath++;
                differences.AddRange(ClaimPathComparison.Differences(pricer, claim));
                batch.Clear();
                differences.AddRange(ClaimPathComparison.BatchDifferences(pricer, claim, batch));
            }
        }

        families.Length.Should().BeGreaterThan(20, "the release has many endoscopy families");
        differences.Take(20).Should().BeEmpty("every family of {0} must be valued alike on both paths", claims);
        centsPath.Should().Be(claims, "endoscopy families take the whole-cent path");
    }

    private static (PfsRelease Release, MedicareClaimPricer Pricer) RealRelease()
    {
        var folder = Path.Combine(CmsData.Folder!, "2025", "rvu25d");
        var files = Directory.GetFiles(folder);
        string Find(string prefix) => files.Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                                                       && f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).First();
        var pprrvu = PprrvuReader.Read(Find("PPRRVU"));
        var gpci = GpciReader.Read(Find("GPCI"));
        var release = new PfsRelease("RVU25D", pprrvu.EffectiveFrom ?? new NodaTime.LocalDate(2025, 10, 1), null, pprrvu.Rows, gpci.Rows);
        var cf = ConversionFactorTableReader.Read(Path.Combine(RepositoryPaths.Schedules, "conversion-factors.csv"));
        var floor = WorkGpciFloorReader.Read(Path.Combine(RepositoryPaths.Schedules, "work-gpci-floor.csv"));
        var catalog = new PfsCatalog([release]);
        var pricer = new MedicareClaimPricer(new MedicarePfsPricer(catalog, cf, floor), new AnesthesiaPricer(catalog, AnesthesiaBaseUnitTable.Empty));

        return (release, pricer);
    }
}
