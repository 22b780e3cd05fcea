namespace PetitionBot.Slack;

/// <summary>Settings bound from the "Slack" configuration section. Tokens are secrets: never log them.</summary>
internal sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Bot token (xoxb-…) of the one-workspace setup; used for any team without an installation.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (xapp-…, scope connections:write) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base URL; the socket URL always comes from apps.connections.open under it.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>HTTP mode signing secret (optional).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>OAuth v2 client id ("Add to Slack").</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth v2 client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where Slack sends the browser back after the install; must match the app's redirect URL.
    /// Required when OAuth is on (Slack:ClientId and Slack:ClientSecret set): never built from the Host header.</summary>
    public string? OAuthRedirectUri { get; set; }

    /// <summary>The authorize page; configurable for tests.</summary>
    public string OAuthAuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>Bot scopes requested by "Add to Slack" (kept in line with manifest.yaml).</summary>
    public string OAuthScopes { get; set; } = "commands,chat:write,chat:write.public,channels:read,groups:read,im:write,users:read,usergroups:read,files:write";

    /// <summary>Handlers running envelopes concurrently, in each of the two lanes (work already acknowledged; answers that
    /// ride in the ack). A handler holds its envelope through its Web API calls, so this bounds the calls waiting on
    /// Slack's answer at once: with 4, forty signers running /sign together while views.open took 400 ms had half their
    /// forms refused, the trigger (3 s) spent waiting for a handler.</summary>
    public int Workers { get; set; } = 16;

    /// <summary>Bounded queue between the socket read loop and the workers.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Client WebSocket ping interval.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A socket whose pong does not come back within this time is dropped and replaced.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A new socket must say hello within this time, else it is replaced.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay after a failure (doubles, capped by <see cref="MaxReconnectDelay"/>).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Back-off after Slack closed a socket for too_many_websockets.</summary>
    public TimeSpan TooManyWebsocketsDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an acknowledgement may wait for the core (Slack's deadline is 3 s after delivery): the
    /// options of a search box (block_suggestion) can only travel in the ack.</summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromMilliseconds(2300);

    /// <summary>How long the acknowledgement of a submitted form (view_submission) waits for the core's answer, so that
    /// field errors show in the form and a next form replaces it. The core answers in milliseconds; when it is slower
    /// (a burst), the form closes at once and the answer follows as a message (a next form opens with the trigger),
    /// instead of leaving the person looking at a frozen form for seconds.</summary>
    public TimeSpan FormAckBudget { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long user-group membership and admin flags are cached per team.</summary>
    public TimeSpan DirectoryCacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pace Web API calls by Slack's method tiers (on by default). chat.postMessage stays paced per channel and
    /// Retry-After is always honoured; turn this off only against a test double or for load tests.</summary>
    public bool MethodPacing { get; set; } = true;

    public bool HasOAuth => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
