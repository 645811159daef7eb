namespace Mutuality.Web.Features.Requests;

/// <summary>Opt-in e-mail about new requests. Not built yet: nobody can opt in, so it sends nothing.</summary>
public sealed class RequestMail
{
    public Task NewRequestAsync(Guid requestId, CancellationToken ct) => Task.CompletedTask;
}
