using PetitionBot.Core.Interactions;
using PetitionBot.Core.Text;

namespace PetitionBot.ConsoleUi;

/// <summary>Prints a reply as plain text: title, text, progress bar, and numbered choices.</summary>
public static class ConsoleRenderer
{
    /// <summary>Writes the reply; returns the actions its numbers stand for (tokens of choices, or menu values).</summary>
    public static IReadOnlyList<ConsoleAction> Render(Reply reply, TextWriter output)
    {
        output.WriteLine();
        if (reply.Title is { Length: > 0 } title)
        {
            output.WriteLine($"== {title} ==");
        }

        output.WriteLine(Plain(reply.Text));
        if (reply.Progress is { } progress)
        {
            output.WriteLine($"{progress.Bar}  ({progress.Summary})");
        }

        var actions = new List<ConsoleAction>();
        foreach (var choice in reply.Choices)
        {
            if (choice.Style == ChoiceStyle.Link)
            {
                output.WriteLine($"   {choice.Label}: {choice.Url}");
                continue;
            }

            actions.Add(new ConsoleAction(choice.Token, null));
            output.WriteLine($"  {actions.Count}) {choice.Label}");
        }

        if (reply.Menu is { } menu)
        {
            foreach (var option in menu.Options)
            {
                actions.Add(new ConsoleAction(menu.Token, option.Value));
                output.WriteLine($"  {actions.Count}) {option.Label}");
            }
        }

        return actions;
    }

    /// <summary>Neutral channel/role references as readable text.</summary>
    public static string Plain(string text) => Mention.Rewrite(text, id => "#" + id, id => "@" + id);
}
