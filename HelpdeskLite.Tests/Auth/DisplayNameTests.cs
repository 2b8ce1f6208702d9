using System.Net;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Auth;

public sealed class DisplayNameTests
{
    public static TheoryData<string> HiddenCharacters => new(
        "Jordan\u202ELee", "Jordan\u200BLee", "Jordan\u2066Lee\u2069", "\uFEFFJordan Lee", "Jordan\u2028Lee", "Jordan\u0007Lee",
        "Ivy Support\U000E0001", "Ivy\U0001D173 Support", "Ivy\uE000 Support", "Ivy \u200D Support", "Ivy\u3164Support");

    [Theory, MemberData(nameof(HiddenCharacters))]
    public void Hidden_characters_are_rejected(string name)
    {
        Assert.Contains("invisible or text-direction", DisplayNames.Check(name));
    }

    [Theory]
    [InlineData("Jordan Lee")]
    [InlineData("  Zoë O'Brien-Müller ")]
    [InlineData("李小龍")]
    [InlineData("محمد علي")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("क्\u200Dष")]
    [InlineData("Ana \U0001F469\u200D\U0001F4BB")]
    public void Ordinary_names_pass(string name)
    {
        Assert.Null(DisplayNames.Check(name));
    }

    [Theory]
    [InlineData("\u3164")]
    [InlineData("\u2800")]
    [InlineData("...")]
    public void Blank_looking_names_are_rejected(string name)
    {
        Assert.NotNull(DisplayNames.Check(name));
    }

    [Fact]
    public void Empty_and_overlong_names_are_rejected()
    {
        Assert.NotNull(DisplayNames.Check("   "));
        Assert.NotNull(DisplayNames.Check(new string('a', DisplayNames.MaxLength + 1)));
        Assert.Null(DisplayNames.Check(new string('a', DisplayNames.MaxLength)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Profile_rejects_right_to_left_override(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);

        var response = await client.PostFormAsync("/profile", new()
        {
            ["DisplayName"] = "Jordan\u202ELee",
            ["TimeZone"] = "UTC",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text-direction", await response.Content.ReadAsStringAsync());
        using var db = app.Db.Open();
        Assert.Equal(user.DisplayName, db.Users.Single(u => u.Id == user.Id).DisplayName);
    }
}
