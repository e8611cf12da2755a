namespace FeeEngine.Schedules.Tests;

public sealed class PprrvuBadFileTests
{
    private static CmsFileException Rejected(string path)
    {
        var read = () => PprrvuReader.Read(path);
        return read.Should().Throw<CmsFileException>().Which;
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv",
            PprrvuSample.Title,
            PprrvuSample.HeaderWithout("WORK RVU"),
            PprrvuSample.RowWithout(PprrvuSample.Row99213, "WORK RVU"));

        var error = Rejected(path);

        error.Diagnostics.Should().ContainSingle().Which.Should().Be(
            new FileDiagnostic("PPRRVU2025_Oct.csv", 2, "WORK RVU", null, "required column missing from the header"));
        error.Message.Should().Contain("WORK RVU");
    }

    [Fact]
    public void Several_missing_columns_are_all_named()
    {
        using var temp = new TempFolder();
        var header = string.Join(',', PprrvuSample.Columns.Where(c => c is not ("MP RVU" or "STATUS CODE" or "GLOB DAYS")));
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Title, header);

        Rejected(path).Diagnostics.Select(d => d.Field).Should().BeEquivalentTo(["STATUS CODE", "MP RVU", "GLOB DAYS"]);
    }

    [Fact]
    public void Text_in_a_numeric_field_names_file_line_field_and_value()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv",
            PprrvuSample.Csv(PprrvuSample.Row99213, PprrvuSample.With(PprrvuSample.Row27447, "WORK RVU", "abc")));

        var diagnostic = Rejected(path).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Should().Be(new FileDiagnostic("PPRRVU2025_Oct.csv", 4, "WORK RVU", "abc", "not a number"));
        diagnostic.ToString().Should().Be("PPRRVU2025_Oct.csv line 4, field WORK RVU, value 'abc': not a number");
    }

    [Fact]
    public void A_truncated_csv_row_is_reported_with_its_field_count()
    {
        using var temp = new TempFolder();
        var truncated = string.Join(',', PprrvuSample.Row27447.Split(',').Take(12));
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(PprrvuSample.Row99213, truncated));

        var diagnostic = Rejected(path).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Line.Should().Be(4);
        diagnostic.Reason.Should().Be("truncated row: 12 fields, the header needs 31");
    }

    [Fact]
    public void A_row_shifted_by_an_unquoted_comma_is_reported_once_without_its_values()
    {
        using var temp = new TempFolder();
        var shifted = PprrvuSample.Row99213.Replace("sample row one", "sample, row one", StringComparison.Ordinal);
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(shifted));

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Should().Be(new FileDiagnostic(
            "PPRRVU2025_Oct.csv", 3, null, null, "row has 32 fields but the header has 31: an unquoted comma shifts the columns"));
    }

    [Fact]
    public void A_short_fixed_width_line_is_reported_by_length_without_its_text()
    {
        using var temp = new TempFolder();
        var shortLine = PprrvuSample.TxtLine(PprrvuSample.Row27447)[..120];
        var path = temp.Write("PPRRVU2025_Oct.txt", "HDR SAMPLE", PprrvuSample.TxtLine(PprrvuSample.Row99213), shortLine);

        var diagnostic = Rejected(path).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Line.Should().Be(3);
        diagnostic.Value.Should().BeNull("the line holds a description, which is never echoed");
        diagnostic.Reason.Should().Be("line too short: 120 characters, the CY 2025 record layout needs 171");
    }

    [Fact]
    public void A_duplicate_code_and_modifier_is_reported_with_the_first_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv",
            PprrvuSample.Csv(PprrvuSample.Row99213, PprrvuSample.Row71046Tc, PprrvuSample.Row71046Tc));

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Should().Be(
            new FileDiagnostic("PPRRVU2025_Oct.csv", 5, "HCPCS+MOD", "71046-TC", "duplicate key: already on line 4"));
    }

    [Theory]
    [InlineData("PPRRVU2025_Oct.csv")]
    [InlineData("PPRRVU2025_Oct.txt")]
    public void An_empty_file_is_rejected(string fileName)
    {
        using var temp = new TempFolder();
        var path = temp.WriteText(fileName, "");

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Reason.Should().Be("file is empty");
    }

    [Fact]
    public void A_header_alone_is_rejected_for_having_no_data()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv());

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Reason.Should().Be("no data rows after the header");
    }

    [Fact]
    public void A_file_without_the_HCPCS_header_row_is_rejected()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", "code,work", "99213,1.30");

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Reason.Should().StartWith("header not found");
    }

    [Fact]
    public void An_unknown_status_code_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(PprrvuSample.With(PprrvuSample.Row99213, "STATUS CODE", "Q")));

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Should().Be(
            new FileDiagnostic("PPRRVU2025_Oct.csv", 3, "STATUS CODE", "Q", "unknown status code"));
    }

    [Theory]
    [InlineData("9921")]
    [InlineData("99-13")]
    [InlineData("992134")]
    public void An_invalid_HCPCS_code_is_reported(string code)
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(PprrvuSample.With(PprrvuSample.Row99213, "HCPCS", code)));

        var diagnostic = Rejected(path).Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Field.Should().Be("HCPCS");
        diagnostic.Value.Should().Be(code);
        diagnostic.Reason.Should().StartWith("invalid HCPCS code");
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_not_just_the_first()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(
            PprrvuSample.With(PprrvuSample.Row99213, "MP RVU", "x.10"),
            PprrvuSample.With(PprrvuSample.Row27447, "STATUS CODE", "Q"),
            string.Join(',', PprrvuSample.Row71046Tc.Split(',').Take(5)),
            PprrvuSample.With(PprrvuSample.With(PprrvuSample.Row71046Tc, "PCTC IND", "X"), "NON-FAC NA INDICATOR", "N/A"),
            PprrvuSample.Row99213));

        var error = Rejected(path);

        error.Diagnostics.Select(d => (d.Line, d.Field)).Should().Equal(
            (3, "MP RVU"), (4, "STATUS CODE"), (5, null), (6, "NON-FAC NA INDICATOR"), (6, "PCTC IND"), (7, "HCPCS+MOD"));
        error.TotalProblems.Should().Be(6);
        error.Message.Should().Contain("6 problems");
    }

    [Fact]
    public void Problems_past_200_are_counted_but_not_kept_and_the_message_shows_20()
    {
        using var temp = new TempFolder();
        var bad = Enumerable.Range(0, 250)
            .Select(i => PprrvuSample.With(PprrvuSample.With(PprrvuSample.Row99213, "HCPCS", $"A{i:D4}"), "WORK RVU", "n/a"))
            .ToArray();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(bad));

        var error = Rejected(path);

        error.Diagnostics.Should().HaveCount(CmsFileException.MaxDiagnostics);
        error.TotalProblems.Should().Be(250);
        error.Message.Should().Contain("250 problems (the first 200 are kept)");
        error.Message.Split('\n').Count(l => l.Contains("field WORK RVU", StringComparison.Ordinal)).Should().Be(20);
        error.Message.Should().Contain("... and 230 more.");
    }

    [Fact]
    public void An_unsupported_extension_is_rejected()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.dat", PprrvuSample.Csv(PprrvuSample.Row99213));

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Reason.Should().Contain(".csv, .txt or .xlsx");
    }
}
