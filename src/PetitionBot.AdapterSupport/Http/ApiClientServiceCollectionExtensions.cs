using Microsoft.Extensions.DependencyInjection;

namespace PetitionBot.AdapterSupport.Http;

/// <summary>The typed HttpClient of a platform's Web API, set up the same way by both adapters.</summary>
public static class ApiClientServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TClient"/> with the API's base address (one trailing slash, so relative
    /// paths append), a 30 s timeout, the default HttpClient loggers removed (request URLs carry interaction tokens,
    /// response_url and upload capabilities), then <typeparamref name="TAuthHandler"/> and <typeparamref name="TRateLimitHandler"/>
    /// in that order. Returns the builder for what only one platform needs.</summary>
    public static IHttpClientBuilder AddApiClient<TClient, TAuthHandler, TRateLimitHandler>(this IServiceCollection services,
        Func<IServiceProvider, string> apiBaseUrl)
        where TClient : class
        where TAuthHandler : DelegatingHandler
        where TRateLimitHandler : DelegatingHandler =>
        services.AddHttpClient<TClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(apiBaseUrl(sp).TrimEnd('/') + "/");
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .RemoveAllLoggers()
            .AddHttpMessageHandler<TAuthHandler>()
            .AddHttpMessageHandler<TRateLimitHandler>();
}
