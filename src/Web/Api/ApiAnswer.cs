namespace Platform.Web.Api;

/// <summary>An answer from a service: its value, or the status and the problem's words to show.</summary>
public sealed record ApiAnswer<T>(T? Value, int Status, string? Problem) where T : class;
