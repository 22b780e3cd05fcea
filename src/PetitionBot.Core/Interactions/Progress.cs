using System.Globalization;

namespace PetitionBot.Core.Interactions;

/// <summary>Progress toward a goal, with the text bar every platform can show.</summary>
public sealed record Progress(int Count, int Goal)
{
    public const int BarWidth = 20;

    /// <summary>Whole percent of the goal, rounded down (can exceed 100).</summary>
    public int WholePercent => Goal <= 0 ? 0 : (int)Math.Floor(Count * 100.0 / Goal);

    /// <summary>The percent as shown everywhere, without the sign: "48", and "&lt;1" when someone signed but less than one
    /// percent of the goal is reached (never "0" for a petition that has signers).</summary>
    public string Percent => Count > 0 && WholePercent < 1 ? "<1" : WholePercent.ToString(CultureInfo.InvariantCulture);

    /// <summary>"▓▓▓▓▓░░░░░ 48%" ("░░░░░░░░░░ &lt;1%" for 3 of 1,000): a bar of <see cref="BarWidth"/> cells, full at or past the goal.</summary>
    public string Bar
    {
        get
        {
            var filled = Goal <= 0 ? 0 : (int)Math.Clamp(Math.Floor(Count * (double)BarWidth / Goal), 0, BarWidth);
            return new string('▓', filled) + new string('░', BarWidth - filled) + " " + Percent + "%";
        }
    }

    /// <summary>"482 of 1,000": counts with thousands separators.</summary>
    public string Summary => $"{Count.ToString("N0", CultureInfo.InvariantCulture)} of {Goal.ToString("N0", CultureInfo.InvariantCulture)}";
}
