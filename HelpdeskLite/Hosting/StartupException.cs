namespace HelpdeskLite.Hosting;

/// <summary>A problem that stops the product from starting, with a message for the operator.</summary>
public sealed class StartupException(string message, int exitCode, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
