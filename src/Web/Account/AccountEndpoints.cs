using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace Platform.Web.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Only the layout's own form signs out: a post from another site lacks its antiforgery token.
        app.MapPost("/sign-out", async (HttpContext context, Session session, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "The sign-out form has expired; reload the page.");
            await session.SignOutAsync(context);
            return Results.LocalRedirect("/sign-in");
        });
        // The language switch: remembered for a year in a cookie; Chinese is the default.
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Extensions.Cultures.All(c => c.Name != culture))
                return Results.NotFound();
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true
                });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
    }
}
