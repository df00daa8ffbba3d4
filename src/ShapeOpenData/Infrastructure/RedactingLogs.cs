using System.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ShapeOpenData.Infrastructure;

/// <summary>
/// The service's one logger factory, wrapped so that no log line or scope carries a secret from an address
/// (<see cref="SecretsInUrls"/>): ASP.NET Core's own request logs ("Request starting … /unsubscribe/…") and its
/// request scope name the path, at whatever level an operator turns them on.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretsInUrls secrets) : ILoggerFactory
{
    public static void Replace(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(s => new RedactingLoggerFactory(
            new LoggerFactory(s.GetServices<ILoggerProvider>(), s.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                s.GetService<IOptions<LoggerFactoryOptions>>(), s.GetService<IExternalScopeProvider>()),
            s.GetRequiredService<SecretsInUrls>())));

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), secrets);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner, SecretsInUrls secrets) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        RedactedState.Of(state, state.ToString() ?? "", secrets) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }
        if (RedactedState.Of(state, formatter(state, exception), secrets) is { } redacted)
        {
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
        }
        else
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}

/// <summary>A log entry's message and values with the secrets taken out, for structured loggers (JSON) as for plain text.</summary>
internal sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>A redacted copy, or null when there was nothing to take out.</summary>
    public static RedactedState? Of<TState>(TState state, string message, SecretsInUrls secrets)
    {
        var redactedMessage = secrets.Redact(message);
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
        var changed = !string.Equals(message, redactedMessage, StringComparison.Ordinal);
        var redactedValues = new List<KeyValuePair<string, object?>>(values.Count);
        foreach (var pair in values)
        {
            // Any value a logger would write as text (a path, a route's values …), replaced by its redacted text if it held a secret.
            var text = pair.Value is null or (ValueType and not PathString and not QueryString) ? null : pair.Value.ToString();
            var redacted = text is null ? text : secrets.Redact(text);
            if (!string.Equals(text, redacted, StringComparison.Ordinal))
            {
                redactedValues.Add(new(pair.Key, redacted));
                changed = true;
            }
            else
            {
                redactedValues.Add(pair);
            }
        }
        return changed ? new RedactedState(redactedMessage, redactedValues) : null;
    }

    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
