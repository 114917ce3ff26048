using System.Globalization;

namespace Platform.Web.Text;

/// <summary>A number over (+) or under (−) what is needed, as every table shows it, and the colour of its cell.</summary>
public static class Signed
{
    public static string? Text(int? balance) => balance?.ToString("+#,##0;−#,##0;0", CultureInfo.CurrentCulture);

    public static string? Tone(int? balance) => balance < 0 ? "shortfall" : balance > 0 ? "surplus" : null;
}
