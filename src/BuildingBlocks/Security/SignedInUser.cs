using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Who took a workflow step (a gate passed, a plan approved, a round advanced): the signed-in user as the token names
/// them, never a name the request gives. <see cref="UserName"/> is null only on steps recorded before the suite took
/// the name from the token, whose name was typed by the client (shown as it was, marked unverified).
/// </summary>
public sealed record SignedInUser(string? UserName, string DisplayName)
{
    /// <summary>The token's "name" (or "sub") and "display_name" claims; the user name stands in for a missing display name.</summary>
    public static SignedInUser Of(ClaimsPrincipal user)
    {
        var userName = user.Identity?.Name ?? user.FindFirst("sub")?.Value
            ?? throw new InvalidOperationException("A workflow step needs a signed-in user: the access policy lets no one else in.");
        return new SignedInUser(userName, user.FindFirst("display_name")?.Value is { Length: > 0 } display ? display : userName);
    }

    /// <summary>Binds a handler parameter to the caller; the access policy has already refused anonymous callers.</summary>
    public static ValueTask<SignedInUser?> BindAsync(HttpContext context) => ValueTask.FromResult<SignedInUser?>(Of(context.User));
}
