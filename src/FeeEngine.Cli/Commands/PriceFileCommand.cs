using System.Globalization;
using System.Text;
using FeeEngine.Cli.Hosting;
using FeeEngine.Application.Pricing;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine price-file</c>: price every line of a claim-line CSV.</summary>
public sealed class PriceFileCommand : ICommand
{
    public string Name => "price-file";
    public string Summary => "price every line of a claim-line CSV into an output CSV";
    public string Usage => $"""
        Usage: feeengine price-file <in.csv> --out <out.csv> [--payer NAME]

          Input columns (header required, any order): {string.Join(',', PriceFileRunner.RequiredColumns)}
            modifiers separated by ':'; zip or locality may be empty but not both; locality written MMMMM-LL.
          Optional columns: provider_type (physician, NP, PA, CNS), anesthesia_minutes, deductible_remaining
            (the patient's Part B deductible still owed, per claim), qp (yes/no: qualifying APM participant),
            payer (the claim's payer, as NAME or NAME/CONTRACT, for the contract columns).
          Lines are grouped into claims by claim_id and date_of_service and priced with Medicare's payment
          policies (bilateral, multiple procedures, endoscopy, imaging/cardiovascular/ophthalmology and therapy
          reductions, co-surgeons, assistants, NPP 85%, anesthesia).
          Output: the input columns, then {string.Join(',', PriceFileRunner.OutputColumns)}.
            medicare_allowed is the line total for all units after payment policies (2 decimals), empty when not
            payable; outcome is priced, not_payable or error; adjustments lists each policy step (e.g.
            mult_proc:rank2:50%); lesser_of_billed is the lower of billed charge and allowed; patient_share is
            deductible plus 20% coinsurance; medicare_payment is the rest less 2% sequestration; schedule is the
            Medicare schedule that priced the line: PFS when the PFS pays the code, otherwise the first stored
            schedule that lists it (CLFS: lab, no patient share; DMEPOS, PEN; ASP: Part B drugs). A line nothing
            prices is not_payable, its message naming each schedule tried.
            A bad row becomes an error row and the rest are still priced.
          With --payer NAME (the payer of lines whose payer column is blank) or a payer column, each line is also
          priced by the payer's contract stored with 'feeengine contracts load/import', and the output adds
          {string.Join(',', PriceFileRunner.ContractOutputColumns)}: the expected amount, the contract,
          version and term that priced it, and why a line is unpriced.
          Exit code: 0 when the file was read (whatever the rows' outcomes), 1 when the file itself is unreadable.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "payer"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    private static PriceFileSummary Price(PricingEnvironment environment, string? payer, string input, string output, CliContext context, bool claimsAnywhere)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var writer = PriceFileRunner.CreateOutput(output);
        return new PriceFileRunner(environment, payer).Run(reader, writer, input, context.Out, claimsAnywhere);
    }

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give one input CSV file");
        var input = args.Positional[0];
        var outPath = args.Required("out");
        if (!File.Exists(input)) throw new FileNotFoundException($"input file {input} does not exist");

        var payer = args.Value("payer");
        var environment = context.LoadPricing();
        if (payer is not null && !environment.Contracts.Book.Contracts.Any())
            throw new UsageException($"--payer {payer}: no payer contracts are stored; load them with 'feeengine contracts load FILE'");
        var temp = outPath + ".partial";
        PriceFileSummary summary;
        try
        {
            try
            {
                summary = Price(environment, payer, input, temp, context, claimsAnywhere: false);
            }
            catch (ClaimsNotContiguousException e)
            {
                // Claims are usually listed line after line; this file is not, so it is grouped in memory instead.
                context.Out.WriteLine($"  {e.Message}: grouping claims in memory");
                summary = Price(environment, payer, input, temp, context, claimsAnywhere: true);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        // Written to a temporary file and moved into place, so a failed run never leaves half an output.
        File.Move(temp, outPath, overwrite: true);

        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine(
            $"{summary.Lines.ToString("N0", inv)} lines in {summary.Claims.ToString("N0", inv)} claims: {summary.Priced.ToString("N0", inv)} priced, {summary.NotPayable.ToString("N0", inv)} not payable, " +
            $"{summary.Errors.ToString("N0", inv)} errors; wrote {outPath} in {summary.Elapsed.TotalSeconds.ToString("0.00", inv)} s.");
        return 0;
    }
}
