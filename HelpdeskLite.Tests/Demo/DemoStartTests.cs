using HelpdeskLite.Demo;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Configuration;

namespace HelpdeskLite.Tests.Demo;

public sealed class DemoStartTests
{
    private readonly string workingFolder = Path.Combine(Path.GetTempPath(), "hdl-demo-arguments");

    [Fact]
    public void Demo_folder_equal_to_data_folder_is_rejected()
    {
        string[] args = ["--demo", "--Helpdesk:DataFolder=same", "--Demo:Folder=same/"];

        var error = Assert.Throws<StartupException>(() => DemoStart.Arguments(args, workingFolder));

        Assert.Contains("overlaps the data folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, error.ExitCode);
    }

    [Fact]
    public void Demo_folder_inside_data_folder_is_rejected()
    {
        string[] args = ["--demo", "--Helpdesk:DataFolder=data", "--Demo:Folder=data/demo"];

        Assert.Throws<StartupException>(() => DemoStart.Arguments(args, workingFolder));
    }

    [Fact]
    public void Demo_replaces_database_folder_and_key_settings()
    {
        string[] args =
        [
            "--Database:Provider=MySql", "--ConnectionStrings:Helpdesk=Server=db.example.internal", "--demo",
            "--Attachments:Folder=/srv/files", "--Audit:KeyFile=/srv/audit.keys", "--Auth:SigningKey=abc",
        ];

        var demoArgs = DemoStart.Arguments(args, workingFolder);

        var settings = new ConfigurationBuilder().AddCommandLine(demoArgs).Build();
        Assert.DoesNotContain(DemoStart.Switch, demoArgs);
        Assert.Equal(Path.Combine(workingFolder, "demo-data"), settings["Helpdesk:DataFolder"]);
        Assert.Equal("Sqlite", settings["Database:Provider"]);
        Assert.Equal("", settings["ConnectionStrings:Helpdesk"]);
        Assert.Equal("", settings["Attachments:Folder"]);
        Assert.Equal("", settings["Audit:KeyFile"]);
        Assert.Equal("", settings["Auth:SigningKey"]);
        Assert.Equal("true", settings["Demo:Enabled"]);
    }
}
