using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Words a user reads (a validation message, a refusal, a problem's title) in Simplified Chinese and English. They
/// show in the request's language: Chinese unless the client asked for English in Accept-Language, as the web UI does
/// under its switch. Messages are built from this type only, so none can be written in one language alone.
/// </summary>
public sealed record UserText(string Zh, string En)
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public override string ToString() => IsEnglish ? En : Zh;

    /// <summary>A sentence followed by another, such as advice after a problem.</summary>
    public static UserText operator +(UserText first, UserText then) => new(first.Zh + then.Zh, first.En + " " + then.En);

    public static readonly UserText Required = new("必须填写。", "is required.");

    public static UserText Between(object minimum, object maximum) =>
        new($"须在 {minimum} 到 {maximum} 之间。", $"must be between {minimum} and {maximum}.");

    public static UserText AtMost(int characters) =>
        new($"不能超过 {characters} 个字。", $"must be at most {characters} characters.");

    /// <summary>
    /// The request's language from Accept-Language, for its messages only: formats and sorting stay invariant, so
    /// an answer's numbers and order are the same in either language.
    /// </summary>
    public static RequestLocalizationOptions Languages() => new()
    {
        DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("zh-CN")),
        SupportedCultures = [CultureInfo.InvariantCulture],
        // Any Chinese the client prefers (zh, zh-Hans, zh-TW) reads Chinese; English only when it prefers English.
        SupportedUICultures = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("zh"), CultureInfo.GetCultureInfo("en")],
        RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
    };
}
