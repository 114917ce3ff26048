namespace Platform.Gateway.Identity;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
