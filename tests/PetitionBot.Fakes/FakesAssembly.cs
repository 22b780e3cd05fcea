namespace PetitionBot.Fakes;

/// <summary>Marker for the fakes assembly.</summary>
public static class FakesAssembly;
