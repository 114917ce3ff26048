namespace Platform.Web.Api;

/// <summary>
/// A service's xlsx export handed on as a download, or the service's status when it refused. The typed clients name
/// the paths.
/// </summary>
public sealed class ServiceFiles(ServiceApi api, IHttpContextAccessor accessor)
{
    private CancellationToken Aborted => accessor.HttpContext!.RequestAborted;

    public async Task<IResult> GetAsync(string service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await FileAsync(await api.SendAsync(service, request, Aborted));
    }

    /// <summary>A computed export (Planning's): a POST with the request as body.</summary>
    public async Task<IResult> PostAsync(string service, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await FileAsync(await api.SendAsync(service, request, Aborted));
    }

    private static async Task<IResult> FileAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                return Results.StatusCode((int)response.StatusCode);
            var disposition = response.Content.Headers.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName ?? "export.xlsx";
            var content = await response.Content.ReadAsByteArrayAsync();
            return Results.File(content, response.Content.Headers.ContentType?.ToString(), name.Trim('"'));
        }
    }
}
