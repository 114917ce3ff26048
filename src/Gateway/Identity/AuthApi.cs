using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;

namespace Platform.Gateway.Identity;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>A bearer access token for every API call, and the refresh token that buys the next one.</summary>
public sealed record SignedIn(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, UserView User);

/// <summary>
/// Sign-in with a user name and password, refresh (each refresh token works once and is replaced), and sign-out.
/// Five wrong passwords in a row lock the account for 15 minutes.
/// </summary>
public static class AuthApi
{
    private const int FailuresBeforeLock = 5;
    private static readonly TimeSpan LockTime = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<object> Hasher = new();
    // Verified against when the user does not exist, so that an unknown name costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new object(), Guid.NewGuid().ToString());

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync);
        auth.MapPost("/refresh", RefreshAsync);
        auth.MapPost("/sign-out", SignOutAsync);
        auth.MapGet("/me", (HttpContext context) => TypedResults.Ok(context.User.Claims.GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(c => c.Value).ToArray()))).RequireAuthorization();
        return app;
    }

    public static string Hash(string password) => Hasher.HashPassword(new object(), password);

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, Database dataSource, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var userName = validation.Text("userName", request.UserName, 50);
        var password = validation.Text("password", request.Password, 200);
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var user = await UserAccounts.FindByNameAsync(connection, userName!, cancellationToken);
        var verdict = Hasher.VerifyHashedPassword(new object(), user?.PasswordHash ?? DecoyHash, password!);
        if (user is null || !user.Active)
            return Refused();
        if (user.LockedUntil > DateTime.UtcNow)
            return Refused($"Too many wrong passwords: the account is locked until {user.LockedUntil:HH:mm} UTC.");
        if (verdict == PasswordVerificationResult.Failed)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
                    locked_until = CASE WHEN failed_sign_ins + 1 >= @FailuresBeforeLock THEN clock_timestamp() + @LockTime END
                WHERE id = @Id
                """, new { user.Id, FailuresBeforeLock, LockTime }, cancellationToken: cancellationToken));
            return Refused();
        }
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password!) : null;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce(@rehash, password_hash) WHERE id = @Id",
            new { user.Id, rehash }, cancellationToken: cancellationToken));
        return TypedResults.Ok(await IssueAsync(connection, issuer, user, cancellationToken));
    }

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, Database dataSource, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var token = validation.Text("refreshToken", request.RefreshToken, 200);
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        // Taken once: the UPDATE revokes it, so a second use (a stolen copy) finds nothing.
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("""
            UPDATE refresh_tokens SET revoked_at = clock_timestamp()
            WHERE token_hash = @hash AND revoked_at IS NULL AND expires_at > clock_timestamp()
            RETURNING user_id
            """, new { hash = TokenIssuer.HashOf(token!) }, cancellationToken: cancellationToken));
        var user = userId is null ? null : await UserAccounts.FindAccountAsync(connection, userId.Value, cancellationToken);
        if (user is not { Active: true })
            return TypedResults.Problem(title: "The refresh token is not valid.", detail: "Sign in again.", statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.Ok(await IssueAsync(connection, issuer, user, cancellationToken));
    }

    private static async Task<NoContent> SignOutAsync(RefreshRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        if (request.RefreshToken is { Length: > 0 and <= 200 } token)
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE refresh_tokens SET revoked_at = clock_timestamp() WHERE token_hash = @hash AND revoked_at IS NULL",
                new { hash = TokenIssuer.HashOf(token) }, cancellationToken: cancellationToken));
        }
        return TypedResults.NoContent();
    }

    private static async Task<SignedIn> IssueAsync(NpgsqlConnection connection, TokenIssuer issuer, UserAccount user, CancellationToken cancellationToken)
    {
        var (refreshToken, hash) = TokenIssuer.RefreshToken();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES (@hash, @Id, clock_timestamp() + @lifetime)",
            new { hash, user.Id, lifetime = issuer.RefreshTokenLifetime }, cancellationToken: cancellationToken));
        return new SignedIn(issuer.AccessToken(user), "Bearer", (int)issuer.AccessTokenLifetime.TotalSeconds, refreshToken, user.View with { LockedUntil = null });
    }

    private static ProblemHttpResult Refused(string detail = "The user name or the password is wrong.") =>
        TypedResults.Problem(title: "Sign-in refused.", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
