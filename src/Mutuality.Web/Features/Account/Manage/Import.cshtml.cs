using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutuality.Web.Features.Account.Privacy;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Account.Manage;

/// <summary>Brings one's own export into an account that is still empty (e.g. on a new server).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Hosting.AppSetup.ExportRateLimit)]
[RequestSizeLimit(DataImporter.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DataImporter.MaxBytes)]
public sealed class ImportModel(CallerContext callers, DataImporter importer) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Status => TempData["Status"] as string;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var caller = await callers.RequireAsync();
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "File: choose the ZIP file you downloaded from \"Download your data\".");
            return Page();
        }

        if (Upload.Length > DataImporter.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "File: this file is larger than 50 MB, which no export of ours is.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var read = DataImporter.Read(stream);
        if (!read.IsSuccess)
        {
            ModelState.AddModelError(nameof(Upload), read.Error!.Message);
            return Page();
        }

        var imported = await importer.ImportAsync(caller.UserId, read.Value!);
        if (!imported.IsSuccess)
        {
            ModelState.AddModelError(nameof(Upload), imported.Error!.Message);
            return Page();
        }

        callers.Forget();
        TempData["Status"] = $"Brought in {imported.Value} items from your export.";
        return RedirectToPage();
    }
}
