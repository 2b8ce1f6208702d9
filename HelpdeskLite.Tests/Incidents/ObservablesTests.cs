using HelpdeskLite.Incidents;

namespace HelpdeskLite.Tests.Incidents;

public sealed class ObservablesTests
{
    [Theory]
    [InlineData(ObservableKind.Url, "https://evil.example.com/login", "hxxps://evil[.]example[.]com/login")]
    [InlineData(ObservableKind.Url, "http://a.example/x", "hxxp://a[.]example/x")]
    [InlineData(ObservableKind.Url, "ftp://a.example/x", "ftp[://]a[.]example/x")]
    [InlineData(ObservableKind.Domain, "example.com", "example[.]com")]
    [InlineData(ObservableKind.IpAddress, "192.0.2.7", "192[.]0[.]2[.]7")]
    [InlineData(ObservableKind.Email, "boss@example.com", "boss[@]example[.]com")]
    [InlineData(ObservableKind.FileName, "invoice.pdf.exe", "invoice.pdf.exe")]
    public void Values_are_defanged(ObservableKind kind, string value, string expected)
    {
        var shown = Observables.Defang(kind, value);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Defanged_input_normalizes_to_live_value()
    {
        var (normalized, error) = Observables.Normalize(ObservableKind.Domain, "Evil[.]Example[.]COM");

        Assert.Null(error);
        Assert.Equal("evil.example.com", normalized);
    }

    [Theory]
    [InlineData(ObservableKind.IpAddress, "999.1.1.1")]
    [InlineData(ObservableKind.Domain, "not a domain")]
    [InlineData(ObservableKind.Url, "/relative/path")]
    [InlineData(ObservableKind.Email, "nobody")]
    [InlineData(ObservableKind.FileHash, "abc123")]
    [InlineData(ObservableKind.Account, "  ")]
    public void Wrong_kind_of_value_is_rejected(ObservableKind kind, string value)
    {
        var (normalized, error) = Observables.Normalize(kind, value);

        Assert.Null(normalized);
        Assert.NotNull(error);
    }
}
