using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Gateway.Identity;

/// <summary>What signing in needs of a user.</summary>
public sealed record UserAccount
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string[] Roles { get; init; } = [];
    public string DistrictCode { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public bool Active { get; init; }
    public DateTime? LockedUntil { get; init; }
    public bool MustChangePassword { get; init; }

    /// <summary>The roles its tokens carry: none while the password is an administrator's.</summary>
    public string[] GrantedRoles => MustChangePassword ? [] : Roles;

    public UserView View => new()
    {
        Id = Id, UserName = UserName, DisplayName = DisplayName, Roles = Roles, DistrictCode = DistrictCode, Active = Active,
        LockedUntil = LockedUntil, MustChangePassword = MustChangePassword,
    };
}

public static class UserAccountStore
{
    // Locked: the latest lock on the user name, from any address (sign_in_attempts).
    private const string ViewColumns = """
        id, user_name AS UserName, display_name AS DisplayName, roles, district_code AS DistrictCode, active,
        must_change_password AS MustChangePassword,
        (SELECT max(locked_until) FROM sign_in_attempts a
            WHERE a.user_name = users.user_name AND locked_until > clock_timestamp()) AS LockedUntil
        """;
    private const string AccountColumns = ViewColumns + ", password_hash AS PasswordHash";

    public static async Task<IReadOnlyList<UserView>> ListAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        (await connection.ListAsync<UserView>($"""
            SELECT {ViewColumns}
            FROM users
            WHERE starts_with(district_code, @scopePrefix)
            ORDER BY user_name
            """, new { scopePrefix }, cancellationToken)).ToList();

    public static Task<UserView?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<UserView>($"""
            SELECT {ViewColumns}
            FROM users
            WHERE id = @id
            """, new { id }, cancellationToken);

    public static Task<UserAccount?> FindByNameAsync(NpgsqlConnection connection, string userName, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<UserAccount>($"""
            SELECT {AccountColumns}
            FROM users
            WHERE user_name = @userName
            """, new { userName }, cancellationToken);

    public static Task<UserAccount?> FindAccountAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<UserAccount>($"""
            SELECT {AccountColumns}
            FROM users
            WHERE id = @id
            """, new { id }, cancellationToken);

    public static Task RehashAsync(
        NpgsqlConnection connection, Guid id, string oldHash, string newHash, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            UPDATE users
            SET password_hash = @newHash
            WHERE id = @id AND password_hash = @oldHash
            """, new { id, oldHash, newHash }, cancellationToken);

    /// <param name="temporary">set by an administrator: the user must change it before their roles count.</param>
    public static Task SetPasswordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string hash, bool temporary,
        CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE users
            SET password_hash = @hash, must_change_password = @temporary, updated_at = clock_timestamp()
            WHERE id = @id
            """, new { id, hash, temporary }, cancellationToken);

    public static Task SetStandingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string displayName, bool active,
        CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE users
            SET display_name = @displayName, active = @active, updated_at = clock_timestamp()
            WHERE id = @id
            """, new { id, displayName, active }, cancellationToken);

    public static Task SetGrantAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string[] roles, string districtCode,
        CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE users
            SET roles = @roles, district_code = @districtCode, updated_at = clock_timestamp()
            WHERE id = @id
            """, new { id, roles, districtCode }, cancellationToken);

    /// <param name="temporary">the password was set by an administrator (see <see cref="SetPasswordAsync"/>).</param>
    /// <returns>false when the user name is taken.</returns>
    public static async Task<bool> InsertAsync(NpgsqlConnection connection, Guid id, string userName, string displayName, string[] roles,
        string districtCode, string passwordHash, bool temporary, CancellationToken cancellationToken) =>
        await connection.WriteAsync("""
            INSERT INTO users (id, user_name, display_name, roles, district_code, password_hash, must_change_password)
            VALUES (@id, @userName, @displayName, @roles, @districtCode, @passwordHash, @temporary)
            ON CONFLICT (user_name) DO NOTHING
            """, new { id, userName, displayName, roles, districtCode, passwordHash, temporary }, cancellationToken) == 1;
}
