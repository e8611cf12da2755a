using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeeEngine.Application.Pricing;

/// <summary>
/// A small claim for <c>feeengine price --claim FILE</c>, e.g.
/// <c>{"date_of_service":"2025-11-03","locality":"10112-00","pos":"22","lines":[{"hcpcs":"27447","modifiers":"RT"},{"hcpcs":"27447","modifiers":"LT"}]}</c>.
/// Line fields override the claim's where both are given.
/// </summary>
public sealed record ClaimRequest
{
    public string? ClaimId { get; init; }
    public string? DateOfService { get; init; }
    public string? Zip { get; init; }
    public string? Locality { get; init; }
    public string? Pos { get; init; }
    public string? ProviderType { get; init; }
    public decimal? DeductibleRemaining { get; init; }
    public bool Qp { get; init; }
    public List<ClaimRequestLine> Lines { get; init; } = [];

    public static ClaimRequest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ClaimRequest>(File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException($"{path}: the file holds no claim");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a claim JSON file: {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

public sealed record ClaimRequestLine
{
    public string? Line { get; init; }
    public string? Hcpcs { get; init; }
    public string? Modifiers { get; init; }
    public int? Units { get; init; }
    public string? Pos { get; init; }
    public decimal? BilledCharge { get; init; }
    public int? AnesthesiaMinutes { get; init; }
    public string? ProviderType { get; init; }
}
