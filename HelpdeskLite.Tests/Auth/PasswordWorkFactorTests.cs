using System.Buffers.Binary;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Auth;

/// <summary>
/// The other tests lower the hash work factor to keep the suite fast; these check what the
/// product itself stores.
/// </summary>
public sealed class PasswordWorkFactorTests
{
    [Fact]
    public async Task Product_uses_100000_iterations()
    {
        using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = HelpdeskApp.Build([
            $"--Helpdesk:DataFolder={database.Folder}",
            $"--ConnectionStrings:Helpdesk={database.ConnectionString}",
        ]);

        var hash = app.Services.GetRequiredService<PasswordHasher<User>>().HashPassword(new User(), TestApp.DefaultPassword);

        Assert.Equal(100_000, Iterations(hash));
    }

    [Fact]
    public async Task Test_apps_use_lowered_work_factor()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var user = app.CreateUser(Role.User);
        using var client = await app.SignInAsync(user.Username);

        using var db = app.Db.Open();
        var stored = db.GetTable<User>().Single(u => u.Id == user.Id).PasswordHash;
        Assert.Equal(TestApp.HashIterations, Iterations(stored));
    }

    /// <summary>Reads the iteration count from Identity's version 3 hash layout.</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
