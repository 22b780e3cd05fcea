using System.Runtime.InteropServices;
using PetitionBot.Core.Ports;

namespace PetitionBot.Hosting;

/// <summary>SIGHUP asks for a restart that keeps the Discord session: the bot finishes in-flight interactions like on
/// any stop, hands its gateway session to the next start, and exits with <see cref="PetitionBotApp.RestartExitCode"/>
/// so the supervisor (compose <c>restart: unless-stopped</c>, systemd <c>Restart=on-failure</c>) starts it again.
/// SIGTERM and Ctrl+C stay a stop for good.</summary>
internal static partial class RestartSignal
{
    /// <summary>Listens for SIGHUP until disposed; null where the platform has no such signal.</summary>
    public static IDisposable? Listen(IServiceProvider services)
    {
        var intent = services.GetRequiredService<ShutdownIntent>();
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RestartSignal).FullName!);
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                RestartRequested(logger);
                intent.RequestRestart();
                lifetime.StopApplication();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Restart requested (SIGHUP): finishing in-flight work, then exiting for the supervisor to start the bot again with the same Discord session")]
    private static partial void RestartRequested(ILogger logger);
}
