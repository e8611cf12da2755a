using ClosedXML.Excel;
using static FeeEngine.Excel.Tests.SampleExports;

namespace FeeEngine.Excel.Tests;

/// <summary>
/// <c>feeengine export underpayments</c> of the sample reconciliation (see ReconcileCliTests): Acme Health underpaid
/// CLM-1006 line 1 (27447, expected 1388.47, allowed 1300.00, paid 1040.00: short 88.47) and denied CLM-1002 line 2
/// (96372, expected 19.30, CO-97: short 19.30).
/// </summary>
public sealed class UnderpaymentsWorkbookTests(SampleExports sample) : IClassFixture<SampleExports>
{
    private XLWorkbook Export()
    {
        var path = sample.Path_($"under-{Guid.NewGuid():N}.xlsx");
        Must(sample.Cli.Run("export", "underpayments", "--run", sample.RunId, "--out", path));
        return new XLWorkbook(path);
    }

    [Fact]
    public void The_summary_by_payer_counts_and_totals_the_underpaid_and_denied_lines()
    {
        using var wb = Export();
        wb.Worksheets.Select(w => w.Name).Should().Equal("Cover", "By payer", "By code", "Lines");
        var ws = wb.Worksheet("By payer");

        ws.Row(1).Cells(1, 8).Select(c => c.GetString()).Should().Equal("Payer", "Lines", "Underpaid", "Denied", "Expected", "Paid", "Payer recognised", "Shortfall");
        ws.Text("A2").Should().Be("Acme Health");
        ws.Money("B2").Should().Be(2);
        ws.Money("C2").Should().Be(1);
        ws.Money("D2").Should().Be(1);
        ws.Money("E2").Should().Be(1407.77m);
        ws.Money("F2").Should().Be(1040.00m);
        ws.Money("G2").Should().Be(1300.00m);
        ws.Money("H2").Should().Be(107.77m);
        ws.Text("A3").Should().Be("Total");
        ws.Formula("H3").Should().Be("SUM(H2:H2)");
        ws.Formula("B3").Should().Be("SUM(B2:B2)");
        ws.Cell("H3").GetDouble().Should().BeApproximately(107.77, 1e-9);
        ws.Format("E2").Should().Be("$#,##0.00");
        ws.Format("B2").Should().Be("#,##0");
        ws.Cell("A3").Style.Font.Bold.Should().BeTrue();
        ws.AutoFilter.Range.RangeAddress.ToStringRelative().Should().Be("A1:H2", "the totals row stays out of the filter");
    }

    [Fact]
    public void The_summary_by_code_puts_the_largest_shortfall_first()
    {
        using var wb = Export();
        var ws = wb.Worksheet("By code");

        ws.Text("A2").Should().Be("27447");
        ws.Money("H2").Should().Be(88.47m);
        ws.Text("A3").Should().Be("96372");
        ws.Money("H3").Should().Be(19.30m);
        ws.Formula("H4").Should().Be("SUM(H2:H3)");
    }

    [Fact]
    public void Each_line_carries_what_an_appeal_needs()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Lines");

        ws.Row(2).Cells(1, 8).Select(c => c.Address.ColumnNumber == 3 ? "(date)" : c.GetString()).Should().Equal("CLM-1002", "2", "(date)", "96372", "", "1", "Acme Health", "denied");
        ws.Cell("C2").GetDateTime().Should().Be(new DateTime(2025, 10, 3));
        ws.Format("C2").Should().Be("yyyy-mm-dd");
        ws.Money("I2").Should().Be(19.30m);
        ws.Money("M2").Should().Be(0m);
        ws.Text("R2").Should().Be("CO-97");
        ws.Text("T2").Should().Contain("denied: CO-97");

        ws.Text("A3").Should().Be("CLM-1006");
        ws.Text("D3").Should().Be("27447");
        ws.Text("H3").Should().Be("underpaid");
        ws.Money("I3").Should().Be(1388.47m);
        ws.Money("J3").Should().Be(1040.00m);
        ws.Money("K3").Should().Be(1300.00m);
        ws.Money("M3").Should().Be(1300.00m);
        ws.Formula("N3").Should().Be("I3-N(M3)");
        ws.Cell("N3").GetDouble().Should().BeApproximately(88.47, 1e-9);
        ws.Format("N3").Should().Be("$#,##0.00");
        ws.Text("O3").Should().Be("Acme Health/PPO Professional");
        ws.Text("P3").Should().Be("2025-H2");
        ws.Text("Q3").Should().Be("All other services at 122% of Medicare");
        ws.Text("R3").Should().Be("CO-45 PR-2");
        ws.Text("U3").Should().Be("paid-lines.csv line 7");
        ws.Cell("A4").IsEmpty().Should().BeTrue("overpaid and as-expected lines are not appealed");
        ws.SheetView.SplitRow.Should().Be(1);
        ws.SheetView.SplitColumn.Should().Be(2);
        ws.AutoFilter.Range.RangeAddress.ToStringRelative().Should().Be("A1:U3");
        ws.ConditionalFormats.Should().ContainSingle(f => f.ConditionalFormatType == XLConditionalFormatType.Top10 && f.Range.RangeAddress.ToStringRelative() == "N2:N3");
    }

    [Fact]
    public void The_cover_names_the_run_its_files_and_tolerance_and_the_contract_versions()
    {
        using var wb = Export();
        var cover = wb.Worksheet("Cover");

        cover.Text("A1").Should().Be("Underpayments");
        cover.CoverValue("Reconciliation run").Should().Be(sample.RunId);
        cover.CoverValue("Payment file").Should().Be("paid-lines.csv");
        cover.CoverValue("Tolerance").Should().Be("$1.00 and 2% of expected");
        cover.CoverValue("Lines reconciled").Should().Be("8");
        cover.CoverValue("Shortfall").Should().Be("$107.77");
        cover.CoverTexts().Should().Contain("Acme Health/PPO Professional, version 2025-H2");
    }

    [Fact]
    public void The_lines_can_be_written_as_CSV()
    {
        var path = sample.Path_("under.csv");
        Must(sample.Cli.Run("export", "underpayments", "--run", sample.RunId, "--out", path));

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("Claim,Line,Date of service,Code,Modifiers,Units,Payer,Category,Expected,Paid,Payer allowed,Patient responsibility,Payer recognised,Shortfall,");
        lines[2].Should().StartWith("CLM-1006,1,2025-10-22,27447,,1,Acme Health,underpaid,1388.47,1040.00,1300.00,,1300.00,88.47,Acme Health/PPO Professional,2025-H2,");
    }

    [Fact]
    public void An_unknown_run_is_a_usage_error_that_lists_the_runs()
    {
        var result = sample.Cli.Run("export", "underpayments", "--run", "R-nope", "--out", sample.Path_("x.xlsx"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain($"no reconciliation run 'R-nope' is stored (runs: {sample.RunId})");
    }
}
