using Microsoft.AspNetCore.Builder;

namespace DuiConformance.SecondSut;

/// <summary>A started second SUT: its base address; disposing it stops it.</summary>
public sealed class RunningSecondSut(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = baseAddress;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
