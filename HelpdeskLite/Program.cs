using HelpdeskLite.Hosting;

// One executable: "admin ..." and "audit ..." run a command and exit; "--demo" serves demo data;
// anything else serves the web app.
try
{
    return args switch
    {
        ["admin", ..] => AdminCommand.Run(args[1..]),
        ["audit", ..] => HelpdeskLite.Audit.AuditCommand.Run(args[1..]),
        _ when HelpdeskLite.Demo.DemoStart.IsRequested(args) => await HelpdeskLite.Demo.DemoStart.RunAsync(args),
        _ => await HelpdeskApp.RunAsync(args),
    };
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync($"HelpdeskLite cannot start: {ex.Message}");
    return ex.ExitCode;
}
