using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Security;

/// <summary>Which roles may read a service's data and which may change it.</summary>
public sealed record ServiceAccess(IReadOnlyList<string> Readers, IReadOnlyList<string> Writers);

/// <summary>Marks a POST that only computes an answer (a forecast, a comparison), so that readers may call it.</summary>
public sealed class ComputesOnly;

/// <summary>
/// The policy on every endpoint of a service's API: the caller must carry a district scope, and a role that may read
/// (GET, HEAD, and POSTs marked <see cref="ComputesOnly"/>) or write (every other method).
/// </summary>
public sealed class AccessRequirement(ServiceAccess access) : AuthorizationHandler<AccessRequirement>, IAuthorizationRequirement
{
    public const string Policy = "access";
    /// <summary>系统管理员: creates users (without roles), renames, deactivates them and resets their passwords.</summary>
    public const string SystemAdminPolicy = "sysadmin";
    /// <summary>安全管理员: grants roles and district scopes, never to themselves.</summary>
    public const string SecurityAdminPolicy = "secadmin";
    /// <summary>Either of the two: who may list the users of their scope.</summary>
    public const string UserListPolicy = "user-list";
    /// <summary>审计管理员: reads the audit trails, nothing else.</summary>
    public const string AuditorPolicy = "auditor";
    /// <summary>A system administrator of the whole city (or more): parked messages carry every district's data.</summary>
    public const string OperatorPolicy = "operator";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && DistrictScope.Of(context.User) is not null)
        {
            var reads = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.GetEndpoint()?.Metadata.GetMetadata<ComputesOnly>() is not null;
            if ((reads ? access.Readers : access.Writers).Any(context.User.IsInRole))
                context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
