namespace PetitionBot.Hosting;

/// <summary>The <c>Http</c> section: the host's own listener (/healthz, /metrics, OAuth redirect, HTTP interaction modes).</summary>
public sealed class HttpOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";
}
