using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway.Identity;

/// <summary>
/// With Auth:DemoPassword set (the AppHost run and the tests set it), a user for each role is created at start-up,
/// unless one of that name exists: the accounts README.md lists. Never set it on a real deployment. For the demo's
/// sake their password is not temporary, and not checked by <see cref="PasswordPolicy"/> (which refuses it, as published).
/// </summary>
public sealed class DemoUsers(ScopedDataSources dataSources, IConfiguration configuration, ILogger<DemoUsers> logger) : IHostedService
{
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string[] Roles, string District)> All =
    [
        ("admin", "系统管理员", [Roles.SystemAdmin], "120000"),
        ("secadmin", "安全管理员", [Roles.SecurityAdmin], "120000"),
        ("auditor", "审计管理员", [Roles.Auditor], "120000"),
        ("bureau", "市教委综合处", [Roles.Planner, Roles.Hr, Roles.Facilities], "120000"),
        ("viewer", "市教委查阅", [Roles.Viewer], "120000"),
        ("planner", "红桥区学位规划员", [Roles.Planner], "120106"),
        ("hr", "红桥区人事干部", [Roles.Hr], "120106"),
        ("facilities", "红桥区校建负责人", [Roles.Facilities], "120106"),
        ("hr.nankai", "南开区人事干部", [Roles.Hr], "120104"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["Auth:DemoPassword"] is not { Length: > 0 } password)
            return;
        var hash = Passwords.Hash(password);
        await using var connection = await dataSources.System.OpenConnectionAsync(cancellationToken);
        foreach (var (userName, displayName, roles, district) in All)
            await UserAccountStore.InsertAsync(
                connection, Guid.CreateVersion7(), userName, displayName, roles, district, hash, temporary: false, cancellationToken);
        logger.LogInformation("Demo users are ready: {Users}", string.Join(", ", All.Select(user => user.UserName)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
