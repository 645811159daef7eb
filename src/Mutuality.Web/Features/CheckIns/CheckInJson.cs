using System.Text.Json;
using Mutuality.Domain.CheckIns;

namespace Mutuality.Web.Features.CheckIns;

/// <summary>Stores the four parts of a check-in as JSON.</summary>
public static class CheckInJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CheckInContent content) => JsonSerializer.Serialize(content, Options);

    public static CheckInContent Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckInContent>(json, Options) ?? CheckInContent.Empty;
        }
        catch (JsonException)
        {
            return CheckInContent.Empty;
        }
    }
}
