using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Claims;

/// <summary>
/// The modifiers that change a line's payment on a claim (bilateral 50, RT/LT pairs, co-surgeons 62, assistants 80,
/// 81, 82 and AS): a line with one of them needs the general policy path. One list for every check of it.
/// </summary>
internal static class PaymentModifiers
{
    private static readonly ushort[] Packed = [.. new[] { "50", "62", "80", "81", "82", "AS", "RT", "LT" }.Select(m => Modifier.Parse(m).Packed)];

    /// <summary>True when any of the line's modifiers changes its payment on a claim.</summary>
    public static bool Any(in ModifierList modifiers)
    {
        for (var m = 0; m < modifiers.Count; m++)
            if (Array.IndexOf(Packed, modifiers[m].Packed) >= 0) return true;
        return false;
    }
}
