using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Settings;

namespace HelpDesk.Domain.Sla;

/// <summary>Checks a business calendar before it is saved, naming the part at fault as the API spells it.</summary>
public static class CalendarCheck
{
    public static Rejection? Check(BusinessCalendar calendar)
    {
        if ((SettingsInput.Id("id", calendar.Id) ?? SettingsInput.Name("name", calendar.Name)) is { } setting)
        {
            return setting;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZoneId ?? "", out _))
        {
            return Rejection.Invalid("timeZone", $"'{calendar.TimeZoneId}' is not a known IANA time zone (such as Europe/Berlin).");
        }

        if (calendar.Shifts.Count == 0)
        {
            return Rejection.Invalid("shifts", "A calendar needs at least one working shift.");
        }

        for (var i = 0; i < calendar.Shifts.Count; i++)
        {
            var shift = calendar.Shifts[i];
            if (shift.StartOffset >= shift.EndOffset)
            {
                return Rejection.Invalid($"shifts[{i}]", $"A shift starts before it ends ({shift.Start:HH\\:mm}–{shift.End:HH\\:mm}); 00:00 as the end means midnight.");
            }

            if (calendar.Shifts.Take(i).Any(other => other.Day == shift.Day && other.StartOffset < shift.EndOffset && shift.StartOffset < other.EndOffset))
            {
                return Rejection.Invalid($"shifts[{i}]", $"This shift overlaps another on {shift.Day}.");
            }
        }

        if (calendar.Holidays.Count > 1000 || calendar.Holidays.Select(h => h.Date).Distinct().Count() != calendar.Holidays.Count)
        {
            return Rejection.Invalid("holidays", "Holidays are at most 1000 distinct dates.");
        }

        return calendar.Holidays.Select((h, i) => (h, i)).FirstOrDefault(x => string.IsNullOrWhiteSpace(x.h.Name) || x.h.Name.Length > 100) is { h: not null } bad
            ? Rejection.Invalid($"holidays[{bad.i}].name", "A holiday's name is 1 to 100 characters.")
            : null;
    }
}
