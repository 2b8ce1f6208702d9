namespace HelpdeskLite.Demo;

/// <summary>The state one scripted record carries from step to step.</summary>
internal sealed class DemoScript
{
    public long Number { get; set; }

    public long IncidentId { get; set; }

    /// <summary>Set when a step could not run, so the record keeps the state it reached.</summary>
    public bool Stopped { get; set; }
}

/// <summary>
/// Steps of many records, played in time order with the clock set to each step's time, so the
/// audit chain and every record's history advance together as in real use.
/// </summary>
internal sealed class DemoSchedule(DemoClock clock)
{
    private readonly List<(DateTimeOffset At, int Order, DemoScript Script, Func<DemoScript, Task<bool>> Step)> steps = [];

    public void Add(DateTimeOffset at, DemoScript script, Func<DemoScript, Task<bool>> step) =>
        steps.Add((at, steps.Count, script, step));

    public void Add(DateTimeOffset at, DemoScript script, Func<DemoScript, bool> step) =>
        Add(at, script, s => Task.FromResult(step(s)));

    /// <summary>Runs every step up to <paramref name="end"/>; returns how many stopped early.</summary>
    public async Task<int> PlayAsync(DateTimeOffset end)
    {
        var stopped = 0;
        foreach (var (at, _, script, step) in steps.Where(s => s.At <= end).OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            if (script.Stopped)
            {
                continue;
            }

            clock.Now = at;
            if (!await step(script))
            {
                script.Stopped = true;
                stopped++;
            }
        }

        clock.Now = end;
        return stopped;
    }
}
