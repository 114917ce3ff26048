using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Gateway.Identity;

/// <summary>
/// Sign-in with a user name and password (<see cref="SignInThrottle"/> limits the guesses per name,
/// <see cref="SignInLimits"/> per address and in all), refresh (each refresh token works once and is replaced),
/// sign-out, users changing their own password, and the feed of ended sessions every host reads (docs/security.md,
/// "Sign-in").
/// </summary>
public static class AuthApi
{
    private const int MaxPasswordLength = PasswordPolicy.MaxLength;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).WithMetadata(SignInLimits.Metadata)
            .Describe("登录", "Signs a user in with name and password: an access token and a refresh token.");
        // Not held to SignInLimits: a refresh token cannot be guessed, costs no password check, and the web UI refreshes
        // every user's from its own address.
        auth.MapPost("/refresh", RefreshAsync)
            .Describe("续期", "A new access token for a refresh token, which is used up and replaced.");
        auth.MapPost("/sign-out", SignOutAsync)
            .Describe("退出登录", "Ends the session of a refresh token; every service refuses its tokens from then on.");
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization().WithMetadata(SignInLimits.Metadata)
            .Describe("修改密码", "The signed-in user changes their password, giving the current one.");
        // Lists only ids of sessions that have ended, which open nothing: every host reads it, before anyone signs in.
        auth.MapGet("/revocations", RevocationsAsync)
            .Describe("已结束的会话", "The ids of sessions ended since a time, which every service reads to refuse their tokens.");
        auth.MapGet("/me", CurrentUser).RequireAuthorization()
            .Describe("当前用户", "The signed-in user's claims: name, roles and district scope.");
        return app;
    }

    private static async Task<Ok<RevocationPage>> RevocationsAsync(
        DateTimeOffset? since, Database dataSource, SessionStore sessions, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await sessions.RevokedSinceAsync(connection, since?.UtcDateTime, cancellationToken));
    }

    private static Ok<Dictionary<string, object>> CurrentUser(HttpContext context) =>
        TypedResults.Ok(context.User.Claims.GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(c => c.Value).ToArray()));

    /// <summary>
    /// One answer for every refusal: unknown user, wrong password, locked, inactive. Each costs one password
    /// verification (against a decoy hash when there is nothing to check), so neither the answer nor its time tells them apart.
    /// </summary>
    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, Database dataSource, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var userName = validation.Text("userName", request.UserName, 50);
        var password = Secret(validation, "password", request.Password);
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var user = await UserAccountStore.FindByNameAsync(connection, userName, cancellationToken);
        var checkable = await SignInAttemptStore.BeginAsync(connection, userName, Address(http), cancellationToken);
        var account = checkable && user is { Active: true } ? user : null;
        var verdict = Passwords.Verify(account?.PasswordHash, password);
        if (account is null || verdict == PasswordVerificationResult.Failed)
            return Refused();
        await SignInAttemptStore.SucceededAsync(connection, userName, Address(http), cancellationToken);
        if (await SessionStore.StartAsync(connection, account.Id, account.PasswordHash, cancellationToken) is not { } sessionId)
            return Refused();
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await UserAccountStore.RehashAsync(connection, account.Id, account.PasswordHash, Passwords.Hash(password), cancellationToken);
        return TypedResults.Ok(await IssueAsync(connection, issuer, account, sessionId, cancellationToken));
    }

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, Database dataSource, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var token = validation.Text("refreshToken", request.RefreshToken, 200);
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var owner = await RefreshTokenStore.TakeAsync(connection, TokenIssuer.HashOf(token), cancellationToken);
        var user = owner is null ? null : await UserAccountStore.FindAccountAsync(connection, owner.UserId, cancellationToken);
        if (user is not { Active: true })
            return TypedResults.Problem(
                title: new UserText("刷新令牌无效。", "The refresh token is not valid.").ToString(),
                detail: new UserText("请重新登录。", "Sign in again.").ToString(), statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.Ok(await IssueAsync(connection, issuer, user, owner!.SessionId, cancellationToken));
    }

    /// <summary>
    /// Ends the session of the refresh token in the body and of the bearer token, if any. JSON bodies only: another
    /// site's form cannot post one (415), and a script of another origin is stopped by CORS before it could.
    /// </summary>
    private static async Task<NoContent> SignOutAsync(RefreshRequest request, HttpContext http, Database dataSource, SessionStore sessions,
        RevokedSessions revoked, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var ended = new List<Guid>();
        if (request.RefreshToken is { Length: > 0 and <= 200 } token
            && await RefreshTokenStore.SessionOfAsync(connection, TokenIssuer.HashOf(token), cancellationToken) is { } fromRefresh)
            ended.Add(fromRefresh);
        if (Guid.TryParse(http.User.FindFirst(RevokedSessions.ClaimType)?.Value, out var fromBearer))
            ended.Add(fromBearer);
        foreach (var sid in ended.Distinct())
            revoked.Add(await sessions.RevokeAsync(connection, sid, cancellationToken));
        return TypedResults.NoContent();
    }

    /// <summary>A user's own new password: the current one must be right (counted like a sign-in); every session ends.</summary>
    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(PasswordChangeRequest request, HttpContext http,
        Database dataSource, SessionStore sessions, RevokedSessions revoked, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var user = Guid.TryParse(http.User.FindFirst("sub")?.Value, out var id)
            ? await UserAccountStore.FindAccountAsync(connection, id, cancellationToken)
            : null;
        var validation = new Validation();
        var current = Secret(validation, "currentPassword", request.CurrentPassword);
        var next = PasswordPolicy.Check(validation, "newPassword", request.NewPassword, user?.UserName ?? http.User.Identity?.Name);
        if (validation.IsValid && next == current)
            validation.Add("newPassword", new("不能与当前密码相同。", "may not be the current password."));
        if (!validation.IsValid)
            return validation.Problem();

        var userName = user?.UserName ?? http.User.Identity?.Name ?? "";
        var checkable = await SignInAttemptStore.BeginAsync(connection, userName, Address(http), cancellationToken);
        var account = checkable && user is { Active: true } ? user : null;
        if (account is null || Passwords.Verify(account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            validation.Add("currentPassword", new("当前密码不正确，或错误次数过多已暂时锁定。",
                "is not the current password, or too many wrong ones locked it for a while."));
            return validation.Problem();
        }
        await SignInAttemptStore.SucceededAsync(connection, userName, Address(http), cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UserAccountStore.SetPasswordAsync(
            connection, transaction, account.Id, Passwords.Hash(next), temporary: false, cancellationToken);
        var ended = await sessions.RevokeAllAsync(connection, transaction, account.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        revoked.Add(ended);
        return TypedResults.NoContent();
    }

    private static async Task<SignedIn> IssueAsync(NpgsqlConnection connection, TokenIssuer issuer, UserAccount user, Guid sessionId,
        CancellationToken cancellationToken)
    {
        var (refreshToken, hash) = TokenIssuer.RefreshToken();
        await RefreshTokenStore.AddAsync(connection, hash, user.Id, sessionId, issuer.RefreshTokenLifetime, cancellationToken);
        return new SignedIn(issuer.AccessToken(user, sessionId), "Bearer", (int)issuer.AccessTokenLifetime.TotalSeconds, refreshToken,
            sessionId, user.View with { Roles = user.GrantedRoles, LockedUntil = null }, user.MustChangePassword);
    }

    /// <summary>A password as typed: required, never trimmed.</summary>
    private static string Secret(Validation validation, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            validation.Add(field, UserText.Required);
        else if (value.Length > MaxPasswordLength)
            validation.Add(field, UserText.AtMost(MaxPasswordLength));
        return value ?? "";
    }

    /// <summary>The client's address; behind a trusted proxy (the web UI, a TLS terminator) the one it forwarded.</summary>
    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ProblemHttpResult Refused() => TypedResults.Problem(
        title: new UserText("登录失败。", "Sign-in failed.").ToString(),
        detail: new UserText("用户名或密码不正确，或该账户暂时不能登录。请稍后再试，或联系系统管理员。",
            "The user name or password is wrong, or the account cannot sign in just now. Try again later, "
            + "or ask your system administrator.").ToString(),
        statusCode: StatusCodes.Status401Unauthorized);
}
