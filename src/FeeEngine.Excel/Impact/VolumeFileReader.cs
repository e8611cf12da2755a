using System.Globalization;
using FeeEngine.Excel.Codes;

namespace FeeEngine.Excel.Impact;

/// <summary>
/// Reads service volumes: a CSV with the header <c>code,modifier,count</c> (modifiers separated by ':', blank for
/// none; <c>hcpcs</c> and <c>modifiers</c> are accepted as header names). Counts are whole numbers from 0 up.
/// </summary>
public static class VolumeFileReader
{
    /// <exception cref="InvalidDataException">A row is malformed; every problem is listed with its line number.</exception>
    public static IReadOnlyList<ServiceVolume> Read(string path)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InvalidDataException($"{name}: the file is empty; expected the header code,modifier,count");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(params string[] names) => header.FindIndex(names.Contains);
        int code = Col("code", "hcpcs"), mod = Col("modifier", "modifiers"), count = Col("count", "volume", "units");
        if (code < 0 || count < 0) throw new InvalidDataException($"{name} line 1: expected the header code,modifier,count, found '{lines[0]}'");
        var errors = new List<string>();
        var volumes = new List<ServiceVolume>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(',');
            var where = $"{name} line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            string Field(int c) => c >= 0 && c < f.Length ? f[c].Trim() : "";
            if (CodeRequest.TryParse($"{Field(code)}-{Field(mod)}", out var error) is not { } service)
            {
                errors.Add($"{where}: {error}");
                continue;
            }
            if (!long.TryParse(Field(count), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                errors.Add($"{where}: count '{Field(count)}' is not a whole number from 0 up");
                continue;
            }
            volumes.Add(new ServiceVolume(service with { Bare = false }, n));
        }
        if (errors.Count > 0) throw new InvalidDataException($"bad volumes: {string.Join("; ", errors)}");
        return volumes;
    }
}
