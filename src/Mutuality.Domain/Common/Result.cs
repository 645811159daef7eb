namespace Mutuality.Domain.Common;

/// <summary>An expected failure a person can cause: a rule they broke, with a message we can show them.</summary>
/// <param name="Code">A stable machine-readable code, e.g. "invitation.expired".</param>
/// <param name="Message">Plain words for the person.</param>
/// <param name="Field">The input field the error belongs to, when there is one.</param>
public sealed record DomainError(string Code, string Message, string? Field = null);

/// <summary>The outcome of a domain decision: a value, or a <see cref="DomainError"/>.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: the operation failed with '{Error!.Code}'.");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(DomainError error) => Fail(error);

}
