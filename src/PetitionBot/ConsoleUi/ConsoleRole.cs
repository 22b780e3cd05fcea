namespace PetitionBot.ConsoleUi;

/// <summary>Who the local console acts as (<c>console --as …</c>).</summary>
public enum ConsoleRole
{
    Student = 0,
    Leader = 1,
    Organizer = 2,
}
