using Microsoft.AspNetCore.Identity;

namespace Platform.Gateway.Identity;

/// <summary>Password hashes (ASP.NET Core's PBKDF2), and checks that cost the same whether or not there is a user.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<object> Hasher = new();
    // Checked when there is no hash to check against, so that every refusal costs one verification.
    private static readonly string DecoyHash = Hasher.HashPassword(new object(), Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(new object(), password);

    /// <summary>Runs one verification, against the decoy when <paramref name="hash"/> is null (which never matches).</summary>
    public static PasswordVerificationResult Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(new object(), hash ?? DecoyHash, password);
        return hash is null ? PasswordVerificationResult.Failed : result;
    }
}
