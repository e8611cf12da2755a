namespace FeeEngine.Core.Pfs;

/// <summary>A relative value unit (work, practice expense or malpractice). Published with 2 decimals; never negative.</summary>
public readonly record struct Rvu
{
    public Rvu(decimal value)
    {
        if (value < 0m || value > 99999m)
            throw new ArgumentException($"RVU {value} is out of range 0-99999.", nameof(value));
        Value = value;
    }

    public decimal Value { get; }
    public static readonly Rvu Zero = new(0m);
    public override string ToString() => Value.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A geographic practice cost index (published with 3 decimals), a multiplier around 1.</summary>
public readonly record struct Gpci
{
    public Gpci(decimal value)
    {
        if (value <= 0m || value > 10m)
            throw new ArgumentException($"GPCI {value} is out of range (0, 10].", nameof(value));
        Value = value;
    }

    public decimal Value { get; }
    public override string ToString() => Value.ToString("0.000#", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Dollars per RVU (a rate, not money), published with 4 decimals, e.g. 32.3465 for 2025.</summary>
public readonly record struct ConversionFactor
{
    public ConversionFactor(decimal value)
    {
        if (value <= 0m || value > 1000m)
            throw new ArgumentException($"Conversion factor {value} is out of range (0, 1000].", nameof(value));
        Value = value;
    }

    public decimal Value { get; }
    public override string ToString() => Value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
