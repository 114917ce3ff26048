namespace Platform.Gateway.Identity;

public sealed record NewUserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles, string? DistrictCode);

public sealed record UserChangeRequest(string? DisplayName, bool? Active, string[]? Roles, string? DistrictCode);

public sealed record GrantRequest(string[]? Roles, string? DistrictCode);

public sealed record PasswordRequest(string? Password);
