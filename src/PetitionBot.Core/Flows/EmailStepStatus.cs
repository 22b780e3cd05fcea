namespace PetitionBot.Core.Flows;

/// <summary>What happened at the email-code step.</summary>
public enum EmailStepStatus
{
    /// <summary>A code was mailed; the draft holds its hash.</summary>
    Sent = 0,

    /// <summary>Three codes went to this person or this address in the last hour.</summary>
    TooManySends = 1,

    /// <summary>The mail server refused or could not be reached; nothing was saved.</summary>
    MailDown = 2,

    /// <summary>The code was right: <see cref="EmailStepResult.Address"/> is proven.</summary>
    Proven = 3,

    /// <summary>Not the code; <see cref="EmailStepResult.TriesLeft"/> more tries.</summary>
    WrongCode = 4,

    /// <summary>The code is older than its lifetime (or none is pending); a new one can be sent.</summary>
    Expired = 5,

    /// <summary>The fifth wrong code: the attempt is over.</summary>
    TooManyTries = 6,

    /// <summary>What was typed is not six digits (not counted as a try).</summary>
    NotACode = 7,
}
