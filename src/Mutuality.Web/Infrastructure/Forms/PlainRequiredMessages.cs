using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Mutuality.Web.Infrastructure.Forms;

/// <summary>
/// Issue 16: a required field that names no message of its own (including the one MVC implies for a non-nullable
/// string) says "Password again: please fill this in." in the app's words, never the framework's "The … field is required."
/// </summary>
public sealed class PlainRequiredMessages : IValidationMetadataProvider
{
    public const string Message = "{0}: please fill this in.";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (string.IsNullOrEmpty(required.ErrorMessage) && required.ErrorMessageResourceType is null)
            {
                required.ErrorMessage = Message;
            }
        }
    }
}
