using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// Binds a bool the way a checkbox means it: "true"/"on" is true, anything else is false. The framework's own
/// binder keeps an unparseable value as the "attempted value", and re-rendering the checkbox with it then
/// throws — a 500 for a hostile post. Found by the hostile-input tests.
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // A checked box sends "true" (and the hidden "false" after it); take the first value.
        var first = result.FirstValue?.Trim();
        var value = string.Equals(first, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(first, "on", StringComparison.OrdinalIgnoreCase);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(value ? "true" : "false"));
        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }
}

public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
        => context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
}
