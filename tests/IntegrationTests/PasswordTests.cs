using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>The password policy wherever a password is set, and users changing their own.</summary>
[Collection(SuiteCollection.Name)]
public partial class PasswordTests(SuiteFixture suite)
{
    public static TheoryData<string, string> Weak => new()
    {
        { "aaaaaaaaaa", "one character" },
        { "aaaaaaaaaaaaaaaa", "one character, long enough" },
        { "1234567890", "digits in a row" },
        { "12345678901234", "digits in a row, long enough" },
        { "abcdefghijklmn", "letters in a row" },
        { "password1234", "a common password with digits" },
        { "{user}-2026-春天", "the user's name" },
        { new string('\u200B', 10), "ten zero-width spaces" },
        { "\u200B\u200C\u200D\uFEFF" + new string(' ', 8) + "ab", "invisible characters around two letters" },
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task A_weak_password_is_refused_wherever_it_is_set_naming_the_field_in_chinese(string password, string why)
    {
        var (id, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        password = password.Replace("{user}", userName);
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        using var user = await suite.SignedInAsync(userName);

        var created = await sysadmin.PostAsJsonAsync("/api/admin/users",
            new
            {
                userName = $"w{Guid.NewGuid():N}"[..16], displayName = "弱口令", password = password.Replace(userName, "wuser"),
                districtCode = "120106"
            });
        var reset = await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}/password", new { password });
        var changed = await user.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = Accounts.Password, newPassword = password });

        if (!password.Contains(userName)) // a user name is only someone's own when it is theirs
            await AssertRefusedAsync(created, "password", why);
        await AssertRefusedAsync(reset, "password", why);
        await AssertRefusedAsync(changed, "newPassword", why);
        await user.SignInAsync(userName); // nothing changed
    }

    [Fact]
    public async Task Users_change_their_own_password_knowing_the_current_one()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var gateway = await suite.SignedInAsync(userName);

        const string next = "新的口令-Hongqiao-7";
        var wrongCurrent = await gateway.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = "not-my-password", newPassword = next });
        await AssertRefusedAsync(wrongCurrent, "currentPassword", "a wrong current password");
        var same = await gateway.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = Accounts.Password, newPassword = Accounts.Password });
        await AssertRefusedAsync(same, "newPassword", "the same password again");
        Assert.Equal(HttpStatusCode.NoContent,
            (await gateway.PostAsJsonAsync("/api/auth/password",
                new { currentPassword = Accounts.Password, newPassword = next })).StatusCode);

        gateway.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.TrySignInAsync(userName, Accounts.Password)).StatusCode);
        await gateway.SignInAsync(userName, next);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string why)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} for {field}");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{why}: no error on {field} but {errors}");
        Assert.Contains(messages.EnumerateArray(), message => Chinese().IsMatch(message.GetString()!));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
