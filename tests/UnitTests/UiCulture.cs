using System.Globalization;

namespace Platform.UnitTests;

/// <summary>A user's language for the length of a test, as a request's would be, put back afterwards.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo before = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = before;
}
