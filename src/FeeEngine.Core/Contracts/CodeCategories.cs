namespace FeeEngine.Core.Contracts;

/// <summary>
/// Named code categories a contract may price as a group: the CPT sections by their code ranges (the ranges of the
/// CPT code set's sections; Category III codes, ending in T, fall outside them) and the HCPCS Level II letter groups.
/// </summary>
public static class CodeCategories
{
    private static readonly Dictionary<string, string> Ranges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["evaluation-management"] = "99202-99499",
        ["anesthesia"] = "00100-01999",
        ["surgery"] = "10004-69990",
        ["radiology"] = "70010-79999",
        ["pathology-laboratory"] = "80047-89398",
        ["medicine"] = "90281-99199, 99500-99607",
        ["hcpcs-transport"] = "A0000-A0999",
        ["hcpcs-supplies"] = "A4000-A9999",
        ["hcpcs-procedures"] = "G0000-G9999",
        ["hcpcs-drugs"] = "J0000-J9999",
        ["hcpcs-dme"] = "E0000-E9999",
        ["hcpcs-orthotics-prosthetics"] = "L0000-L9999",
    };

    public static IReadOnlyCollection<string> Names => Ranges.Keys;

    public static bool TryGetRanges(string name, out string ranges) => Ranges.TryGetValue(name, out ranges!);
}
