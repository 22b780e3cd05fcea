namespace PetitionBot.Core.Text;

/// <summary>Neutral references to channels and roles inside reply text: "{#id}" and "{@&amp;id}".
/// Adapters turn these into their platform's mention syntax (Discord &lt;#id&gt;, Slack &lt;#id&gt;) after escaping the rest;
/// the console prints them as they are. Only ids the core validated are ever wrapped this way.</summary>
public static class Mention
{
    public static string Channel(string id) => $"{{#{id}}}";

    public static string Role(string id) => $"{{@&{id}}}";
}
