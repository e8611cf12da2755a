using System.Text;
using FeeEngine.Core.Contracts;
using FeeEngine.Schedules.Contracts;

namespace FeeEngine.Schedules.Tests.Contracts;

/// <summary>Contract files (JSON): the shipped samples read; every problem is named with line, field and value.</summary>
public sealed class ContractFileReaderTests
{
    private static Contract Parse(string json) => ContractFileReader.Parse(Encoding.UTF8.GetBytes(json), "test.json");

    private static IEnumerable<string> Problems(string json)
    {
        var act = () => Parse(json);
        return act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString());
    }

    [Fact]
    public void The_shipped_Acme_sample_reads_with_three_versions_terms_in_order_and_a_carve_out()
    {
        var contract = ContractFileReader.Read(RepositoryFiles.Schedules("contracts/acme-health-ppo.json"));

        contract.ToString().Should().Be("Acme Health / PPO Professional");
        contract.Versions.Select(v => $"{v.Label} {v.Period}").Should().Equal("2025-H1 2025-01-01..2025-06-30", "2025-H2 2025-07-01..2025-12-31", "2026 2026-01-01..");
        var h2 = contract.Versions[1];
        h2.LesserOfBilled.Should().BeTrue();
        h2.MedicarePolicies.Should().BeTrue();
        h2.Terms.Select(t => t.Describe()).Should().Equal(
            "118% of Medicare (date of service) for category evaluation-management (99202-99499)",
            "130% of Medicare (date of service) for category radiology (70010-79999)",
            "122% of Medicare (date of service) for all codes");
        h2.Default!.Describe().Should().Be("45% of billed charges for all codes");
        h2.CarveOuts!.Fees.Select(f => f.ToString()).Should().Equal("99214 138.00");
    }

    [Fact]
    public void The_shipped_Summit_sample_reads_with_a_frozen_base()
    {
        var contract = ContractFileReader.Read(RepositoryFiles.Schedules("contracts/summit-care-advantage.json"));

        contract.Versions[1].Terms[0].Describe().Should().Be("103% of Medicare as of 2025-10-01 for all codes");
    }

    [Fact]
    public void A_term_gets_a_descriptive_name_when_none_is_written_and_a_year_base_means_January_1()
    {
        var contract = Parse("""
            {"payer": "P", "contract": "C", "versions": [
              {"version": "v1", "effective_from": "2025-01-01",
               "terms": [{"codes": "99202-99499, G0438", "percent_of_medicare": 110.5, "medicare_year": 2024, "locality": "05102-18"}]}]}
            """);

        contract.Versions[0].Terms[0].Name.Should().Be("110.5% of Medicare as of 2024-01-01, locality 05102-18 for 99202-99499, G0438");
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_field_and_value()
    {
        Problems("""
            {
              "payer": "Acme",
              "contract": "PPO",
              "versions": [
                {
                  "version": "v1",
                  "effective_from": "2025-13-01",
                  "terms": [
                    { "codes": "99499-99202", "percent_of_medicare": 110 },
                    { "category": "cardiology", "percent_of_charges": 40 },
                    { "percent_of_medicare": -5 },
                    { "percent_of_medicare": 100, "percent_of_charges": 50 },
                    { "percent_of_medicare": 100, "medicare_year": "last" }
                  ],
                  "carve_outs": [ { "code": "99213", "amount": "N/A" } ],
                  "lesser_of_biled": true
                }
              ]
            }
            """).Should().Equal(
            "test.json line 16, field versions[0].lesser_of_biled: unknown field; expected one of version, effective_from, effective_to, lesser_of_billed, medicare_policies, carve_outs, terms, default, comment",
            "test.json line 7, field versions[0].effective_from, value '2025-13-01': must be a date YYYY-MM-DD",
            "test.json line 9, field versions[0].terms[0].codes, value '99499-99202': range '99499-99202' is backwards: 99499 comes after 99202",
            "test.json line 10, field versions[0].terms[1].category, value 'cardiology': unknown category 'cardiology'; known: evaluation-management, anesthesia, surgery, radiology, pathology-laboratory, medicine, hcpcs-transport, hcpcs-supplies, hcpcs-procedures, hcpcs-drugs, hcpcs-dme, hcpcs-orthotics-prosthetics",
            "test.json line 11, field versions[0].terms[2].percent_of_medicare, value '-5': must be a percentage above 0 and at most 1000, e.g. 120 for 120%",
            "test.json line 12, field versions[0].terms[3]: give exactly one of percent_of_medicare or percent_of_charges",
            "test.json line 13, field versions[0].terms[4].medicare_year, value 'last': must be a year such as 2024",
            "test.json line 15, field versions[0].carve_outs[0].amount, value 'N/A': not an amount (expected e.g. 95.00 or $1,234.50)");
    }

    [Fact]
    public void Overlapping_versions_are_rejected_naming_both_periods()
    {
        Problems("""
            {"payer": "Acme", "contract": "PPO", "versions": [
              {"version": "2025", "effective_from": "2025-01-01", "effective_to": "2025-12-31", "terms": [{"percent_of_medicare": 110}]},
              {"version": "2025-H2", "effective_from": "2025-07-01", "terms": [{"percent_of_medicare": 120}]}]}
            """).Should().Equal(
            "test.json line 1, field versions: Contract 'PPO' of payer 'Acme': version '2025' (2025-01-01..2025-12-31) overlaps version '2025-H2' (2025-07-01..).");
    }

    [Fact]
    public void Broken_JSON_is_reported_with_its_line()
    {
        Problems("{\n  \"payer\": \"Acme\",\n  \"contract\": \"PPO\"\n  \"versions\": []\n}").Should().ContainSingle()
            .Which.Should().StartWith("test.json line 4: not valid JSON");
    }

    [Fact]
    public void A_version_that_prices_nothing_and_missing_required_fields_are_reported()
    {
        Problems("""{"payer": "Acme", "versions": [{"version": "v1", "effective_from": "2025-01-01"}]}""").Should().Equal(
            "test.json line 1, field contract: contract is required",
            "test.json line 1, field versions[0]: the version prices nothing: give terms, a default or carve_outs");
    }
}
