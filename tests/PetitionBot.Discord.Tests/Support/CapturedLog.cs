using Microsoft.Extensions.Logging;

namespace PetitionBot.Discord.Tests.Support;

internal sealed record CapturedLog(LogLevel Level, string Category, string Message);
