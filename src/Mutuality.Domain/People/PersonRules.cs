using Mutuality.Domain.Common;

namespace Mutuality.Domain.People;

/// <summary>Validation of what a person says about themselves.</summary>
public static class PersonRules
{
    public const int DisplayNameMaxLength = 60;

    public static Result<string> DisplayName(string? raw)
    {
        var name = TextRules.Clean(raw);
        if (name.Length == 0)
        {
            return new DomainError("person.display_name.required", "Display name: please tell us what to call you.", "DisplayName");
        }

        if (name.Length > DisplayNameMaxLength)
        {
            return new DomainError("person.display_name.too_long", $"Display name: use at most {DisplayNameMaxLength} characters.", "DisplayName");
        }

        return Result<string>.Ok(name);
    }

    public static Result<string> TimeZone(string? raw)
    {
        var zone = TimeZones.Find(raw);
        return zone is null
            ? new DomainError("person.time_zone.unknown", "Time zone: choose a zone from the list (an IANA id such as Europe/London).", "TimeZoneId")
            : Result<string>.Ok(raw!.Trim());
    }
}
