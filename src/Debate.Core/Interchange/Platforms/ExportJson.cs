using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Debate.Core.Interchange.Platforms;

/// <summary>Reading an export file's bytes as UTF-8 JSON, naming the line of each fault.</summary>
internal static class ExportJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static string Decode(byte[] content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportException(file, [new ImportError($"byte {e.Index}", "the file is not valid UTF-8 text")]);
        }
    }

    /// <param name="firstLine">The file's line number of <paramref name="json"/>'s first line (a JSONL page).</param>
    public static JsonDocument Parse(string json, string file, int firstLine = 1)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            throw new ImportException(file, [new ImportError($"line {firstLine + line}", Describe(e, json, line))]);
        }
    }

    // System.Text.Json ends its messages with the position, which the Where already says.
    private static string Describe(JsonException e, string json, int line)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).Trim();
        var lines = json.TrimEnd().Split('\n');
        var atEnd = line >= lines.Length - 1 && (e.BytePositionInLine ?? 0) >= Encoding.UTF8.GetByteCount(lines[^1]);
        return atEnd ? $"the JSON stops before it is complete; is the file cut short? ({message})" : $"not valid JSON: {message}";
    }

    public static DateTimeOffset? ParseIsoTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    public static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>One object of an export file and its JSON path: reads its fields and notes each fault by the field's path.</summary>
internal readonly struct JsonRecord(JsonElement element, string path, ImportErrors errors)
{
    public JsonElement Element => element;

    public string Path => path;

    public string Where(string name) => $"{path}.{name}";

    /// <summary>The objects of an array, each with its path; anything else in it is noted as a fault.</summary>
    public static IEnumerable<JsonRecord> Items(JsonElement array, string path, ImportErrors errors, string what)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object)
                yield return new JsonRecord(item, at, errors);
            else
                errors.Add(at, $"expected {what} (an object), found {ExportJson.Kind(item.ValueKind)}");
        }
    }

    public string? RequiredString(string name) => String(name, required: true);

    public string? OptionalString(string name) => String(name, required: false);

    private string? String(string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add(Where(name), value.ValueKind == JsonValueKind.Null ? "required, but null" : "required, but missing");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Where(name), $"expected a string, found {ExportJson.Kind(value.ValueKind)}");
            return null;
        }
        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Where(name), "required, but empty");
            return null;
        }
        return text;
    }

    public bool Flag(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        errors.Add(Where(name), $"expected true or false, found {ExportJson.Kind(value.ValueKind)}");
        return false;
    }

    public JsonRecord? Object(string name, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add(Where(name), "required, but missing");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Where(name), $"expected an object, found {ExportJson.Kind(value.ValueKind)}");
            return null;
        }
        return new JsonRecord(value, Where(name), errors);
    }

    /// <summary>The objects of an optional array field.</summary>
    public IEnumerable<JsonRecord> Array(string name, string what)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Where(name), $"expected an array, found {ExportJson.Kind(value.ValueKind)}");
            return [];
        }
        return Items(value, Where(name), errors, what);
    }

    /// <param name="parse">The platform's time format; null when the text is not in it.</param>
    /// <param name="example">An example of the format, for the message.</param>
    public DateTimeOffset? Time(string name, bool required, Func<string, DateTimeOffset?> parse, string example)
    {
        var text = String(name, required);
        if (text is null)
            return null;
        var time = parse(text);
        if (time is null)
            errors.Add(Where(name), $"\"{text}\" is not a time like \"{example}\"");
        return time;
    }
}
