namespace FeeEngine.Schedules.Tests;

public sealed class FileDiagnosticTests
{
    [Fact]
    public void Prints_file_line_field_value_and_reason()
    {
        new FileDiagnostic("PPRRVU2025_Oct.csv", 12, "WORK RVU", "abc", "not a number").ToString()
            .Should().Be("PPRRVU2025_Oct.csv line 12, field WORK RVU, value 'abc': not a number");
    }

    [Fact]
    public void A_whole_file_problem_prints_without_line_field_or_value()
    {
        new FileDiagnostic("ANES2025.csv", 0, null, null, "file is empty").ToString().Should().Be("ANES2025.csv: file is empty");
    }

    [Fact]
    public void A_spreadsheet_problem_says_row()
    {
        new FileDiagnostic("GPCI2025.xlsx", 5, "PE GPCI", "", "missing number").ToString()
            .Should().Be("GPCI2025.xlsx row 5, field PE GPCI, value '': missing number");
    }

    [Fact]
    public void A_long_value_is_shortened()
    {
        new FileDiagnostic("x.txt", 1, null, new string('9', 100), "bad").ToString()
            .Should().Be($"x.txt line 1, value '{new string('9', 60)}...': bad");
    }

    [Fact]
    public void The_exception_message_lists_the_problems()
    {
        var error = new CmsFileException("x.csv",
            [new FileDiagnostic("x.csv", 2, "A", "1", "bad"), new FileDiagnostic("x.csv", 3, "B", "2", "worse")], 2);

        error.Message.Should().Be("x.csv was rejected: 2 problems.\n  x.csv line 2, field A, value '1': bad\n  x.csv line 3, field B, value '2': worse"
            .Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }
}
