namespace PetitionBot.Core.Interactions;

/// <summary>The type of a command option, mapped by each adapter to its platform (Discord option types, Slack text).</summary>
public enum OptionKind
{
    Text = 0,
    Channel = 1,
    Role = 2,
    Boolean = 3,

    /// <summary>A campaign id; adapters may offer the open campaigns as choices.</summary>
    Campaign = 4,

    /// <summary>A school of the directory: adapters offer type-ahead suggestions (<see cref="Ports.IPetitionBot.SuggestAsync"/>);
    /// the value is a school id when picked from them, the typed text otherwise.</summary>
    School = 5,
}
