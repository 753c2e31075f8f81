using Kinerja.Shared.Modules;

namespace Kinerja.Host.Modules;

/// <summary>
/// Runs every module's <see cref="IWarmUp"/> in the background once the host listens (never for a command):
/// the start is not delayed, and a request that arrives meanwhile shares what is being read.
/// </summary>
internal sealed class WarmUpService(IEnumerable<IWarmUp> warmUps, IHostApplicationLifetime lifetime, ILogger<WarmUpService> log) : IHostedService
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;

    /// <summary>Done once every warm-up has ended, or failed (only time is lost: requests do the same work).</summary>
    public Task Finished => _finished.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _running = Task.Run(RunAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    private async Task RunAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await Task.WhenAll(warmUps.Select(async warmUp =>
            {
                try
                {
                    await warmUp.WarmUpAsync(stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    log.LogWarning(e, "Pemanasan {WarmUp} gagal; permintaan pertama membaca sendiri.", warmUp.GetType().Name);
                }
            }));
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // stopped while warming up
        }
        finally
        {
            _finished.TrySetResult();
        }
    }
}

internal static class WarmUpHosting
{
    public const string Setting = "Kinerja:WarmUp";

    /// <summary>On unless <c>Kinerja:WarmUp=false</c> (a host that should do nothing before it is asked).</summary>
    public static void AddWarmUp(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue(Setting, true))
        {
            return;
        }
        builder.Services.AddSingleton<WarmUpService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WarmUpService>());
    }
}
