using HelpdeskLite.Incidents;

namespace HelpdeskLite.Tests.Incidents;

public sealed class SeverityRuleTests
{
    [Theory]
    [InlineData(ImpactLevel.None, ImpactLevel.None, ImpactLevel.None, false, null, null, Severity.Low)]
    [InlineData(ImpactLevel.Low, ImpactLevel.None, ImpactLevel.Low, false, null, null, Severity.Low)]
    [InlineData(ImpactLevel.Moderate, ImpactLevel.Low, ImpactLevel.None, false, null, null, Severity.Medium)]
    [InlineData(ImpactLevel.None, ImpactLevel.High, ImpactLevel.Low, false, null, null, Severity.High)]
    [InlineData(ImpactLevel.High, ImpactLevel.High, ImpactLevel.None, false, null, null, Severity.Critical)]
    [InlineData(ImpactLevel.Low, ImpactLevel.None, ImpactLevel.None, true, null, null, Severity.Low)]
    [InlineData(ImpactLevel.Moderate, ImpactLevel.None, ImpactLevel.None, true, null, null, Severity.High)]
    [InlineData(ImpactLevel.High, ImpactLevel.None, ImpactLevel.None, true, null, null, Severity.Critical)]
    [InlineData(ImpactLevel.Low, ImpactLevel.None, ImpactLevel.None, false, 100, null, Severity.Medium)]
    [InlineData(ImpactLevel.Low, ImpactLevel.None, ImpactLevel.None, false, 99, 9, Severity.Low)]
    [InlineData(ImpactLevel.Moderate, ImpactLevel.None, ImpactLevel.None, true, null, 10, Severity.Critical)]
    [InlineData(ImpactLevel.High, ImpactLevel.High, ImpactLevel.High, true, 5000, 500, Severity.Critical)]
    public void Proposal_follows_documented_rule(
        ImpactLevel c, ImpactLevel i, ImpactLevel a, bool personal, int? users, int? systems, Severity expected)
    {
        var proposed = SeverityRule.Propose(c, i, a, personal, users, systems);

        Assert.Equal(expected, proposed);
    }
}
