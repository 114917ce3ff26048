using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Platform.Gateway;

namespace Platform.UnitTests.Gateway;

public class GatewayHttpsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("https://0.0.0.0:8443", true)]
    [InlineData("HTTPS://gateway.example.gov.cn", true)]
    public void Https_is_on_when_kestrel_has_an_https_endpoint(string? url, bool enabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Internal:Url"] = "http://127.0.0.1:8080", ["Kestrel:Endpoints:Public:Url"] = url,
        }).Build();
        Assert.Equal(enabled, GatewayHttps.IsEnabled(configuration));
    }

    [Fact]
    public async Task With_a_certificate_from_configuration_answers_carry_hsts_cookies_are_secure_and_http_is_redirected()
    {
        using var certificate = SelfSigned();
        var pfx = Path.GetTempFileName();
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test"));
        var (httpsPort, httpPort) = (FreePort(), FreePort());
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = $"https://127.0.0.1:{httpsPort}",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "test",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}",
        });
        builder.AddGatewayHttps();
        await using var app = builder.Build();
        app.UseGatewayHttps();
        app.MapGet("/page", (HttpContext context) =>
        {
            context.Response.Cookies.Append("platform", "session", new CookieOptions { HttpOnly = true });
            return "page";
        });
        app.MapGet("/health", () => "Healthy");
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler
            {
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });

            using var secure = await client.GetAsync($"https://127.0.0.1:{httpsPort}/page");
            Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
            Assert.StartsWith("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
            Assert.Contains("secure", Assert.Single(secure.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

            using var plain = await client.GetAsync($"http://127.0.0.1:{httpPort}/page");
            Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
            Assert.Equal($"https://127.0.0.1:{httpsPort}/page", plain.Headers.Location?.ToString());
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
            // Health probes stay on plain http.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{httpPort}/health")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            File.Delete(pfx);
        }
    }

    [Fact]
    public void Marks_only_cookies_that_lack_secure()
    {
        IHeaderDictionary headers = new HeaderDictionary
        {
            ["Set-Cookie"] = new(["a=1; path=/; httponly", "b=2; secure; samesite=strict"]),
        };
        GatewayHttps.MarkCookiesSecure(headers);
        Assert.Equal(["a=1; path=/; httponly; secure", "b=2; secure; samesite=strict"],
            headers.SetCookie.Select(cookie => cookie!).ToArray());
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
