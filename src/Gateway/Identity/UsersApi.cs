using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Gateway.Identity;

/// <summary>
/// User accounts, split between the administrators (三权分立, docs/security.md "Roles"): the system administrator
/// creates users without roles, renames, deactivates and resets passwords (temporary ones: they sign in without roles
/// until the user sets their own); the security administrator grants roles
/// and district scopes, never their own. Either manages only users inside their own district scope, grants no wider
/// scope than that, and every change ends the user's sessions.
/// </summary>
public static partial class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Users");
        users.MapGet("/", ListAsync).RequireAuthorization(AccessRequirement.UserListPolicy)
            .Describe("用户", "The users of the districts in the caller's scope.");
        users.MapPost("/", CreateAsync).RequireAuthorization(AccessRequirement.SystemAdminPolicy)
            .Describe("新建用户", "A user with a name, display name, district scope and first password.");
        users.MapPut("/{id:guid}", ChangeAsync).RequireAuthorization(AccessRequirement.SystemAdminPolicy)
            .Describe("修改用户", "A user's display name, roles, district scope and whether they are active.");
        users.MapPut("/{id:guid}/password", SetPasswordAsync).RequireAuthorization(AccessRequirement.SystemAdminPolicy)
            .Describe("重置密码", "Sets a user's password; their sessions end and their sign-in locks lift.");
        users.MapPut("/{id:guid}/roles", GrantAsync).RequireAuthorization(AccessRequirement.SecurityAdminPolicy)
            .Describe("授予角色", "A user's roles, granted by a security administrator.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UserView>>> ListAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await UserAccountStore.ListAsync(connection, scope.Prefix, cancellationToken));
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUserRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var userName = validation.Text("userName", request.UserName, 50);
        if (userName.Length > 0 && !UserName().IsMatch(userName))
            validation.Add("userName", new("只能由小写字母、数字、“.”“_”“-”组成，并以字母开头。",
                "may hold only lower-case letters, digits, '.', '_' and '-', starting with a letter."));
        var displayName = validation.Text("displayName", request.DisplayName, 100);
        var password = PasswordPolicy.Check(validation, "password", request.Password, userName);
        if (request.Roles is { Length: > 0 })
            validation.Add("roles", new("系统管理员创建的用户没有角色：角色由安全管理员授予。",
                "A user a system administrator creates has no roles: a security administrator grants them "
                + "(PUT /api/admin/users/{id}/roles)."));
        var district = District(validation, scope, request.DistrictCode);
        if (!validation.IsValid)
            return validation.Problem();

        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var hash = Passwords.Hash(password);
        if (!await UserAccountStore.InsertAsync(
                connection, id, userName, displayName, [], district, hash, temporary: true, cancellationToken))
            return TypedResults.Problem(
                title: new UserText("用户名已被使用。", "The user name is taken.").ToString(),
                detail: new UserText($"已有用户“{userName}”。", $"There is a user '{userName}' already.").ToString(),
                statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Created($"/api/admin/users/{id}", (await UserAccountStore.FindAsync(connection, id, cancellationToken))!);
    }

    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, UserChangeRequest request, ClaimsPrincipal caller, DistrictScope scope, Database dataSource, SessionStore sessions,
        RevokedSessions revoked, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var displayName = validation.Text("displayName", request.DisplayName, 100);
        if (request.Active is null)
            validation.Add("active", new("须填写：启用，或停用以禁止该用户登录。",
                "is required: true, or false to stop the user signing in."));
        else if (request.Active == false && id == CallerId(caller))
            validation.Add("active", new("不能停用自己的账户。", "You may not deactivate your own account."));
        if (request.Roles is not null || request.DistrictCode is not null)
            validation.Add("roles", new("角色和辖区由安全管理员修改。",
                "A security administrator changes roles and district scopes (PUT /api/admin/users/{id}/roles)."));
        if (!validation.IsValid)
            return validation.Problem();
        var outcome = await UpdateAsync(id, scope, dataSource, sessions, revoked, _ => null,
            (connection, transaction) =>
                UserAccountStore.SetStandingAsync(connection, transaction, id, displayName, request.Active!.Value, cancellationToken),
            cancellationToken);
        return Answer(outcome);
    }

    /// <summary>
    /// Passwords of administrators are theirs alone: resetting one would let a system administrator become them. The
    /// new password is temporary: it signs in without roles until the user has set their own.
    /// </summary>
    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem, ProblemHttpResult>> SetPasswordAsync(Guid id,
        PasswordRequest request, DistrictScope scope, Database dataSource, SessionStore sessions, RevokedSessions revoked,
        CancellationToken cancellationToken)
    {
        UserView? target;
        await using (var lookup = await dataSource.OpenAuditedAsync(cancellationToken))
            target = await UserAccountStore.FindAsync(lookup, id, cancellationToken);
        var validation = new Validation();
        var password = PasswordPolicy.Check(validation, "password", request.Password, target?.UserName);
        if (!validation.IsValid)
            return validation.Problem();
        var outcome = await UpdateAsync(id, scope, dataSource, sessions, revoked,
            user => user.Roles.Any(Roles.Administrators.Contains)
                ? new UserText("管理员账户的密码只能由本人修改。",
                    "An administrator's password is changed only by themselves (POST /api/auth/password).")
                : null,
            async (connection, transaction) =>
            {
                await UserAccountStore.SetPasswordAsync(
                    connection, transaction, id, Passwords.Hash(password), temporary: true, cancellationToken);
                await SignInAttemptStore.ClearAsync(connection, target!.UserName, cancellationToken);
            }, cancellationToken);
        return Answer(outcome);
    }

    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem, ProblemHttpResult>> GrantAsync(
        Guid id, GrantRequest request, ClaimsPrincipal caller, DistrictScope scope, Database dataSource, SessionStore sessions,
        RevokedSessions revoked, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var roles = Grant(validation, request.Roles);
        var district = District(validation, scope, request.DistrictCode);
        if (!validation.IsValid)
            return validation.Problem();
        var outcome = await UpdateAsync(id, scope, dataSource, sessions, revoked,
            user => user.Id == CallerId(caller)
                ? new UserText("不能修改自己的角色和辖区。", "You may not change your own roles and scope.")
                : null,
            (connection, transaction) => UserAccountStore.SetGrantAsync(connection, transaction, id, roles, district, cancellationToken),
            cancellationToken);
        return Answer(outcome);
    }

    private sealed record Outcome(UserView? User, UserText? Refusal);

    /// <summary>
    /// Runs <paramref name="update"/> on a user in the caller's scope, unless <paramref name="refuse"/> says why not, and
    /// ends the user's sessions in the same transaction. No user when there is no such user in scope.
    /// </summary>
    private static async Task<Outcome> UpdateAsync(
        Guid id, DistrictScope scope, Database dataSource, SessionStore sessions, RevokedSessions revoked,
        Func<UserView, UserText?> refuse, Func<NpgsqlConnection, NpgsqlTransaction, Task> update, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (await UserAccountStore.FindAsync(connection, id, cancellationToken) is not { } user || !scope.Covers(user.DistrictCode))
            return new Outcome(null, null);
        if (refuse(user) is { } refusal)
            return new Outcome(user, refusal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await update(connection, transaction);
        var ended = await sessions.RevokeAllAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        revoked.Add(ended);
        return new Outcome(await UserAccountStore.FindAsync(connection, id, cancellationToken), null);
    }

    private static Results<Ok<UserView>, NotFound, ValidationProblem, ProblemHttpResult> Answer(Outcome outcome) => outcome switch
    {
        { User: null } => TypedResults.NotFound(),
        { Refusal: { } refusal } =>
            TypedResults.Problem(title: new UserText("不允许此操作。", "This is not allowed.").ToString(),
                detail: refusal.ToString(),
                statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Ok(outcome.User),
    };

    private static Guid? CallerId(ClaimsPrincipal caller) => Guid.TryParse(caller.FindFirst("sub")?.Value, out var id) ? id : null;

    /// <summary>Known roles, none at all allowed, and an administrator role only alone.</summary>
    private static string[] Grant(Validation validation, string[]? roles)
    {
        if (roles is null)
            validation.Add("roles", new("须填写：可以为空，或从已有角色中选择。",
                $"is required: none, or some of {string.Join(", ", Roles.All)}."));
        else if (roles.FirstOrDefault(role => !Roles.All.Contains(role)) is { } unknown)
            validation.Add("roles", new($"“{unknown}”不是角色。", $"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}."));
        else if (Roles.Grantable(roles.Distinct().ToArray()) is { } why)
            validation.Add("roles", why);
        return roles?.Distinct().ToArray() ?? [];
    }

    /// <summary>A district inside the caller's own scope, and no wider than it.</summary>
    private static string District(Validation validation, DistrictScope scope, string? district)
    {
        if (!DistrictScope.IsCode(district))
            validation.Add("districtCode", new("须填写六位区划代码，例如红桥区 120106，全市 120000。",
                "is required: a six-digit code, e.g. 120106 for 红桥区 or 120000 for the whole city."));
        else if (!scope.Covers(district) || new DistrictScope(district!).Prefix.Length < scope.Prefix.Length)
            validation.Add("districtCode", new($"超出您的辖区（{scope.Code}）。", $"is outside your own scope ({scope.Code})."));
        return district ?? "";
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,49}$")]
    private static partial Regex UserName();
}
