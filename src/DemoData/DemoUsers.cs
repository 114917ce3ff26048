using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Demo;

public static class DemoUsers
{
    /// <summary>Signs <paramref name="gateway"/> in as a demo user: its requests then carry that user's access token.</summary>
    public static async Task SignInAsync(
        HttpClient gateway, string userName, string password, CancellationToken cancellationToken = default)
    {
        using var response = await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var signedIn = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        gateway.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", signedIn.GetProperty("accessToken").GetString());
    }
}
