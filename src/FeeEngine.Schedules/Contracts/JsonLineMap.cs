using System.Text;
using System.Text.Json;

namespace FeeEngine.Schedules.Contracts;

/// <summary>
/// The line each value of a JSON document starts on, by path (<c>versions[1].terms[0].percent_of_medicare</c>), so
/// a problem found after parsing can still name its line. <see cref="JsonDocument"/> keeps no positions.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();          // one entry per open container: its path
        var nextIndex = new List<int>();        // per open container: the next array index, or -1 for an object
        string? property = null;
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            var start = reader.TokenStartIndex;
            for (; counted < start; counted++) if (utf8[counted] == (byte)'\n') line++;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString()!;
                _lines[Join(path, property)] = line;
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                path.RemoveAt(path.Count - 1);
                nextIndex.RemoveAt(nextIndex.Count - 1);
                continue;
            }
            string here;
            if (nextIndex.Count > 0 && nextIndex[^1] >= 0)
            {
                here = $"{(path.Count > 0 ? path[^1] : "")}[{nextIndex[^1]}]";
                nextIndex[^1]++;
                _lines.TryAdd(here, line);
            }
            else here = property is null ? "" : Join(path, property);
            property = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _lines.TryAdd(here, line);
                path.Add(here);
                nextIndex.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
            }
        }
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest enclosing value; 0 if unknown.</summary>
    public int LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line)) return line;
            if (path.Length == 0) return 0;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut <= 0 ? "" : path[..cut];
        }
    }

    private static string Join(List<string> path, string property)
    {
        var parent = path.Count > 0 ? path[^1] : "";
        return parent.Length == 0 ? property : new StringBuilder(parent).Append('.').Append(property).ToString();
    }
}
