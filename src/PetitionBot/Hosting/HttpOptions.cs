namespace PetitionBot.Hosting;

/// <summary>The <c>Http</c> section: the host's own listener (/healthz, /metrics, OAuth redirect, HTTP interaction modes).</summary>
public sealed class HttpOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Serves the public progress page <c>/p/{campaignId}</c>, its JSON and its SVG badge.</summary>
    public bool PublicPages { get; set; }
}
