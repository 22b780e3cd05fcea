namespace PetitionBot.Core.Email;

/// <summary>Why a message was not sent.</summary>
public enum MailFailure
{
    None = 0,

    /// <summary>The mail server answered with a permanent or temporary refusal (4xx/5xx).</summary>
    Refused = 1,

    /// <summary>The mail server could not be reached (connection, TLS, time-out).</summary>
    Unreachable = 2,
}
