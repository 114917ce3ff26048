using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Web.Account;
using Platform.Web.Text;
using Polly;

namespace Platform.Web.Api;

/// <summary>
/// Calls the services straight, as the signed-in user: each request carries the user's access token, and each
/// service checks it, the user's role and district scope as it would for any client. The token goes to a service's
/// own base address only (ServicePath): a path that could lead elsewhere is refused with an ArgumentException.
/// Without a token that serves (a session ended inside an interactive circuit), nothing is sent: the answer is 401.
/// A service that cannot be reached (down, timed out, its circuit open) answers 503, told in the user's language.
/// </summary>
public sealed class ServiceApi(IHttpClientFactory http, Caller caller, Texts texts, ProblemText problems, ILogger<ServiceApi> logger)
{
    public static readonly string[] Services = ["planning", "workforce", "facilities"];

    /// <summary>The services' JSON: camelCase names, enums by their camelCase names (ServiceDefaults).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<ApiAnswer<T>> GetAsync<T>(string service, string path, CancellationToken cancellationToken) where T : class =>
        ReadAsync<T>(service, new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiAnswer<T>> PostAsync<T>(string service, string path, object body, CancellationToken cancellationToken) where T : class =>
        ReadAsync<T>(service, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<ApiAnswer<T>> PutAsync<T>(string service, string path, object body, CancellationToken cancellationToken) where T : class =>
        ReadAsync<T>(service, new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>A change whose answer the page does not read (it loads the record again): the problem's words, or null.</summary>
    public async Task<string?> ChangeAsync(
        string service, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await SendAsync(service, request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ProblemAsync(response, cancellationToken);
    }

    public async Task<HttpResponseMessage> SendAsync(string service, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Services.Contains(service))
            throw new ArgumentOutOfRangeException(nameof(service), service, "not a service of the suite");
        var client = http.CreateClient(service);
        // The token goes only to the service's own address: the path is checked and resolved before it is added.
        request.RequestUri = ServicePath.Resolve(client.BaseAddress!, request.RequestUri?.OriginalString);
        if (await caller.CurrentAsync() is not { } credentials)
        {
            caller.Refused();
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        // The service's audit trail records the user's address (as the gateway forwarded it here), not this host's.
        if (credentials.Address is { } address)
            request.Headers.Add("X-Forwarded-For", address.ToString());
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Service} did not answer {Method} {Path}", service, request.Method, request.RequestUri);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            caller.Refused();
        return response;
    }

    private async Task<ApiAnswer<T>> ReadAsync<T>(
        string service, HttpRequestMessage request, CancellationToken cancellationToken) where T : class
    {
        using (request)
        using (var response = await SendAsync(service, request, cancellationToken))
            return response.StatusCode == HttpStatusCode.NoContent ? new ApiAnswer<T>(null, (int)response.StatusCode, null)
                : response.IsSuccessStatusCode
                    ? new ApiAnswer<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), (int)response.StatusCode, null)
                    : new ApiAnswer<T>(null, (int)response.StatusCode, await ProblemAsync(response, cancellationToken));
    }

    /// <summary>
    /// The service's words; an ended session or a service out of reach in the user's language, as nothing a service
    /// or a proxy says about them helps the user.
    /// </summary>
    public async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => texts["session.ended"],
            HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => texts["service.unavailable"],
            _ => await problems.ReadAsync(response, cancellationToken),
        };
}
