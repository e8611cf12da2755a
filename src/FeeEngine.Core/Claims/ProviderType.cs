namespace FeeEngine.Core.Claims;

/// <summary>Who rendered the service, as far as Medicare payment cares.</summary>
public enum ProviderType
{
    /// <summary>A physician (MD/DO) or any provider paid 100% of the fee schedule.</summary>
    Physician,
    /// <summary>Nurse practitioner billing under their own number: 85% of the fee schedule.</summary>
    NursePractitioner,
    /// <summary>Physician assistant: 85%.</summary>
    PhysicianAssistant,
    /// <summary>Clinical nurse specialist: 85%.</summary>
    ClinicalNurseSpecialist,
}

public static class ProviderTypes
{
    /// <summary>Non-physician practitioners (NP, PA, CNS) are paid 85% of the fee schedule amount (SSA 1833(a)(1)(O)).</summary>
    public const decimal NonPhysicianPractitionerShare = 0.85m;

    public static bool IsNonPhysicianPractitioner(this ProviderType type) => type != ProviderType.Physician;

    /// <summary>Reads the provider_type column: blank, MD, DO or physician; NP, PA or CNS (any case).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ProviderType type)
    {
        text = text.Trim();
        type = ProviderType.Physician;
        if (text.IsEmpty || Is(text, "MD") || Is(text, "DO") || Is(text, "physician")) return true;
        if (Is(text, "NP")) { type = ProviderType.NursePractitioner; return true; }
        if (Is(text, "PA")) { type = ProviderType.PhysicianAssistant; return true; }
        if (Is(text, "CNS")) { type = ProviderType.ClinicalNurseSpecialist; return true; }
        return false;

        static bool Is(ReadOnlySpan<char> a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
    }

    public static string Code(this ProviderType type) => type switch
    {
        ProviderType.NursePractitioner => "NP",
        ProviderType.PhysicianAssistant => "PA",
        ProviderType.ClinicalNurseSpecialist => "CNS",
        _ => "physician",
    };
}
