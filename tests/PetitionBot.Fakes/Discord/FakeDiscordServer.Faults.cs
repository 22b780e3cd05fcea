using System.Globalization;
using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>Injected REST faults: armed by time (the next matching requests) or by request count (<see cref="FakeRestFault.After"/>).</summary>
public sealed partial class FakeDiscordServer
{
    public void InjectFault(FakeRestFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Injected faults (armed or still counting down their <see cref="FakeRestFault.After"/>) and slow answers still
    /// waiting for a request of <paramref name="method"/> under <paramref name="pathPrefix"/>.</summary>
    public int PendingFaults(string method, string pathPrefix)
    {
        var prefix = pathPrefix.TrimStart('/');
        bool Matches(string m, string p) => string.Equals(m, method, StringComparison.OrdinalIgnoreCase) && p.TrimStart('/').StartsWith(prefix, StringComparison.Ordinal);
        lock (_gate)
        {
            return _faults.Where(f => Matches(f.Method, f.PathPrefix)).Sum(f => f.Times) + _slow.Where(f => Matches(f.Method, f.PathPrefix)).Sum(f => f.Times);
        }
    }

    /// <summary>Removes every injected fault that has not fired yet.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The next <paramref name="times"/> matching requests get 429 with Retry-After and X-RateLimit-* headers
    /// (after <paramref name="after"/> matching requests have passed: see <see cref="FakeRestFault.After"/>).</summary>
    public void InjectRateLimit(string method, string pathPrefix, TimeSpan retryAfter, bool global = false, int times = 1, int after = 0) =>
        InjectFault(new FakeRestFault(method, pathPrefix, 429, global ? null : 0, retryAfter, global, times, after));

    private FakeRestFault? TakeFault(string method, string path)
    {
        // The first armed fault answers; every fault still counting down its After sees this request go by.
        var index = -1;
        for (var i = 0; i < _faults.Count; i++)
        {
            var f = _faults[i];
            if (f.Times <= 0 || !string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) ||
                !path.StartsWith(f.PathPrefix.TrimStart('/'), StringComparison.Ordinal))
            {
                continue;
            }

            if (f.After > 0)
            {
                _faults[i] = f with { After = f.After - 1 };
            }
            else if (index < 0)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return null;
        }

        var fault = _faults[index];
        _faults[index] = fault with { Times = fault.Times - 1 };
        return fault;
    }

    private static FakeRestResponse FaultResponse(FakeRestFault fault)
    {
        if (fault.Status != 429)
        {
            return FakeRestResponse.Error(fault.Status, fault.Code ?? 0, "Injected failure");
        }

        var seconds = (fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds;
        var response = new FakeRestResponse(429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(seconds, 3),
            ["global"] = fault.Global,
        });
        response.Headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Limit"] = "5";
        response.Headers["X-RateLimit-Remaining"] = "0";
        response.Headers["X-RateLimit-Reset-After"] = seconds.ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = fault.Global ? "global" : "user";
        if (fault.Global)
        {
            response.Headers["X-RateLimit-Global"] = "true";
        }

        return response;
    }
}
