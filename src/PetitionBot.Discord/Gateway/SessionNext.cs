namespace PetitionBot.Discord.Gateway;

internal enum SessionNext
{
    Resume = 0,
    Identify = 1,
    Stop = 2,
}
