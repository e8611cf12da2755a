using System.Text;
using FeeEngine.Core.Contracts;

namespace FeeEngine.Application.Pricing;

/// <summary>The price-file's contract columns of one line: expected_amount, contract, contract_version, term, contract_message.</summary>
internal static class ContractColumns
{
    /// <param name="missing">The message for a line with no contract result (no payer); empty for an error row.</param>
    public static void Append(StringBuilder sb, ExpectedLinePrice? line, string missing)
    {
        sb.Append(',');
        if (line is null)
        {
            sb.Append(",,,,");
            PriceFileRunner.AppendField(sb, missing);
            return;
        }
        PriceFileRunner.AppendCents(sb, line.ExpectedCents);
        sb.Append(',');
        if (line.Contract is { } c) PriceFileRunner.AppendField(sb, c.Label);
        sb.Append(',');
        PriceFileRunner.AppendField(sb, line.Version?.Label ?? (line.Contract is null ? null : "fee schedule"));
        sb.Append(',');
        PriceFileRunner.AppendField(sb, line.Term);
        sb.Append(',');
        if (!line.IsPriced) PriceFileRunner.AppendField(sb, "unpriced: " + line.Reason);
    }
}
