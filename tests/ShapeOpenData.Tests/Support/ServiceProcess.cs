using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ShapeOpenData.Tests.Support;

/// <summary>
/// The service as its own operating-system process on 127.0.0.1, on a given database: for what only a real
/// process can show, like surviving <c>kill -9</c>.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly IEnumerable<KeyValuePair<string, string?>> _settings;
    private Process? _process;

    public ServiceProcess(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        _settings = settings;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    public string Address { get; }

    /// <param name="waitUntilReady">False returns once the process is started, for a test that watches what it does as it starts.</param>
    public async Task StartAsync(bool waitUntilReady = true)
    {
        var program = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(program)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimits__Enabled"] = "false";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!waitUntilReady)
        {
            return;
        }

        // Generous: on a busy two-core machine (browser tests alongside) a cold start can take a while.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync($"{Address}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (_process.HasExited) throw new InvalidOperationException($"The service stopped with exit code {_process.ExitCode}");
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not become ready");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing the process can do about it.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }
        _process?.Dispose();
    }
}
