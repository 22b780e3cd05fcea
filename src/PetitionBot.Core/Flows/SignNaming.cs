namespace PetitionBot.Core.Flows;

/// <summary>Named signature or counted only, chosen before the form so a counted-only signer is never asked for a name.</summary>
public enum SignNaming
{
    Named,
    Counted,
}
