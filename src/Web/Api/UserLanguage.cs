using System.Globalization;
using System.Net.Http.Headers;

namespace Platform.Web.Api;

/// <summary>
/// Every call to the gateway and the services asks for the user's language (Chinese unless they switched), so the
/// messages the services answer with are in it.
/// </summary>
public sealed class UserLanguage : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        return base.SendAsync(request, cancellationToken);
    }
}
