namespace PetitionBot.Core.Interactions;

/// <summary>What a <see cref="FormField"/> asks for. Adapters that can offer a picker for a kind do so (Slack:
/// <c>external_select</c> fed by the school directory); the others show a text input. Either way the submitted value is
/// a string: a school id when picked from the list, the typed text otherwise.</summary>
public enum FormFieldKind
{
    Text = 0,

    /// <summary>A school of the directory.</summary>
    School = 1,
}
