using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway.Identity;

public sealed record NewUserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles, string? DistrictCode);

public sealed record UserChangeRequest(string? DisplayName, string[]? Roles, string? DistrictCode, bool? Active);

public sealed record PasswordRequest(string? Password);

/// <summary>
/// User accounts, for admins: list, create, change roles, district or standing, and set a new password. An admin
/// manages only users inside the admin's own district scope, and can grant no wider scope than that.
/// </summary>
public static partial class UsersApi
{
    public const int MinPasswordLength = 10;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(AccessRequirement.AdminPolicy);
        users.MapGet("/", async (DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok(await UserAccounts.ListAsync(connection, scope.Prefix, cancellationToken));
        });
        users.MapPost("/", CreateAsync);
        users.MapPut("/{id:guid}", ChangeAsync);
        users.MapPut("/{id:guid}/password", SetPasswordAsync);
        return app;
    }

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewUserRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var userName = validation.Text("userName", request.UserName, 50);
        if (userName is not null && !UserName().IsMatch(userName))
            validation.Add("userName", "may hold only lower-case letters, digits, '.', '_' and '-', starting with a letter.");
        var displayName = validation.Text("displayName", request.DisplayName, 100);
        var password = Password(validation, request.Password);
        var (roles, district) = Grant(validation, scope, request.Roles, request.DistrictCode);
        if (!validation.IsValid)
            return validation.Problem();

        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await UserAccounts.InsertAsync(connection, id, userName!, displayName!, roles!, district!, AuthApi.Hash(password!), cancellationToken))
            return TypedResults.Problem(title: "The user name is taken.", detail: $"There is a user '{userName}' already.", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Created($"/api/admin/users/{id}", (await UserAccounts.FindAsync(connection, id, cancellationToken))!);
    }

    private static async Task<Results<Ok<UserView>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, UserChangeRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var displayName = validation.Text("displayName", request.DisplayName, 100);
        var (roles, district) = Grant(validation, scope, request.Roles, request.DistrictCode);
        if (request.Active is null)
            validation.Add("active", "is required: true, or false to stop the user signing in.");
        if (!validation.IsValid)
            return validation.Problem();

        return await UpdateAsync(id, scope, dataSource, new CommandDefinition("""
            UPDATE users SET display_name = @displayName, roles = @roles, district_code = @district, active = @Active, updated_at = clock_timestamp()
            WHERE id = @id
            """, new { id, displayName, roles, district, request.Active }, cancellationToken: cancellationToken), cancellationToken) is { } changed
            ? TypedResults.Ok(changed)
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetPasswordAsync(
        Guid id, PasswordRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var password = Password(validation, request.Password);
        if (!validation.IsValid)
            return validation.Problem();
        return await UpdateAsync(id, scope, dataSource, new CommandDefinition(
            "UPDATE users SET password_hash = @hash, failed_sign_ins = 0, locked_until = NULL, updated_at = clock_timestamp() WHERE id = @id",
            new { id, hash = AuthApi.Hash(password!) }, cancellationToken: cancellationToken), cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.NoContent();
    }

    /// <summary>
    /// Runs <paramref name="update"/> on a user in the admin's scope and revokes the user's refresh tokens, so that the
    /// account starts afresh at the next sign-in. Null when there is no such user in scope.
    /// </summary>
    private static async Task<UserView?> UpdateAsync(Guid id, DistrictScope scope, Database dataSource, CommandDefinition update, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (await UserAccounts.FindAsync(connection, id, cancellationToken) is not { } user || !scope.Covers(user.DistrictCode))
            return null;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(update);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refresh_tokens SET revoked_at = clock_timestamp() WHERE user_id = @id AND revoked_at IS NULL",
            new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return await UserAccounts.FindAsync(connection, id, cancellationToken);
    }

    private static string? Password(Validation validation, string? password)
    {
        var checkedPassword = validation.Text("password", password, 200);
        if (checkedPassword is { Length: < MinPasswordLength })
            validation.Add("password", $"must be at least {MinPasswordLength} characters long.");
        return checkedPassword;
    }

    /// <summary>Known roles, at least one, and a district inside the admin's own scope.</summary>
    private static (string[]? Roles, string? District) Grant(Validation validation, DistrictScope scope, string[]? roles, string? district)
    {
        if (roles is not { Length: > 0 })
            validation.Add("roles", $"is required: one or more of {string.Join(", ", Roles.All)}.");
        else if (roles.FirstOrDefault(role => !Roles.All.Contains(role)) is { } unknown)
            validation.Add("roles", $"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}.");
        if (!DistrictScope.IsCode(district))
            validation.Add("districtCode", "is required: a six-digit code, e.g. 120106 for 红桥区 or 120000 for the whole city.");
        else if (!scope.Covers(district) || new DistrictScope(district!).Prefix.Length < scope.Prefix.Length)
            validation.Add("districtCode", $"is outside your own scope ({scope.Code}).");
        return (roles?.Distinct().ToArray(), district);
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,49}$")]
    private static partial Regex UserName();
}

