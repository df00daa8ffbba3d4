using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShapeOpenData.Tests.Support;

/// <summary>Real time, moved forward on demand: rules about time can be tested while timers keep running.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; private set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public void Advance(TimeSpan by) => Shift += by;
}

/// <summary>The service on a <see cref="ShiftedClock"/>.</summary>
public class ClockedServiceFactory : ServiceFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
