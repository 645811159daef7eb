namespace Mutuality.Domain.Common;

/// <summary>What kind of "no" an outcome is; each front door (a page, an htmx fragment, the API) maps a kind one way.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule: shown on its field (or the whole form when it has none).</summary>
    Invalid,

    /// <summary>No such thing for this caller (not in their couple, someone else's private item, no such id): a 404.</summary>
    NotFound,

    /// <summary>The input is fine but the state does not allow it now (already answered, window closed): a message.</summary>
    Conflict,
}

/// <summary>An expected failure a person can cause: a rule they broke, with a message we can show them.</summary>
/// <param name="Code">A stable machine-readable code, e.g. "invitation.expired".</param>
/// <param name="Message">Plain words for the person.</param>
/// <param name="Field">The input field the error belongs to, when there is one.</param>
/// <param name="Kind">How a front door shows it: on the field, as a 404, or as a message.</param>
public sealed record DomainError(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Invalid)
{
    /// <summary>Not in the caller's couple, not visible to them, or no such id: all the same to the caller.</summary>
    public static DomainError NotFound(string code = "not_found") => new(code, "We couldn't find that.", null, ErrorKind.NotFound);

    /// <summary>A refusal of the state, not of the input.</summary>
    public static DomainError Conflict(string code, string message) => new(code, message, null, ErrorKind.Conflict);
}

/// <summary>The outcome of a domain decision: a value, or one or more <see cref="DomainError"/>s.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private readonly DomainError[]? _errors;

    private Result(T? value, DomainError[]? errors)
    {
        _value = value;
        _errors = errors;
    }

    /// <summary>Every error, each with its field when it has one (empty on success).</summary>
    public IReadOnlyList<DomainError> Errors => _errors ?? [];

    /// <summary>The first error (null on success).</summary>
    public DomainError? Error => _errors is { Length: > 0 } e ? e[0] : null;

    public bool IsSuccess => _errors is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: the operation failed with '{Error!.Code}'.");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, [error ?? throw new ArgumentNullException(nameof(error))]);

    /// <summary>Fails with every error given (at least one).</summary>
    public static Result<T> Fail(IEnumerable<DomainError> errors)
    {
        var all = errors.ToArray();
        return all.Length > 0 ? new(default, all) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
    }

    public static implicit operator Result<T>(DomainError error) => Fail(error);
}

/// <summary>An outcome without a value: done, or one or more <see cref="DomainError"/>s.</summary>
public readonly record struct Result
{
    private readonly DomainError[]? _errors;

    private Result(DomainError[]? errors) => _errors = errors;

    public static Result Ok { get; } = new(null);

    public IReadOnlyList<DomainError> Errors => _errors ?? [];

    public DomainError? Error => _errors is { Length: > 0 } e ? e[0] : null;

    public bool IsSuccess => _errors is null;

    public static Result Fail(DomainError error) => new([error ?? throw new ArgumentNullException(nameof(error))]);

    public static Result Fail(IEnumerable<DomainError> errors)
    {
        var all = errors.ToArray();
        return all.Length > 0 ? new(all) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
    }

    public static implicit operator Result(DomainError error) => Fail(error);
}
