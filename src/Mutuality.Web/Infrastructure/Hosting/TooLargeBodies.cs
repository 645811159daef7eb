using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Mutuality.Web.Features.Account.Privacy;

namespace Mutuality.Web.Infrastructure.Hosting;

/// <summary>
/// A body larger than we take (50 MB, the importer's limit and more than any form needs) is refused before anything
/// reads it, with 413 and plain words ("That file is too large (the limit is 50 MB)"), instead of failing later inside
/// form reading as a generic 400. Bodies without a declared length are capped at the same size by the server.
/// </summary>
public sealed class TooLargeBodies(RequestDelegate next)
{
    public const long Limit = DataImporter.MaxBytes;

    public const string Message = "That file is too large (the limit is 50 MB).";

    public Task InvokeAsync(HttpContext http)
    {
        // The status page re-runs the pipeline for the same request: let that run through to render the words.
        if (http.Request.ContentLength is { } length && length >= Limit && http.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap && (cap.MaxRequestBodySize is null || cap.MaxRequestBodySize > Limit + (1024 * 1024)))
        {
            cap.MaxRequestBodySize = Limit + (1024 * 1024);
        }

        return next(http);
    }
}
