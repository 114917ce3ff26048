using System.Globalization;
using System.Text;
using Platform.BuildingBlocks.Http;

namespace Platform.Gateway.Identity;

/// <summary>
/// What a new password must be (docs/security.md, "Passwords"): at least 12 visible characters once normalised
/// (NFKC; spaces, zero-width and other invisible characters do not count) of which at least 6 differ, not a common
/// password (nor one repeated) with or without digits or symbols added, not one character or a short run repeated, not
/// a run of the alphabet, digits or keyboard, and not containing the user name. Applied when an administrator sets a
/// password and when users change their own.
/// </summary>
public static class PasswordPolicy
{
    public const int MinVisible = 12;
    public const int MinDistinct = 6;
    public const int MaxLength = 128;

    // Runs a password may not be a stretch of, read either way (1234567890 wraps round, as on the keyboard).
    private static readonly string[] Runs =
    [
        "0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p", "qazwsxedcrfvtgbyhnujmikolp",
    ];

    private static readonly HashSet<string> Common = LoadCommon();

    /// <summary>
    /// Everything wrong with <paramref name="password"/> for <paramref name="userName"/>; none when it may be used.
    /// </summary>
    public static IReadOnlyList<UserText> Problems(string password, string? userName)
    {
        var problems = new List<UserText>();
        if (password.Length > MaxLength)
            problems.Add(UserText.AtMost(MaxLength));
        var visible = Visible(password).ToLowerInvariant();
        if (new StringInfo(visible).LengthInTextElements < MinVisible)
            problems.Add(new($"至少需要 {MinVisible} 个可见字符（空格、零宽字符等不可见字符不计）。",
                $"needs at least {MinVisible} visible characters (spaces and zero-width characters do not count)."));
        if (Elements(visible).Distinct().Count() < MinDistinct)
            problems.Add(new($"至少需要 {MinDistinct} 个不同的字符（例如 aaaaaaaaaaab 只有 2 个）。",
                $"needs at least {MinDistinct} different characters (aaaaaaaaaaab has 2)."));
        if (IsRepeated(visible))
            problems.Add(new("不能是同一个字符或同一小段字符的重复（例如 aaaaaaaaaaaa、abcabcabcabc）。",
                "may not repeat one character or a short run of them (aaaaaaaaaaaa, abcabcabcabc)."));
        if (visible.Length > 0 && Runs.Any(run => run.Contains(visible) || Reversed(run).Contains(visible)))
            problems.Add(new("不能是连续的数字、字母或键盘序列（例如 1234567890、abcdefghij、qwertyuiop）。",
                "may not be a sequence of digits, letters or keys (1234567890, abcdefghij, qwertyuiop)."));
        if (userName is { Length: >= 3 } && visible.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
            problems.Add(new("不能包含用户名。", "may not contain the user name."));
        var bare = new[]
        {
            visible, visible.TrimEnd(DigitsAndSymbols), visible.TrimStart(DigitsAndSymbols), visible.Trim(DigitsAndSymbols),
        };
        if (bare.Any(Common.Contains) || IsCommonRepeated(visible))
            problems.Add(new("是常见密码，或由常见密码加数字、符号组成，容易被猜中。",
                "is a common password, or one with digits or symbols added, and easily guessed."));
        return problems;
    }

    /// <summary>
    /// Adds each problem of a new password to <paramref name="validation"/> under <paramref name="field"/>; never trims it.
    /// </summary>
    public static string Check(Validation validation, string field, string? password, string? userName)
    {
        foreach (var problem in string.IsNullOrEmpty(password) ? [UserText.Required] : Problems(password, userName))
            validation.Add(field, problem);
        return password ?? "";
    }

    /// <summary>
    /// The characters one can see: NFKC-normalised, without spaces, controls, format (zero-width) characters and lone marks.
    /// </summary>
    public static string Visible(string password)
    {
        var visible = new StringBuilder();
        foreach (var rune in password.Normalize(NormalizationForm.FormKC).EnumerateRunes())
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned) && !Rune.IsWhiteSpace(rune))
                visible.Append(rune.ToString());
        return visible.ToString();
    }

    // One character, or a run of up to four, repeated to the end (aaaa…, 1212…, abcabc…).
    private static bool IsRepeated(string text) =>
        Enumerable.Range(1, Math.Min(4, text.Length / 2))
            .Any(unit => Enumerable.Range(unit, text.Length - unit).All(i => text[i] == text[i - unit]));

    // One common password, once or repeated, in every stretch between digits and symbols (passwordpassword1, admin#admin).
    private static bool IsCommonRepeated(string text)
    {
        var words = text.Split(DigitsAndSymbols, StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        return words is [var word] && Enumerable.Range(1, word.Length).Any(unit => word.Length % unit == 0 && Common.Contains(word[..unit])
            && word == string.Concat(Enumerable.Repeat(word[..unit], word.Length / unit)));
    }

    private static IEnumerable<string> Elements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
            yield return elements.GetTextElement();
    }

    private static string Reversed(string text) => new(text.Reverse().ToArray());

    private static readonly char[] DigitsAndSymbols = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Platform.Gateway.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded in the gateway.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    }
}
