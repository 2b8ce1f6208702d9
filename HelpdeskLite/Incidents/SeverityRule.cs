namespace HelpdeskLite.Incidents;

/// <summary>
/// Proposes a severity from the impact assessment:
/// 1. Start from the highest of the confidentiality, integrity and availability impacts:
///    None or Low gives Low, Moderate gives Medium, High gives High.
/// 2. Two or more High impacts give Critical.
/// 3. Raise one level (at most to Critical) when personal data is involved and the highest
///    impact is at least Moderate.
/// 4. Raise one level (at most to Critical) when the scope is wide: at least
///    <see cref="WideScopeUsers"/> users or <see cref="WideScopeSystems"/> systems affected.
/// An officer can set another severity only with a written justification.
/// </summary>
public static class SeverityRule
{
    public const int WideScopeUsers = 100;
    public const int WideScopeSystems = 10;

    public const string Description =
        "Highest of C, I, A: None or Low gives Low, Moderate gives Medium, High gives High. "
        + "Two or more High impacts give Critical. One level more when personal data is involved and "
        + "the highest impact is at least Moderate, and one level more when at least 100 users or "
        + "10 systems are affected (never above Critical).";

    public static Severity Propose(
        ImpactLevel confidentiality,
        ImpactLevel integrity,
        ImpactLevel availability,
        bool personalData,
        int? usersAffected,
        int? systemsAffected)
    {
        ImpactLevel[] impacts = [confidentiality, integrity, availability];
        var highest = impacts.Max();
        if (impacts.Count(i => i == ImpactLevel.High) >= 2)
        {
            return Severity.Critical;
        }

        var severity = highest switch
        {
            ImpactLevel.High => Severity.High,
            ImpactLevel.Moderate => Severity.Medium,
            _ => Severity.Low,
        };
        if (personalData && highest >= ImpactLevel.Moderate)
        {
            severity = Raise(severity);
        }

        if (usersAffected >= WideScopeUsers || systemsAffected >= WideScopeSystems)
        {
            severity = Raise(severity);
        }

        return severity;
    }

    private static Severity Raise(Severity severity) =>
        severity == Severity.Critical ? Severity.Critical : severity + 1;
}
