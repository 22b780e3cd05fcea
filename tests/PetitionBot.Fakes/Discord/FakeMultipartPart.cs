using System.Text;

namespace PetitionBot.Fakes.Discord;

/// <summary>One part of a multipart/form-data request (<c>payload_json</c>, <c>files[n]</c>).</summary>
public sealed record FakeMultipartPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}
