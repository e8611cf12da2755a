using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules.Tests;

public sealed class OppsCapSampleFileTests
{
    [Theory]
    [InlineData("NON-FACILTY PRICE")]
    [InlineData("NON-FACILITY PRICE")]
    public void Both_spellings_of_the_non_facility_price_header_are_accepted(string header)
    {
        using var temp = new TempFolder();
        var path = temp.Write("OPPSCAP_Oct.csv", $"HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,{header}", "0633T,TC,C,01112,05,150.69,151.00", ",,,,,,");

        var file = OppsCapReader.Read(path);

        file.Rows.Should().Equal(new OppsCapRecord(
            new RvuKey(HcpcsCode.Parse("0633T"), Modifier.TechnicalComponent), 'C', LocalityId.Parse("01112-05"),
            new Money(150.69m), new Money(151.00m)));
    }

    [Fact]
    public void The_fixed_width_form_reads_like_the_csv()
    {
        using var temp = new TempFolder();
        var csv = OppsCapReader.Read(temp.Write("OPPSCAP_Oct.csv",
            "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE", "0633T,TC,C,01112,05,150.69,150.69", "93990,TC,A,15102,00,93.37,1093.37"));
        var txt = OppsCapReader.Read(temp.Write("OPPSCAP_Oct.txt",
            "0633TTC C 01112  05   150.69    150.69", "93990TC A 15102  00    93.37   1093.37"));

        txt.Rows.Should().Equal(csv.Rows);
    }

    [Fact]
    public void A_duplicate_code_modifier_and_locality_and_a_bad_price_are_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("OPPSCAP_Oct.txt",
            "0633TTC C 01112  05   150.69    150.69",
            "0633TTC C 01112  05   150.69    150.69",
            "0633TTC C 01112  09   15O.69    150.69",
            "0633TTC C 01112  17");

        var read = () => OppsCapReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("OPPSCAP_Oct.txt", 2, "HCPCS+MOD+LOCALITY", "0633T-TC 01112-05", "duplicate key: already on line 1"),
            new FileDiagnostic("OPPSCAP_Oct.txt", 3, "FACILITY PRICE", "15O.69", "not a number"),
            new FileDiagnostic("OPPSCAP_Oct.txt", 4, null, null, "line too short: 19 characters, the OPPSCAP layout needs 38"));
    }
}
