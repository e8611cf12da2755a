using ClosedXML.Excel;
using FeeEngine.Excel.Workbooks;
using static FeeEngine.Excel.Tests.SampleExports;

namespace FeeEngine.Excel.Tests;

/// <summary>
/// <c>feeengine export compare</c> on the sample, Alabama (10112-00), 2025-11-03, both sample payers (the default:
/// every payer with a contract, in name order). Medicare (RVU25D, CF 32.3465): 99213 81.86 non-facility / 59.93
/// facility; Acme Health 2025-H2 pays E/M at 118% (96.59), 99214 by carve-out (138.00), imaging at 130%, the rest at
/// 122%; Summit Care pays its imported fee schedule, else 100% of Medicare.
/// </summary>
public sealed class CompareWorkbookTests(SampleExports sample) : IClassFixture<SampleExports>
{
    private XLWorkbook Export(params string[] extra)
    {
        var path = sample.Path_($"compare-{Guid.NewGuid():N}.xlsx");
        Must(sample.Cli.Run(["export", "compare", "--codes", "99213,99214,71046,27447,36415,93000", "--locality", "10112-00", "--date", "2025-11-03", "--out", path, .. extra]));
        return new XLWorkbook(path);
    }

    [Fact]
    public void The_workbook_has_a_cover_the_comparison_and_a_payer_summary_in_that_order()
    {
        using var wb = Export();

        wb.Worksheets.Select(w => w.Name).Should().Equal("Cover", "Comparison", "Payer summary");
    }

