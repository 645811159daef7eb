using Mutuality.Web.Infrastructure.Couples;
using Mutuality.Web.Infrastructure.Hosting;

namespace Mutuality.Web.Features.Insights;

/// <summary>The printable report: the same charts and tables for a period, with a first page saying whose view it is.</summary>
public sealed class ReportModel(CallerContext callers, InsightsQueries queries, ReadRouting reads) : InsightsPageModel(callers, queries, reads);
