namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>A poll interval as the Quartz cron expression the hub schedules tasks with.</summary>
public static class PollSchedule
{
    /// <summary>Null when the interval cannot be said in cron: it must divide a minute or an hour evenly.</summary>
    public static string? Cron(TimeSpan interval)
    {
        if (interval.TotalSeconds is var seconds && seconds != Math.Floor(seconds))
        {
            return null;
        }

        var whole = (int)interval.TotalSeconds;
        return whole switch
        {
            >= 1 and <= 30 when 60 % whole == 0 => $"*/{whole} * * * * ?",
            >= 60 and <= 1800 when whole % 60 == 0 && 60 % (whole / 60) == 0 => $"0 */{whole / 60} * * * ?",
            3600 => "0 0 * * * ?",
            _ => null,
        };
    }
}
