using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The roles a user of the suite may hold. Business roles combine; the three administrator roles (三权分立) are
/// held alone: an account with one of them holds no other role (<see cref="Grantable"/>).
/// </summary>
public static class Roles
{
    public const string Planner = "planner";              // 学位规划: Planning's data
    public const string Hr = "hr";                        // 师资: Workforce's data
    public const string Facilities = "facilities";        // 校建: Facilities' data
    public const string Viewer = "viewer";                // reads every service, writes nothing
    public const string SystemAdmin = "sysadmin";         // 系统管理员: user accounts (no roles), parked messages
    public const string SecurityAdmin = "secadmin";       // 安全管理员: the roles and district scopes of users
    public const string Auditor = "auditor";              // 审计管理员: reads the audit trails, nothing else

    public static readonly IReadOnlyList<string> Business = [Planner, Hr, Facilities, Viewer];
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, SecurityAdmin, Auditor];
    public static readonly IReadOnlyList<string> All = [.. Business, .. Administrators];

    /// <summary>Why a set of roles may not be held together, or null: an administrator role stands alone.</summary>
    public static UserText? Grantable(IReadOnlyCollection<string> roles) =>
        roles.Count(Administrators.Contains) switch
        {
            0 => null,
            1 when roles.Count == 1 => null,
            _ => new("管理员角色（系统管理员、安全管理员、审计管理员）只能单独授予，不能与其他角色同时授予。",
                "An administrator role (sysadmin, secadmin, auditor) is granted alone, with no other role."),
        };
}