    [Fact]
    public void Each_code_and_modifier_row_holds_Medicare_in_both_settings_and_each_payers_amount_and_percentage()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.Row(1).Cells(1, 16).Select(c => c.GetString()).Should().Equal(
            "Code", "Modifier", "Medicare non-facility", "Medicare facility", "Medicare at POS 11", "Acme Health expected", "Acme Health % of Medicare",
            "Summit Care expected", "Summit Care % of Medicare", "Highest payer", "Highest amount", "Lowest payer", "Lowest amount",
            "Spread (highest - lowest)", "Spread % of Medicare", "Notes");
        // 71046 given bare gets its 26 and TC rows.
        ws.Range("A2:B9").Rows().Select(r => $"{r.Cell(1).GetString()}-{r.Cell(2).GetString()}").Should().Equal(
            "99213-", "99214-", "71046-", "71046-26", "71046-TC", "27447-", "36415-", "93000-");
        ws.Cell("A2").DataType.Should().Be(XLDataType.Text);
        ws.Money("C2").Should().Be(81.86m);
        ws.Money("D2").Should().Be(59.93m);
        ws.Money("E2").Should().Be(81.86m);
        ws.Money("F2").Should().Be(96.59m);
        ws.Money("G2").Should().Be(1.1799m);
        ws.Money("H2").Should().Be(81.86m);
        ws.Money("I2").Should().Be(1.0000m);
        ws.Text("J2").Should().Be("Acme Health");
        ws.Money("K2").Should().Be(96.59m);
        ws.Text("L2").Should().Be("Summit Care");
        ws.Money("M2").Should().Be(81.86m);
        ws.Money("F3").Should().Be(138.00m, "Acme's 99214 carve-out");
        ws.Money("F5").Should().Be(12.42m, "71046-26: 9.55 x 130%");
    }

    [Fact]
    public void The_spread_is_a_formula_of_the_highest_and_lowest_amounts()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.Formula("N2").Should().Be("K2-M2");
        ws.Formula("O2").Should().Be("IF(N(E2)>0,N2/E2,\"\")");
        ws.Cell("N2").GetDouble().Should().BeApproximately(14.73, 1e-9);
        ws.Cell("O2").GetDouble().Should().BeApproximately(14.73 / 81.86, 1e-9);
    }

    [Fact]
    public void A_code_without_a_non_facility_amount_shows_NA_and_says_why()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.Text("C7").Should().Be("NA");
        ws.Money("D7").Should().Be(1138.09m);
        ws.Money("E7").Should().Be(1138.09m);
        ws.Money("F7").Should().Be(1388.47m);
        ws.Text("P7").Should().Be("non-facility NA: CMS pays the facility rate in every setting");
    }

    [Fact]
    public void A_code_Medicare_does_not_pay_has_no_Medicare_amount_and_the_unpriced_payer_says_why()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.Cell("C8").IsEmpty().Should().BeTrue();
        ws.Cell("E8").IsEmpty().Should().BeTrue();
        ws.Cell("F8").IsEmpty().Should().BeTrue();
        ws.Money("H8").Should().Be(3.25m, "Summit Care's fee schedule prices 36415");
        ws.Cell("I8").IsEmpty().Should().BeTrue("there is no Medicare amount to take a percentage of");
        ws.Text("P8").Should().StartWith("not payable under the PFS: 36415 has status X").And.Contain("Acme Health: no term of contract");
    }

    [Fact]
    public void Amounts_are_currency_and_percentages_percent()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        foreach (var cell in new[] { "C2", "D2", "E2", "F2", "H2", "K2", "M2", "N2" }) ws.Format(cell).Should().Be("$#,##0.00", cell);
        foreach (var cell in new[] { "G2", "I2", "O2" }) ws.Format(cell).Should().Be("0.0%", cell);
        ExcelFormats.Currency.Should().Be("$#,##0.00");
    }

    [Fact]
    public void The_header_row_and_the_code_columns_are_frozen_and_the_autofilter_covers_the_data()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.SheetView.SplitRow.Should().Be(1);
        ws.SheetView.SplitColumn.Should().Be(2);
        ws.AutoFilter.Range.RangeAddress.ToStringRelative().Should().Be("A1:P9");
        ws.Cell("A1").Style.Font.Bold.Should().BeTrue();
        ws.Cell("A1").Style.Fill.BackgroundColor.Should().Be(XLColor.FromHtml("#1F4E78"));
        ws.PageSetup.PageOrientation.Should().Be(XLPageOrientation.Landscape);
    }

    [Fact]
    public void Column_widths_fit_the_widest_value_and_long_notes_stop_at_60()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");

        ws.Column("A").Width.Should().Be(9);                         // bold "Code" (4 + 2) + 3
        ws.Column("D").Width.Should().Be(13);                        // bold "facility" (8 + 2) + 3, wider than "$1,138.09" + 3
        ws.Column("J").Width.Should().Be(14);                        // "Acme Health" + 3
        ws.Column("P").Width.Should().Be(60);
    }

    [Fact]
    public void Conditional_formats_point_at_payers_below_Medicare_each_rows_highest_and_lowest_payer_and_the_widest_spreads()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Comparison");
        var formats = ws.ConditionalFormats.ToList();

        formats.Should().HaveCount(7);
        var expressions = formats.Where(f => f.ConditionalFormatType == XLConditionalFormatType.Expression).ToList();
        var below = expressions.Where(f => f.Values[1].Value.Contains("<1", StringComparison.Ordinal)).ToList();
        below.Select(f => f.Range.RangeAddress.ToStringRelative()).Should().BeEquivalentTo("G2:G9", "I2:I9");
        below.Select(f => f.Values[1].Value).Should().BeEquivalentTo("AND(ISNUMBER(G2),G2<1)", "AND(ISNUMBER(I2),I2<1)");
        below[0].Style.Fill.BackgroundColor.Should().Be(CompareWorkbook.BelowMedicareFill);
        expressions.Select(f => f.Values[1].Value).Should().Contain("AND(ISNUMBER(F2),MAX($F2,$H2)>MIN($F2,$H2),F2=MAX($F2,$H2))")
            .And.Contain("AND(ISNUMBER(H2),MAX($F2,$H2)>MIN($F2,$H2),H2=MIN($F2,$H2))");
        var top = formats.Single(f => f.ConditionalFormatType == XLConditionalFormatType.Top10);
        top.Range.RangeAddress.ToStringRelative().Should().Be("O2:O9");
        top.Percent.Should().BeTrue();
    }

    [Fact]
    public void The_payer_summary_is_formulas_over_the_comparison()
    {
        using var wb = Export();
        var ws = wb.Worksheet("Payer summary");

        ws.Text("A2").Should().Be("Acme Health");
        ws.Text("A3").Should().Be("Summit Care");
        ws.Formula("B2").Should().Be("COUNT('Comparison'!F2:F9)");
        ws.Formula("C2").Should().Be("COUNTA('Comparison'!A2:A9)-B2");
        ws.Formula("D3").Should().Be("IFERROR(AVERAGE('Comparison'!I2:I9),\"\")");
        ws.Formula("G2").Should().Be("COUNTIF('Comparison'!J2:J9,A2)");
        ws.Cell("B2").GetDouble().Should().Be(7);                    // every row but 36415
        ws.Cell("C2").GetDouble().Should().Be(1);
        ws.Cell("B3").GetDouble().Should().Be(8);
        ws.Format("D2").Should().Be("0.0%");
        ws.SheetView.SplitRow.Should().Be(1);
    }

    [Fact]
    public void The_cover_says_what_it_is_the_inputs_the_releases_and_contract_versions_and_when_it_was_made()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        using var wb = Export();
        var cover = wb.Worksheet("Cover");

        cover.Text("A1").Should().Be("Payer comparison");
        cover.CoverValue("Locality").Should().Be("10112-00");
        cover.CoverValue("Date of service").Should().Be("2025-11-03");
        cover.CoverValue("Codes").Should().Be("99213,99214,71046,27447,36415,93000");
        cover.CoverValue("Rows").Should().Be("8");
        cover.CoverValue("Payers").Should().Be("Acme Health, Summit Care");
        cover.CoverValue("By").Should().StartWith("feeengine export compare --codes 99213,99214,71046,27447,36415,93000 --locality 10112-00");
        DateTime.Parse(cover.CoverValue("Created (UTC)"), System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(before.AddSeconds(-1)).And.BeOnOrBefore(DateTime.UtcNow);
        var texts = cover.CoverTexts().ToList();
        texts.Should().Contain(t => t.StartsWith("PFS release RVU25D", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("Conversion factor 32.3465", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("Acme Health: contract Acme Health/PPO Professional, version 2025-H2", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith("Summit Care: contract Summit Care/Medicare Advantage Partner", StringComparison.Ordinal));
        texts.Should().Contain("Codes only: no CPT descriptions (AMA copyright).");
        cover.Cell("B6").DataType.Should().Be(XLDataType.Text);
    }

    [Fact]
    public void Payers_can_be_chosen_and_the_facility_setting_priced()
    {
        using var wb = Export("--payers", "Summit Care", "--pos", "22");
        var ws = wb.Worksheet("Comparison");

        ws.Text("E1").Should().Be("Medicare at POS 22");
        ws.Text("F1").Should().Be("Summit Care expected");
        ws.Money("E2").Should().Be(59.93m);
        ws.Text("H1").Should().Be("Highest payer");
    }

    [Fact]
    public void The_comparison_can_be_written_as_CSV()
    {
        var path = sample.Path_("compare.csv");
        Must(sample.Cli.Run("export", "compare", "--codes", "99213,27447", "--locality", "10112-00", "--date", "2025-11-03", "--out", path));

        File.ReadAllLines(path).Should().Equal(
            "Code,Modifier,Medicare non-facility,Medicare facility,Medicare at POS 11,Acme Health expected,Acme Health % of Medicare,Summit Care expected,Summit Care % of Medicare,Highest payer,Highest amount,Lowest payer,Lowest amount,Spread (highest - lowest),Spread % of Medicare,Notes",
            "99213,,81.86,59.93,81.86,96.59,1.1799,81.86,1.0000,Acme Health,96.59,Summit Care,81.86,14.73,0.1799,",
            "27447,,NA,1138.09,1138.09,1388.47,1.2200,1138.09,1.0000,Acme Health,1388.47,Summit Care,1138.09,250.38,0.2200,non-facility NA: CMS pays the facility rate in every setting");
    }

    [Fact]
    public void An_output_that_is_neither_xlsx_nor_csv_or_an_unknown_locality_is_a_usage_error()
    {
        var bad = sample.Cli.Run("export", "compare", "--codes", "99213", "--locality", "10112-00", "--date", "2025-11-03", "--out", sample.Path_("x.pdf"));
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("--out '").And.Contain("must end in .xlsx (a workbook) or .csv");

        var locality = sample.Cli.Run("export", "compare", "--codes", "99213", "--locality", "99999-99", "--date", "2025-11-03", "--out", sample.Path_("x.xlsx"));
        locality.ExitCode.Should().Be(2);
        locality.Error.Should().Contain("locality 99999-99 is not in the GPCI file of release RVU25D");
    }
}
