namespace FeeEngine.Core.Codes;

/// <summary>The key of a PPRRVU row: HCPCS code and modifier (blank, 26, TC or 53), packed into one integer.</summary>
public readonly record struct RvuKey(HcpcsCode Code, Modifier Modifier)
{
    public ulong Packed => (Code.Packed << 16) | Modifier.Packed;
    public override string ToString() => Modifier.IsNone ? Code.ToString() : $"{Code}-{Modifier}";
}
