using System.Globalization;

namespace PetitionBot.Core.Interactions;

/// <summary>Progress toward a goal, with the text bar every platform can show.</summary>
public sealed record Progress(int Count, int Goal)
{
    public const int BarWidth = 20;

    /// <summary>Whole percent of the goal (can exceed 100).</summary>
    public int Percent => Goal <= 0 ? 0 : (int)Math.Floor(Count * 100.0 / Goal);

    /// <summary>"48%"; "&lt;1%" when there is at least one signature but not yet a whole percent.</summary>
    public string PercentText => Count > 0 && Percent == 0 ? "<1%" : Percent.ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>"▓▓▓▓▓░░░░░ 48%": a bar of <see cref="BarWidth"/> cells, full at or past the goal.</summary>
    public string Bar
    {
        get
        {
            var filled = Goal <= 0 ? 0 : (int)Math.Clamp(Math.Floor(Count * (double)BarWidth / Goal), 0, BarWidth);
            return new string('▓', filled) + new string('░', BarWidth - filled) + " " + PercentText;
        }
    }

    /// <summary>"482 of 1,000": counts with thousands separators.</summary>
    public string Summary => $"{Count.ToString("N0", CultureInfo.InvariantCulture)} of {Goal.ToString("N0", CultureInfo.InvariantCulture)}";
}
