using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using NodaTime;
using NodaTime.Text;

namespace FeeEngine.Schedules.Remittance;

/// <summary>
/// Reads X12 835 (005010X221A1, Health Care Claim Payment/Advice) remittance files: one <see cref="Remittance"/> per
/// ST..SE transaction, however many ISA/GS envelopes hold them. Delimiters are taken from the ISA. Only what
/// reconciliation needs is kept (payer, trace, payment, claims, lines, adjustments); other segments (NM1, MIA, MOA,
/// LQ, QTY, PER, N3, N4...) are passed over but still counted, so segment numbers match the file.
/// <para>
/// The whole file is checked before anything is returned: amounts (digits, optional minus sign and decimal point, at
/// most two decimals), dates (CCYYMMDD), SE01 against the transaction's segment count, SE02 against ST02, SVC01
/// (qualifier and code; a valid HCPCS code when the qualifier is HC), modifiers, CAS groups and complete CAS
/// reason/amount triples, and where CLP, SVC and CAS stand. Every problem is reported with its segment number (in
/// <see cref="FileDiagnostic.Line"/> and spelled out in the reason), element (e.g. CLP04) and value; a file with any
/// problem yields nothing. Values shown are those of the checked elements only (amounts, dates, codes), never a whole
/// segment, so a diagnostic never carries a patient's name.
/// </para>
/// </summary>
public static class Remittance835Reader
{
    /// <exception cref="CmsFileException">The file has problems; all of them are listed (up to the cap).</exception>
    public static IReadOnlyList<Remittance> Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <param name="text">The file's content.</param>
    /// <param name="fileName">The name diagnostics and the remittances give the file.</param>
    /// <exception cref="CmsFileException">The file has problems; all of them are listed (up to the cap).</exception>
    public static IReadOnlyList<Remittance> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var problems = new DiagnosticCollector(fileName, "segment");
        if (!X12Delimiters.TryRead(text, out var delimiters, out var start, out var reason))
        {
            problems.AddFileProblem(reason!);
            throw problems.ToException();
        }
        var reader = new Reader(fileName, delimiters, problems);
        foreach (var segment in X12Segment.Split(text, start, delimiters))
            reader.Add(segment);
        reader.EndOfFile();
        problems.ThrowIfAny();
        return reader.Remittances.AsReadOnly();
    }

    /// <summary>Where in a transaction the last segment stood: decides what a REF, DTM, AMT or CAS belongs to.</summary>
    private enum Loop { Header, Payer, Payee, ClaimHeader, Claim, Line, Summary }

    private sealed class Reader(string fileName, X12Delimiters delimiters, DiagnosticCollector problems)
    {
        // CLP02 values of 005010X221A1.
        private static readonly string[] ClaimStatuses = ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"];
        // SVC01-1 (product/service id qualifiers) of 005010X221A1.
        private static readonly string[] ProcedureQualifiers = ["AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "UI", "WK"];
        private static readonly string[] AdjustmentGroups = ["CO", "CR", "OA", "PI", "PR"];
        private static readonly LocalDatePattern Ccyymmdd = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
        private const int CasTriples = 6;
        private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.");

        private Transaction? _transaction;
        private ClaimBuilder? _claim;
        private LineBuilder? _line;
        private Loop _loop;
        private int _lastSegment;

        public List<Remittance> Remittances { get; } = [];

        public void Add(X12Segment segment)
        {
            _lastSegment = segment.Number;
            var id = segment.Id;
            if (id.StartsWith("ISA", StringComparison.Ordinal) && id.Length > 3)
            {
                Problem(segment, null, null,
                    $"an interchange (ISA) whose element separator is not '{delimiters.Element}': all interchanges of a file must use the delimiters of the first ISA");
                return;
            }
            if (id.Length is < 2 or > 3 || !id.All(char.IsAsciiLetterOrDigit))
            {
                // The text is not shown: a mangled segment may hold a patient's name.
                Problem(segment, null, null, "not a segment: expected a segment id such as CLP or SVC (is a terminator missing or doubled?)");
                return;
            }
            switch (id)
            {
                case "ISA" or "GS" or "GE" or "IEA" or "TA1":
                    if (_transaction is { } open)
                    {
                        Problem(segment, null, null, $"{id} inside the transaction that starts at segment {open.StartSegment}: its SE is missing");
                        _transaction = null;
                    }
                    return;
                case "ST":
                    StartTransaction(segment);
                    return;
                case "SE":
                    EndTransaction(segment);
                    return;
            }
            if (_transaction is not { } transaction)
            {
                Problem(segment, null, null, $"{id} outside a transaction: every segment between GS and GE must be inside ST..SE");
                return;
            }
            switch (id)
            {
                case "BPR": Payment(segment, transaction); break;
                case "TRN": transaction.TraceNumber ??= Text(segment[2]); break;
                case "N1": Name(segment, transaction); break;
                case "REF": Reference(segment, transaction); break;
                case "LX": EndClaim(); _loop = Loop.ClaimHeader; break;
                case "CLP": StartClaim(segment); break;
                case "CAS": Adjustment(segment); break;
                case "DTM": Date(segment); break;
                case "AMT": Amount(segment); break;
                case "SVC": StartLine(segment); break;
                case "PLB": ProviderAdjustment(segment); break;
                default: break; // NM1, MIA, MOA, LQ, QTY, PER, RDM, N3, N4, TS3, TS2...: not needed, counted all the same.
            }
        }

        public void EndOfFile()
        {
            if (_transaction is { } open)
                problems.Add(open.StartSegment, null, null,
                    $"ST: the transaction has no SE: the file ends inside it after segment {_lastSegment} (is it truncated?)");
            else if (Remittances.Count == 0 && !problems.HasProblems)
                problems.AddFileProblem("no 835 transaction (ST*835 ... SE) in the file");
        }

        private void StartTransaction(X12Segment st)
        {
            if (_transaction is { } open)
                Problem(st, null, null, $"a new transaction starts while the one at segment {open.StartSegment} has no SE");
            if (st[1] != "835")
                Problem(st, st.Field(1), st[1], "not an 835 transaction set (expected ST*835: this reader reads payment/advice files only)");
            _transaction = new Transaction(st.Number, st[2]);
            _claim = null;
            _line = null;
            _loop = Loop.Header;
        }

        private void EndTransaction(X12Segment se)
        {
            if (_transaction is not { } transaction)
            {
                Problem(se, null, null, "SE without its ST");
                return;
            }
            EndClaim();
            var count = se.Number - transaction.StartSegment + 1;
            if (!int.TryParse(se[1], NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
                Problem(se, se.Field(1), se[1], "not a segment count (expected the number of segments from ST to SE inclusive)");
            else if (declared != count)
                Problem(se, se.Field(1), se[1], Invariant($"the transaction has {count} segments (ST at segment {transaction.StartSegment} to this SE, both included), not {declared}: a segment is missing, extra or the count is wrong"));
            if (se[2] != transaction.ControlNumber)
                Problem(se, se.Field(2), se[2], $"does not match ST02 '{transaction.ControlNumber}' of the transaction at segment {transaction.StartSegment}");
            Remittances.Add(new Remittance(fileName, transaction.PayerName, transaction.PayerId ?? transaction.PayerReference,
                transaction.TraceNumber, transaction.PaymentDate, transaction.TotalPaid, transaction.Claims.AsReadOnly()));
            _transaction = null;
        }

        private void Payment(X12Segment bpr, Transaction transaction)
        {
            transaction.TotalPaid = RequiredMoney(bpr, 2);
            transaction.PaymentDate = OptionalDate(bpr, 16);
        }

        private void Name(X12Segment n1, Transaction transaction)
        {
            switch (n1[1])
            {
                case "PR":
                    _loop = Loop.Payer;
                    transaction.PayerName = Text(n1[2]);
                    transaction.PayerId = Text(n1[4]);
                    break;
                case "PE":
                    _loop = Loop.Payee;
                    break;
            }
        }

        private void Reference(X12Segment reference, Transaction transaction)
        {
            if (_loop == Loop.Payer && reference[1] == "2U")
                transaction.PayerReference ??= Text(reference[2]);
            else if (_loop == Loop.Line && reference[1] == "6R" && _line is { } line)
                line.LineId ??= Text(reference[2]);
        }

        private void StartClaim(X12Segment clp)
        {
            EndClaim();
            var claimId = clp[1];
            if (claimId.Length == 0) Problem(clp, clp.Field(1), null, "missing claim id (the provider's patient control number)");
            var status = clp[2];
            if (Array.IndexOf(ClaimStatuses, status) < 0)
                Problem(clp, clp.Field(2), status, status.Length == 0
                    ? "missing claim status"
                    : "not a claim status (expected 1, 2, 3 processed, 4 denied, 19, 20, 21 forwarded, 22 reversal, 23 not our claim or 25 predetermination)");
            _claim = new ClaimBuilder(clp.Number, claimId, status, RequiredMoney(clp, 3), RequiredMoney(clp, 4), OptionalMoney(clp, 5), Text(clp[7]));
            _loop = Loop.Claim;
        }

        private void EndClaim()
        {
            EndLine();
            if (_claim is { } claim && _transaction is { } transaction)
                transaction.Claims.Add(claim.Build());
            _claim = null;
        }

        private void StartLine(X12Segment svc)
        {
            if (_claim is null)
                Problem(svc, null, null, "SVC outside a claim: a service line must follow a CLP");
            EndLine();
            var (qualifier, code, procedure, modifiers) = Procedure(svc);
            var units = Units(svc);
            var line = new LineBuilder(svc.Number, qualifier, code, procedure, modifiers, RequiredMoney(svc, 2), RequiredMoney(svc, 3), units);
            if (_claim is { } claim)
            {
                _line = line;
                claim.Lines.Add(line);
                _loop = Loop.Line;
            }
        }

        private void EndLine() => _line = null;

        /// <summary>
        /// SVC01: qualifier, code and up to four modifiers. Only HC (HCPCS/CPT) codes become a <see cref="HcpcsCode"/>;
        /// the other qualifiers' codes (revenue codes, NDCs...) are kept as text only.
        /// </summary>
        private (string Qualifier, HcpcsCode Code, string Procedure, ModifierList Modifiers) Procedure(X12Segment svc)
        {
            var composite = svc[1];
            var parts = composite.Split(delimiters.Component);
            var qualifier = parts[0].Trim();
            var procedure = parts.Length > 1 ? parts[1].Trim() : "";
            if (composite.Length == 0)
            {
                Problem(svc, svc.Field(1), null, Invariant($"missing procedure: SVC01 needs a qualifier and a code, e.g. HC{delimiters.Component}99213"));
                return ("", default, "", default);
            }
            if (procedure.Length == 0)
            {
                Problem(svc, svc.Field(1), composite, Invariant($"no procedure code: SVC01 needs a qualifier and a code, e.g. HC{delimiters.Component}99213"));
                return (qualifier, default, "", default);
            }
            var code = default(HcpcsCode);
            if (Array.IndexOf(ProcedureQualifiers, qualifier) < 0)
                Problem(svc, "SVC01-1", qualifier, "not a procedure code qualifier (expected HC for HCPCS/CPT, NU for a revenue code, N4 for an NDC, or AD, ER, HP, IV, N6, UI, WK)");
            else if (qualifier == "HC" && (procedure.Length != 5 || !HcpcsCode.TryParse(procedure, out code)))
                Problem(svc, "SVC01-2", procedure, "not a HCPCS code (5 letters or digits, e.g. 99213 or G0121)");
            Span<Modifier> modifiers = stackalloc Modifier[4];
            for (var i = 0; i < 4; i++)
            {
                var text = parts.Length > i + 2 ? parts[i + 2].Trim() : "";
                if (Modifier.TryParse(text, out var modifier)) modifiers[i] = modifier;
                else Problem(svc, Invariant($"SVC01-{i + 3}"), text, "not a modifier (2 letters or digits)");
            }
            return (qualifier, code, procedure, new ModifierList(modifiers));
        }

        private int Units(X12Segment svc)
        {
            var text = svc[5];
            if (text.Length == 0) return 1;
            if (!TryNumber(text, out var units))
                Problem(svc, svc.Field(5), text, "not a number of units");
            else if (units != decimal.Truncate(units) || units < -99999 || units > 99999)
                Problem(svc, svc.Field(5), text, "not a whole number of units (-99999 to 99999)");
            else
                return (int)units;
            return 1;
        }

        private void Adjustment(X12Segment cas)
        {
            var target = _loop switch
            {
                Loop.Line => _line?.Adjustments,
                Loop.Claim => _claim?.Adjustments,
                _ => null,
            };
            if (target is null)
                Problem(cas, null, null, "CAS outside a claim: an adjustment must follow a CLP (claim level) or an SVC (line level)");
            var group = cas[1];
            if (Array.IndexOf(AdjustmentGroups, group) < 0)
                Problem(cas, cas.Field(1), group, group.Length == 0
                    ? "missing adjustment group (CO, PR, OA, PI or CR)"
                    : "not an adjustment group (expected CO contractual, PR patient responsibility, OA other, PI payer initiated or CR correction)");
            if (cas.Count > 1 + 3 * CasTriples)
                Problem(cas, null, null, Invariant($"{cas.Count} elements: a CAS holds a group and at most {CasTriples} reason/amount/quantity triples (19 elements)"));
            var any = false;
            for (var t = 0; t < CasTriples; t++)
            {
                int r = 2 + 3 * t, a = r + 1, q = r + 2;
                var (reason, amountText, quantityText) = (cas[r], cas[a], cas[q]);
                if (reason.Length == 0 && amountText.Length == 0 && quantityText.Length == 0) continue;
                any = true;
                var ok = true;
                if (reason.Length == 0)
                {
                    Problem(cas, cas.Field(r), null, Invariant($"missing reason code for the amount in {cas.Field(a)}: each reason, amount (and quantity) triple needs its reason"));
                    ok = false;
                }
                else if (reason.Length > 5 || !reason.All(char.IsAsciiLetterOrDigit))
                {
                    Problem(cas, cas.Field(r), reason, "not an adjustment reason code (CARC, e.g. 45 or B7)");
                    ok = false;
                }
                Money amount = default;
                if (amountText.Length == 0)
                {
                    Problem(cas, cas.Field(a), null, reason.Length == 0
                        ? "missing amount"
                        : $"missing amount for reason {reason} ({cas.Field(r)}): the triple is incomplete");
                    ok = false;
                }
                else if (MoneyOf(cas, a) is { } parsed) amount = parsed;
                else ok = false;
                decimal? quantity = null;
                if (quantityText.Length > 0)
                {
                    if (TryNumber(quantityText, out var value)) quantity = value;
                    else
                    {
                        Problem(cas, cas.Field(q), quantityText, "not a quantity (expected a number, e.g. 1 or 1.5)");
                        ok = false;
                    }
                }
                if (ok) target?.Add(new CasAdjustment(group, reason, amount, quantity));
            }
            if (!any)
                Problem(cas, cas.Field(2), null, "missing reason code: a CAS needs at least one reason and amount");
        }

        private void Date(X12Segment dtm)
        {
            var date = RequiredDate(dtm, 2);
            // Others (405 production, 050 received, 036 coverage expiration, 151 period end...) are checked, not kept.
            if (_loop == Loop.Claim && _claim is { } claim)
            {
                if (dtm[1] == "232") claim.ServiceFrom = date;
                else if (dtm[1] == "233") claim.ServiceTo = date;
            }
            else if (_loop == Loop.Line && _line is { } line)
            {
                if (dtm[1] == "472") line.ServiceDate = date;
                else if (dtm[1] == "150") line.PeriodStart = date;
            }
        }

        private void Amount(X12Segment amt)
        {
            var amount = RequiredMoney(amt, 2);
            if (_loop == Loop.Line && amt[1] == "B6" && _line is { } line)
                line.Allowed ??= amount;
        }

        /// <summary>PLB: provider-level adjustments (interest, forwarding balances...) are not kept, but they close the
        /// claims and their amounts (PLB04, 06, 08, 10, 12, 14) are checked.</summary>
        private void ProviderAdjustment(X12Segment plb)
        {
            EndClaim();
            _loop = Loop.Summary;
            for (var i = 4; i <= 14; i += 2)
                if (plb[i - 1].Length > 0 || plb[i].Length > 0)
                    RequiredMoney(plb, i);
            OptionalDate(plb, 2);
        }

        private Money RequiredMoney(X12Segment segment, int index)
        {
            if (segment[index].Length == 0)
            {
                Problem(segment, segment.Field(index), null, "missing amount");
                return default;
            }
            return MoneyOf(segment, index) ?? default;
        }

        private Money? OptionalMoney(X12Segment segment, int index) =>
            segment[index].Length == 0 ? null : MoneyOf(segment, index);

        private Money? MoneyOf(X12Segment segment, int index)
        {
            var text = segment[index];
            if (!TryNumber(text, out var amount))
            {
                Problem(segment, segment.Field(index), text, "not an amount (expected digits with an optional minus sign and decimal point, e.g. 125.00 or -40.00)");
                return null;
            }
            if (decimal.Round(amount, 2) != amount)
            {
                Problem(segment, segment.Field(index), text, "more than two decimals (fractions of a cent)");
                return null;
            }
            return new Money(amount);
        }

        private LocalDate? RequiredDate(X12Segment segment, int index)
        {
            if (segment[index].Length == 0)
            {
                Problem(segment, segment.Field(index), null, "missing date (expected CCYYMMDD, e.g. 20250314)");
                return null;
            }
            return OptionalDate(segment, index);
        }

        private LocalDate? OptionalDate(X12Segment segment, int index)
        {
            var text = segment[index];
            if (text.Length == 0) return null;
            if (text.Length == 8 && text.All(char.IsAsciiDigit) && Ccyymmdd.Parse(text) is { Success: true } result)
                return result.Value;
            Problem(segment, segment.Field(index), text, "not a date (expected CCYYMMDD, e.g. 20250314)");
            return null;
        }

        /// <summary>An X12 decimal (R): an optional minus sign, digits and an optional decimal point; nothing else.</summary>
        private static bool TryNumber(string text, out decimal value)
        {
            value = 0m;
            var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
            if (digits.IsEmpty || digits.IndexOfAnyExcept(NumberCharacters) >= 0 || digits.Count('.') > 1 || digits.SequenceEqual(".")) return false;
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        private static string? Text(string value) => value.Length == 0 ? null : value;

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Reports a problem of <paramref name="segment"/>. <see cref="FileDiagnostic.Line"/> holds the segment number
        /// and the diagnostic prints it as "segment N" (an 835 is often one long line); without a field, the reason
        /// starts with the segment's id.
        /// </summary>
        private void Problem(X12Segment segment, string? field, string? value, string reason) =>
            problems.Add(segment.Number, field, value, field is null ? $"{segment.Id}: {reason}" : reason);
    }

    private sealed class Transaction(int startSegment, string controlNumber)
    {
        public int StartSegment { get; } = startSegment;
        public string ControlNumber { get; } = controlNumber;
        public string? PayerName { get; set; }
        public string? PayerId { get; set; }
        public string? PayerReference { get; set; }
        public string? TraceNumber { get; set; }
        public LocalDate? PaymentDate { get; set; }
        public Money? TotalPaid { get; set; }
        public List<RemittanceClaim> Claims { get; } = [];
    }

    private sealed class ClaimBuilder(int segment, string claimId, string status, Money charge, Money paid, Money? patient, string? payerControlNumber)
    {
        public LocalDate? ServiceFrom { get; set; }
        public LocalDate? ServiceTo { get; set; }
        public List<CasAdjustment> Adjustments { get; } = [];
        public List<LineBuilder> Lines { get; } = [];

        // A line without a date of its own was performed on the claim's date: the statement period start.
        public RemittanceClaim Build() =>
            new(claimId, status, charge, paid, patient, payerControlNumber, ServiceFrom, ServiceTo, Adjustments.AsReadOnly(),
                Lines.Select(l => l.Build(ServiceFrom)).ToList().AsReadOnly(), segment);
    }

    private sealed class LineBuilder(int segment, string qualifier, HcpcsCode code, string procedure, ModifierList modifiers, Money charge, Money paid, int units)
    {
        public string? LineId { get; set; }
        public LocalDate? ServiceDate { get; set; }
        public LocalDate? PeriodStart { get; set; }
        public Money? Allowed { get; set; }
        public List<CasAdjustment> Adjustments { get; } = [];

        public RemittanceLine Build(LocalDate? claimDate) =>
            new(LineId, qualifier, code, modifiers, charge, paid, units, ServiceDate ?? PeriodStart ?? claimDate, Allowed, Adjustments.AsReadOnly(), segment)
            {
                ProcedureCode = procedure,
            };
    }
}
