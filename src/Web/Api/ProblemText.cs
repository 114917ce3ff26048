using System.Text.Json;
using Platform.Web.Text;

namespace Platform.Web.Api;

/// <summary>
/// The words of an RFC 7807 answer, for showing the user. A service writes them in the user's language (every call
/// carries it, <see cref="UserLanguage"/>); a field is named as the forms label it, never as the API spells it; an
/// answer without a problem's words is told in the user's words by its status.
/// </summary>
public sealed class ProblemText(Texts texts)
{
    /// <summary>A validation problem's messages by field; a problem without fields under "", in its own words.</summary>
    public async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (await ProblemAsync(response, cancellationToken) is { } problem
            && problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            return errors.EnumerateObject().ToDictionary(field => field.Name, field => Messages(field).ToArray());
        return new() { [""] = [await ReadAsync(response, cancellationToken)] };
    }

    /// <summary>The title, the detail and each field's messages, labelled, in one line.</summary>
    public async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (await ProblemAsync(response, cancellationToken) is not { } problem)
            return ByStatus(response);
        var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var errors = problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().SelectMany(field => Messages(field).Select(message => Labelled(field.Name, message)))
            : [];
        var words = string.Join(" ", new[] { title, detail }.Concat(errors).Where(s => !string.IsNullOrWhiteSpace(s)));
        return words.Length > 0 ? words : ByStatus(response);
    }

    private static IEnumerable<string> Messages(JsonProperty field) => field.Value.ValueKind == JsonValueKind.Array
        ? field.Value.EnumerateArray().Select(message => message.GetString() ?? "")
        : [];

    private string Labelled(string field, string message) =>
        texts.Field(field) is { } label ? texts.Format("problem.field", label, message) : message;

    private string ByStatus(HttpResponseMessage response) => texts.Format("problem.status", (int)response.StatusCode);

    private static async Task<JsonElement?> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.ValueKind == JsonValueKind.Object ? body : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null; // not a problem: an empty body, or a page from something in between
        }
    }
}
