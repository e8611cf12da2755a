using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class WorkGpciFloorReaderTests
{
    [Fact]
    public void The_shipped_floor_periods_read_with_their_quoted_authorities()
    {
        var policy = WorkGpciFloorReader.Read(RepositoryFiles.Schedules("work-gpci-floor.csv"));

        policy.Periods.Should().HaveCount(3);
        policy.FindOrNull(new LocalDate(2025, 9, 30))!.Authority.Should().StartWith("Bipartisan Budget Act of 2018");
        policy.FindOrNull(new LocalDate(2025, 10, 1))!.Authority.Should().StartWith("Continuing Appropriations and Extensions Act, 2026 (H.R. 5371)");
        policy.FindOrNull(new LocalDate(2026, 12, 31))!.Authority.Should().StartWith("Consolidated Appropriations Act, 2026");
        policy.FindOrNull(new LocalDate(2027, 1, 1)).Should().BeNull();
    }

    [Fact]
    public void Bad_dates_a_missing_authority_and_an_overlap_are_all_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("floor.csv",
            "from,to,authority",
            "2025-01-01,2025-06-30,\"Act A, 2025\"",
            "2025-07-01,2025-02-30,bad date",
            "2025-07-01,2025-12-31,",
            "2025-06-01,2025-07-31,overlaps");

        var read = () => WorkGpciFloorReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("floor.csv", 3, "to", "2025-02-30", "not a date: expected yyyy-MM-dd"),
            new FileDiagnostic("floor.csv", 4, "authority", "", "missing: name the law that sets the floor"),
            new FileDiagnostic("floor.csv", 5, "from", "2025-06-01..2025-07-31", "period overlaps 2025-01-01..2025-06-30 (line 2)"));
    }
}
