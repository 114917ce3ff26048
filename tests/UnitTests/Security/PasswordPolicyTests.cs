using Platform.Gateway.Identity;

namespace Platform.UnitTests.Security;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("1234567890")]
    [InlineData("123456789012")]
    [InlineData("0987654321098")]
    [InlineData("abcdefghijklm")]
    [InlineData("ZYXWVUTSRQPONM")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("abcabcabcabcabc")]
    [InlineData("121212121212")]
    [InlineData("password1234")]
    [InlineData("Admin@2026!!!!")]
    [InlineData("1qaz2wsx!!2026")]
    [InlineData("woaini1314520")]
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B")]
    [InlineData("\u200Bab\u200Bcd\u200B \u3000\t\u00A0ef")]
    [InlineData("            ")]
    public void Refuses_short_trivial_and_common_passwords(string password) =>
        Assert.NotEmpty(PasswordPolicy.Problems(password, "zhang.wei"));

    [Theory]
    [InlineData("zhang.wei-2026-口令")]
    [InlineData("my ZHANG.WEI password")]
    public void Refuses_a_password_containing_the_user_name(string password) =>
        Assert.Contains(PasswordPolicy.Problems(password, "zhang.wei"), problem => problem.Zh == "不能包含用户名。");

    [Theory]
    [InlineData("红桥-测试口令-2026")]
    [InlineData("correct horse battery staple")]
    [InlineData("Tianjin-校建-Q3-review")]
    [InlineData("ｆｕｌｌｗｉｄｔｈ－ｏｋ－９")] // NFKC folds full-width letters; they are visible
    public void Accepts_a_long_uncommon_password(string password) =>
        Assert.Empty(PasswordPolicy.Problems(password, "zhang.wei"));

    [Theory]
    [InlineData("aaaaaaaaaaab", "至少需要 6 个不同的字符")]
    [InlineData("ababababcdcd1", "至少需要 6 个不同的字符")]
    [InlineData("passwordpassword1", "常见密码")]
    [InlineData("2026#admin#admin!", "常见密码")]
    [InlineData("woainiwoainiwoaini", "常见密码")]
    [InlineData("platform-demo", "常见密码")]
    public void Refuses_few_distinct_characters_common_passwords_repeated_and_the_demo_password(string password, string problem) =>
        Assert.Contains(PasswordPolicy.Problems(password, "zhang.wei"), found => found.Zh.Contains(problem));

    [Fact]
    public void Counts_only_visible_characters()
    {
        Assert.Equal("abc", PasswordPolicy.Visible("\u0301\u200Ba b\u00A0\u3000c\uFEFF"));
        Assert.Contains(PasswordPolicy.Problems("\u200Babcdef\u200Bghi\u200B", null), problem => problem.Zh.Contains("12 个可见字符"));
    }

    [Fact]
    public void Every_problem_is_in_chinese_and_in_english() =>
        Assert.All(PasswordPolicy.Problems("aaaa", "aaaa"), problem =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Zh);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", problem.En);
        });
}
