namespace FeeEngine.Schedules.Tests;

public sealed class CsvTokenizerTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("a,,c,", new[] { "a", "", "c", "" })]
    [InlineData("\"x, y\",z", new[] { "x, y", "z" })]
    [InlineData("\"say \"\"hi\"\"\",2", new[] { "say \"hi\"", "2" })]
    [InlineData("\"\",\"\"", new[] { "", "" })]
    [InlineData("10112 ,00 ,ALABAMA,19.31 ", new[] { "10112 ", "00 ", "ALABAMA", "19.31 " })]
    [InlineData("ab\"c,d", new[] { "ab\"c", "d" })]
    [InlineData("", new[] { "" })]
    public void Splits_fields_by_RFC_4180(string line, string[] fields)
    {
        CsvTokenizer.SplitLine(line).Should().Equal(fields);
    }

    [Fact]
    public void Records_carry_their_starting_line_and_quoted_line_breaks_are_kept()
    {
        using var reader = new StringReader("h1,h2\r\n\"multi\r\nline\",x\r\n\r\nlast,\"q\"\r\n");

        var records = CsvTokenizer.ReadRecords(reader).ToList();

        records.Select(r => r.Line).Should().Equal(1, 2, 4, 5);
        records[1].Fields.Should().Equal("multi\nline", "x");
        records[2].Fields.Should().Equal("");
        records[3].Fields.Should().Equal("last", "q");
        records.Should().OnlyContain(r => !r.UnterminatedQuote);
    }

    [Fact]
    public void A_file_ending_inside_quotes_is_flagged()
    {
        using var reader = new StringReader("a,\"never closed\r\nstill open");

        var record = CsvTokenizer.ReadRecords(reader).Single();

        record.UnterminatedQuote.Should().BeTrue();
        record.Fields.Should().Equal("a", "never closed\nstill open");
    }

    [Fact]
    public void An_unterminated_quote_rejects_a_PPRRVU_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(PprrvuSample.Row99213, "99214,,\"open description"));

        var read = () => PprrvuReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().StartWith("unterminated quoted field");
    }
}
