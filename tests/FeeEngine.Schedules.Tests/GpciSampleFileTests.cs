using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules.Tests;

public sealed class GpciSampleFileTests
{
    private const string Title = "ADDENDUM E. SAMPLE GEOGRAPHIC PRACTICE COST INDICES,,,,,,";
    private const string Header = "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI";

    private static CmsFileException Rejected(string path)
    {
        var read = () => GpciReader.Read(path);
        return read.Should().Throw<CmsFileException>().Which;
    }

    [Fact]
    public void Footnotes_after_the_data_are_neither_rows_nor_errors()
    {
        using var temp = new TempFolder();
        var path = temp.Write("GPCI2025.csv", Title, ",,,,,,", Header,
            "10112,AL,00,ALABAMA,1,0.869,0.575",
            "02102,AK,01,ALASKA*,1.5,1.081,0.592",
            "\"MAC Assignments as of a sample date, 2023\",,,,,,",
            ",,,,,,",
            "*Work GPCI reflects a sample floor.,,,,,,");

        var file = GpciReader.Read(path);

        file.Rows.Should().HaveCount(2);
        file.Year.Should().Be(2025);
        file.Rows[1].Should().Be(new GpciRecord
        {
            Locality = LocalityId.Parse("02102-01"),
            State = "AK",
            Name = "ALASKA",
            WorkWithFloor = new Gpci(1.5m),
            PracticeExpense = new Gpci(1.081m),
            Malpractice = new Gpci(0.592m),
        });
    }

    [Fact]
    public void Leading_zeros_dropped_by_a_spreadsheet_are_restored()
    {
        using var temp = new TempFolder();
        string[] lines = [Title, Header, "2102,AK,1,ALASKA*,1.5,1.081,0.592", "10112,AL,0,ALABAMA,1,0.869,0.575"];

        var file = GpciReader.Read(XlsxSample.Write(Path.Combine(temp.Path, "GPCI2025.xlsx"), lines, numbersFromRow: 3));

        file.Rows.Select(r => r.Locality.ToString()).Should().Equal("02102-01", "10112-00");
    }

    [Fact]
    public void A_duplicate_locality_a_bad_locality_and_a_text_gpci_are_all_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("GPCI2025.csv", Title, Header,
            "10112,AL,00,ALABAMA,1,0.869,0.575",
            "10112,AL,00,ALABAMA AGAIN,1,0.869,0.575",
            "1O112,AL,0X,TYPO,1,0.869,0.575",
            "03102,AZ,00,ARIZONA,1,high,0.854");

        Rejected(path).Diagnostics.Should().Equal(
            new FileDiagnostic("GPCI2025.csv", 4, "MAC+LOCALITY", "10112-00", "duplicate locality: already on line 3"),
            new FileDiagnostic("GPCI2025.csv", 5, "MAC", "1O112", "invalid MAC number: expected up to 5 digits"),
            new FileDiagnostic("GPCI2025.csv", 5, "LOCALITY NUMBER", "0X", "invalid locality number: expected up to 2 digits"),
            new FileDiagnostic("GPCI2025.csv", 6, "PE GPCI", "high", "not a number"));
    }

    [Fact]
    public void A_missing_GPCI_column_is_named()
    {
        using var temp = new TempFolder();
        var path = temp.Write("GPCI2025.csv", Title,
            "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI",
            "10112,AL,00,ALABAMA,1,0.869");

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Field.Should().Be("MP GPCI");
    }

    [Fact]
    public void The_fixed_width_report_reads_like_the_csv()
    {
        using var temp = new TempFolder();
        var csv = GpciReader.Read(temp.Write("GPCI2025.csv", Title, Header,
            "10112,AL,00,ALABAMA,1,0.869,0.575", "01182,CA,18,LOS ANGELES-LONG BEACH (SAMPLE NAME),1.042,1.194,0.69"));
        var txt = GpciReader.Read(temp.Write("GPCI2025.txt",
            "ADDENDUM E. SAMPLE GEOGRAPHIC PRACTICE COST INDICES BY STATE AND MEDICARE LOCALITY",
            "",
            "Medicare Admi State  Locality                                      Locality Name                                      2025 PW GPCI2025 PE GPCI2025 MP GPCI",
            "10112           AL      00   ALABAMA                                                                                     1.000       0.869       0.575",
            "01182           CA      18   LOS ANGELES-LONG BEACH (SAMPLE NAME)                                                        1.042       1.194       0.690",
            "MAC Assignments as of a sample date",
            "*Work GPCI reflects a sample floor."));

        txt.Rows.Should().Equal(csv.Rows);
        txt.Year.Should().Be(2025);
    }

    [Fact]
    public void A_short_fixed_width_line_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("GPCI2025.txt",
            "Medicare Admi State  Locality  Locality Name  2025 PW GPCI2025 PE GPCI2025 MP GPCI",
            "10112           AL      00   ALABAMA      1.000       0.869");

        Rejected(path).Diagnostics.Should().ContainSingle().Which.Reason.Should().StartWith("line too short");
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        using var temp = new TempFolder();

        Rejected(temp.WriteText("GPCI2025.csv", "")).Diagnostics.Single().Reason.Should().Be("file is empty");
    }
}
