using ClosedXML.Excel;
using FeeEngine.Cli.Tests;
using static FeeEngine.Excel.Tests.SampleExports;

namespace FeeEngine.Excel.Tests;

/// <summary>
/// <c>feeengine export impact</c> on the sample (RVU25D covers 2025-10-01..2025-12-31, so Medicare does not change
/// between 2025-11-03 and 2025-12-15) with a payer whose rate goes from 110% to 125% of Medicare on 2025-12-01.
/// Alabama non-facility: 99213 81.86 -> payer 90.05 / 102.33; 99214 115.49 -> 127.04 / 144.36.
/// Volumes 1,200 and 800: revenue 209,692.00 -> 238,284.00, impact +28,592.00.
/// </summary>
public sealed class ImpactWorkbookTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public ImpactWorkbookTests()
    {
        Must(_cli.Run("import", "cms", RepositoryPaths.Sample));
        var contract = _cli.WriteFile("northwind.json", """
            {"payer": "Northwind", "contract": "Commercial", "versions": [
              {"version": "2025-Oct-Nov", "effective_from": "2025-10-01", "effective_to": "2025-11-30", "terms": [{"name": "110% of Medicare", "percent_of_medicare": 110}]},
              {"version": "2025-Dec", "effective_from": "2025-12-01", "effective_to": "2025-12-31", "terms": [{"name": "125% of Medicare", "percent_of_medicare": 125}]}]}
            """);
        Must(_cli.Run("contracts", "load", contract));
        _cli.WriteFile("volumes.csv", "code,modifier,count\n99213,,1200\n99214,,800\n");
    }

    public void Dispose() => _cli.Dispose();

    private XLWorkbook Export(params string[] extra)
    {
        var path = Path.Combine(_cli.Folder, $"impact-{Guid.NewGuid():N}.xlsx");
        Must(_cli.Run(["export", "impact", "--from", "2025-11-03", "--to", "2025-12-15", "--locality", "10112-00", "--out", path, .. extra]));
        return new XLWorkbook(path);
    }

    [Fact]
    public void With_a_payer_and_volumes_each_row_has_both_dates_the_changes_and_the_revenue_impact_as_formulas()
    {
        using var wb = Export("--payer", "Northwind", "--volumes", Path.Combine(_cli.Folder, "volumes.csv"));
        var ws = wb.Worksheet("Impact");

        ws.Row(1).Cells(1, 15).Select(c => c.GetString()).Should().Equal(
            "Code", "Modifier", "Medicare 2025-11-03", "Medicare 2025-12-15", "Medicare change", "Medicare change %",
            "Northwind 2025-11-03", "Northwind 2025-12-15", "Northwind change", "Northwind change %",
            "Volume", "Revenue 2025-11-03", "Revenue 2025-12-15", "Revenue impact", "Notes");
        ws.Text("A2").Should().Be("99213");
        ws.Money("C2").Should().Be(81.86m);
        ws.Money("D2").Should().Be(81.86m);
        ws.Formula("E2").Should().Be("D2-C2");
        ws.Formula("F2").Should().Be("IF(N(C2)<>0,E2/C2,\"\")");
        ws.Money("G2").Should().Be(90.05m);
        ws.Money("H2").Should().Be(102.33m);
        ws.Formula("I2").Should().Be("H2-G2");
        ws.Cell("I2").GetDouble().Should().BeApproximately(12.28, 1e-9);
        ws.Money("K2").Should().Be(1200);
        ws.Formula("L2").Should().Be("K2*G2");
        ws.Formula("M2").Should().Be("K2*H2");
        ws.Formula("N2").Should().Be("M2-L2");
        ws.Money("G3").Should().Be(127.04m);
        ws.Money("H3").Should().Be(144.36m);

        ws.Format("C2").Should().Be("$#,##0.00");
        ws.Format("E2").Should().Be("+$#,##0.00;[Red]-$#,##0.00;$0.00");
        ws.Format("J2").Should().Be("+0.0%;[Red]-0.0%;0.0%");
        ws.Format("K2").Should().Be("#,##0");
    }

    [Fact]
    public void The_totals_row_sums_volumes_and_revenues_below_the_data_and_outside_the_filter()
    {
        using var wb = Export("--payer", "Northwind", "--volumes", Path.Combine(_cli.Folder, "volumes.csv"));
        var ws = wb.Worksheet("Impact");

        ws.Text("A5").Should().Be("Total");
        ws.Formula("K5").Should().Be("SUM(K2:K3)");
        ws.Formula("L5").Should().Be("SUM(L2:L3)");
        ws.Formula("M5").Should().Be("SUM(M2:M3)");
        ws.Formula("N5").Should().Be("SUM(N2:N3)");
        ws.Cell("K5").GetDouble().Should().Be(2000);
        ws.Cell("L5").GetDouble().Should().BeApproximately(209_692.00, 1e-6);
        ws.Cell("M5").GetDouble().Should().BeApproximately(238_284.00, 1e-6);
        ws.Cell("N5").GetDouble().Should().BeApproximately(28_592.00, 1e-6);
        ws.Cell("N5").Style.Font.Bold.Should().BeTrue();
        ws.AutoFilter.Range.RangeAddress.ToStringRelative().Should().Be("A1:O3");
        ws.SheetView.SplitRow.Should().Be(1);
        // One rule for both change % columns (ClosedXML merges identical rules): 5% or more either way.
        var bigChange = ws.ConditionalFormats.Single(f => f.Operator == XLCFOperator.NotBetween);
        bigChange.Ranges.Select(r => r.RangeAddress.ToStringRelative()).Should().BeEquivalentTo("F2:F3", "J2:J3");
        bigChange.Values.Values.Select(v => v.Value).Should().Equal("-0.05", "0.05");
        ws.ConditionalFormats.Should().ContainSingle(f => f.ConditionalFormatType == XLConditionalFormatType.Expression)
            .Which.Values[1].Value.Should().Be("AND(ISNUMBER(N2),N2<0,RANK(N2,$N$2:$N$3,1)<=10)");

        var cover = wb.Worksheet("Cover");
        cover.Text("A1").Should().Be("Schedule change impact");
        cover.CoverValue("Revenue impact").Should().Be("+$28,592.00 (+13.6%)");
        cover.CoverValue("Volumes").Should().Be("volumes.csv (2 rows)");
        cover.CoverTexts().Should().Contain("2025-11-03: Northwind: contract Northwind/Commercial, version 2025-Oct-Nov (2025-10-01..2025-11-30)")
            .And.Contain("2025-12-15: Northwind: contract Northwind/Commercial, version 2025-Dec (2025-12-01..2025-12-31)")
            .And.Contain(t => t.StartsWith("2025-11-03: PFS release RVU25D", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_payer_or_volumes_the_sheet_has_Medicare_only_and_no_totals()
    {
        using var wb = Export("--codes", "99213,27447");
        var ws = wb.Worksheet("Impact");

        ws.Row(1).Cells(1, 7).Select(c => c.GetString()).Should().Equal("Code", "Modifier", "Medicare 2025-11-03", "Medicare 2025-12-15", "Medicare change", "Medicare change %", "Notes");
        ws.Money("C3").Should().Be(1138.09m, "27447: non-facility NA, the facility rate");
        ws.Cell("A5").IsEmpty().Should().BeTrue();
    }

    [Fact]
    public void The_impact_can_be_written_as_CSV()
    {
        var path = Path.Combine(_cli.Folder, "impact.csv");
        Must(_cli.Run("export", "impact", "--from", "2025-11-03", "--to", "2025-12-15", "--locality", "10112-00", "--payer", "Northwind",
            "--volumes", Path.Combine(_cli.Folder, "volumes.csv"), "--out", path));

        File.ReadAllLines(path)[1].Should().Be("99213,,81.86,81.86,0.00,0.0000,90.05,102.33,12.28,0.1364,1200,108060.00,122796.00,14736.00,");
    }
}
