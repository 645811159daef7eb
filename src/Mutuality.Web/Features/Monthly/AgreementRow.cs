using Mutuality.Web.Features.Monthly.Data;
using Mutuality.Web.Infrastructure.Couples;

namespace Mutuality.Web.Features.Monthly;

public sealed record AgreementRow(RitualAgreement Agreement, Caller Viewer);
