using NodaTime;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// A payer's contract: its versions (no two in force on the same day) and its imported fee schedules (likewise).
/// </summary>
public sealed class Contract
{
    private Contract(string payer, string name, ContractVersion[] versions, FeeSchedule[] feeSchedules)
    {
        Payer = payer;
        Name = name;
        Versions = versions;
        FeeSchedules = feeSchedules;
        Label = $"{payer}/{name}";
    }

    /// <summary>"Acme Health/PPO": how a price file's contract column names it.</summary>
    public string Label { get; }

    public string Payer { get; }
    public string Name { get; }
    /// <summary>Versions in date order.</summary>
    public IReadOnlyList<ContractVersion> Versions { get; }
    /// <summary>Imported fee schedules in date order.</summary>
    public IReadOnlyList<FeeSchedule> FeeSchedules { get; }

    /// <exception cref="ContractValidationException">Two versions, or two fee schedules, overlap; a name is blank.</exception>
    public static Contract Create(string payer, string name, IEnumerable<ContractVersion> versions, IEnumerable<FeeSchedule>? feeSchedules = null)
    {
        if (string.IsNullOrWhiteSpace(payer)) throw new ContractValidationException("The payer name is blank.");
        if (string.IsNullOrWhiteSpace(name)) throw new ContractValidationException($"Payer '{payer}': the contract name is blank.");
        var sortedVersions = versions.OrderBy(v => v.Period.From).ToArray();
        for (var i = 1; i < sortedVersions.Length; i++)
        {
            // Sorted by start, so any overlap shows between neighbours... unless an earlier open-ended one spans several.
            for (var j = 0; j < i; j++)
                if (sortedVersions[j].Period.Overlaps(sortedVersions[i].Period))
                    throw new ContractValidationException(
                        $"Contract '{name}' of payer '{payer}': version '{sortedVersions[j].Label}' ({sortedVersions[j].Period}) overlaps version '{sortedVersions[i].Label}' ({sortedVersions[i].Period}).");
        }
        var labels = sortedVersions.GroupBy(v => v.Label, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (labels is not null) throw new ContractValidationException($"Contract '{name}' of payer '{payer}': two versions are named '{labels.Key}'.");
        var sortedFees = (feeSchedules ?? []).OrderBy(f => f.Period.From).ToArray();
        for (var i = 1; i < sortedFees.Length; i++)
            for (var j = 0; j < i; j++)
                if (sortedFees[j].Period.Overlaps(sortedFees[i].Period))
                    throw new ContractValidationException(
                        $"Contract '{name}' of payer '{payer}': fee schedule '{sortedFees[j].Source}' ({sortedFees[j].Period}) overlaps fee schedule '{sortedFees[i].Source}' ({sortedFees[i].Period}).");
        return new Contract(payer, name, sortedVersions, sortedFees);
    }

    public ContractVersion? VersionOn(LocalDate date)
    {
        foreach (var v in Versions) if (v.Period.Contains(date)) return v;
        return null;
    }

    public FeeSchedule? FeeScheduleOn(LocalDate date)
    {
        foreach (var f in FeeSchedules) if (f.Period.Contains(date)) return f;
        return null;
    }

    /// <summary>True when a version or a fee schedule is in force on the date.</summary>
    public bool InForceOn(LocalDate date) => VersionOn(date) is not null || FeeScheduleOn(date) is not null;

    /// <summary>"Acme Health / PPO Professional".</summary>
    public override string ToString() => $"{Payer} / {Name}";
}

/// <summary>A contract definition that cannot be accepted; the message names the contract, versions and periods.</summary>
public sealed class ContractValidationException(string message) : Exception(message);
