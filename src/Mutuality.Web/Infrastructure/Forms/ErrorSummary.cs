using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Mutuality.Web.Infrastructure.Forms;

/// <summary>One problem in a refused form: its message, and the id of the field it is about (null for the whole form).</summary>
public sealed record ErrorSummaryItem(string Message, string? TargetId);

/// <summary>
/// Issue 16: the one error summary every form shows at the top when it is refused — focused on load, linking to
/// each wrong field. Field links use <see cref="FieldId"/>, which <see cref="InvalidFieldTagHelper"/> makes sure
/// exists on the first control of that name.
/// </summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummaryItem> Items)
{
    /// <summary>The id a field's summary link points to: its form name made safe ("Input.Note" → "Input_Note").</summary>
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>Every message in the model state: form-wide ones first, then one line per message of each field, in the order they were added.</summary>
    public static ErrorSummary From(ModelStateDictionary state, params string?[] extra)
    {
        var items = new List<ErrorSummaryItem>();
        foreach (var message in extra)
        {
            if (!string.IsNullOrWhiteSpace(message))
            {
                items.Add(new ErrorSummaryItem(message, null));
            }
        }

        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var message = string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Please check this answer." : error.ErrorMessage;
                if (items.Any(i => i.Message == message))
                {
                    continue; // one line per problem
                }

                items.Add(new ErrorSummaryItem(message, string.IsNullOrEmpty(key) ? null : FieldId(key)));
            }
        }

        return new ErrorSummary(items);
    }

    /// <summary>A summary from explicit (message, field name) pairs, for forms whose rules report their own fields.</summary>
    public static ErrorSummary Of(IEnumerable<(string Message, string? FieldName)> problems)
        => new([.. problems.Select(p => new ErrorSummaryItem(p.Message, p.FieldName is null ? null : FieldId(p.FieldName)))]);
}
