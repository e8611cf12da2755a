using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules.Tests;

public sealed class AnesthesiaSampleFileTests
{
    [Fact]
    public void Padded_values_and_the_trailing_blank_row_are_handled()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ANES2025.csv",
            "Contractor,Locality,Locality Name,National Anes CF of 20.3178",
            "10112 ,00 ,ALABAMA,19.31 ",
            "02102 ,01 ,ALASKA*,27.86 ",
            ",,,");

        var file = AnesthesiaReader.Read(path);

        file.NationalCf.Should().Be(20.3178m);
        file.Rows.Should().Equal(
            new AnesthesiaCfRecord(LocalityId.Parse("10112-00"), "ALABAMA", 19.31m),
            new AnesthesiaCfRecord(LocalityId.Parse("02102-01"), "ALASKA", 27.86m));
    }

    [Fact]
    public void The_fixed_width_form_has_implied_decimals()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ANES2025.txt",
            "10112       00    ALABAMA                                                1931",
            "02102       01    ALASKA                                                 2786",
            "\u001A");

        var file = AnesthesiaReader.Read(path);

        file.Rows.Select(r => r.ConversionFactor).Should().Equal(19.31m, 27.86m);
        file.NationalCf.Should().BeNull();
    }

    [Fact]
    public void Text_in_the_cf_and_a_duplicate_locality_are_both_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ANES2025.csv",
            "Contractor,Locality,Locality Name,National Anes CF of 20.3178",
            "10112 ,00 ,ALABAMA,19.31 ",
            "10112 ,00 ,ALABAMA,19.31 ",
            "03102 ,00 ,ARIZONA,twenty ");

        var read = () => AnesthesiaReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("ANES2025.csv", 3, "CONTRACTOR+LOCALITY", "10112-00", "duplicate locality: already on line 2"),
            new FileDiagnostic("ANES2025.csv", 4, "ANES CF", "twenty", "not a number"));
    }

    [Fact]
    public void A_short_fixed_width_line_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ANES2025.txt", "10112       00    ALABAMA     1931");

        var read = () => AnesthesiaReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().StartWith("line too short: 34 characters");
    }
}
