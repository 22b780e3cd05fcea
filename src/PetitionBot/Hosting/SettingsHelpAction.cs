using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PetitionBot.Hosting;

/// <summary>System.CommandLine's help with one change: the extra arguments every verb accepts are explained as
/// settings (<c>--Key=value</c>), not as "arguments passed to the application".</summary>
internal sealed class SettingsHelpAction(HelpAction inner, string settingsHelp) : SynchronousCommandLineAction
{
    private const string AdditionalArguments = "Additional Arguments:";

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var buffer = new StringWriter();
        configuration.Output = buffer;
        int code;
        try
        {
            code = inner.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        var text = buffer.ToString();
        var at = text.IndexOf(AdditionalArguments, StringComparison.Ordinal);
        output.Write(at < 0 ? text : text[..at]);
        output.WriteLine("Settings (any command):");
        output.WriteLine("  " + settingsHelp);
        output.Flush();
        return code;
    }
}
