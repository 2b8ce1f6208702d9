using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Data;

public sealed class TextRoundTripTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Emoji_and_four_byte_cjk_round_trip(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        const string name = "Zoë 🛠️ 𠜎 Ünïcode";
        using var db = database.Factory.Open();

        var id = db.InsertWithInt64Identity(new User
        {
            Username = "unicode",
            DisplayName = name,
            PasswordHash = "x",
            SecurityStamp = "s",
            TimeZone = "UTC",
            CreatedAt = DateTime.UtcNow,
        });
        var stored = db.Users.Single(u => u.Id == id).DisplayName;
        var found = db.Users.Count(u => u.DisplayName == name);

        Assert.Equal(name, stored);
        Assert.Equal(1, found);
    }
}
