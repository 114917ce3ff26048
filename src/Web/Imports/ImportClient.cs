using System.Text.Json;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Web.Api;

namespace Platform.Web.Imports;

/// <summary>
/// Sends an uploaded file to Planning's import, as a dry run or for real, and reads its report (Planning's own record;
/// the rows it previews are left as JSON, which the page does not show) or problem.
/// </summary>
public sealed class ImportClient(ServiceApi api)
{
    public async Task<(ImportReport<JsonElement>? Report, string? Problem)> SendAsync(
        PendingUpload upload, bool dryRun, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(upload.Content), "file", upload.FileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{upload.Kind}/import?dryRun={(dryRun ? "true" : "false")}")
        {
            Content = form
        };
        using var response = await api.SendAsync("planning", request, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<ImportReport<JsonElement>>(cancellationToken), null)
            : (null, await api.ProblemAsync(response, cancellationToken));
    }
}
