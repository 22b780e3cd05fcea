namespace PetitionBot.Slack.Api;

/// <summary><c>input</c> (modals): a label and one element; its value comes back in
/// <c>view.state.values[block_id][action_id]</c>.</summary>
internal sealed record InputBlock(string BlockId, PlainText Label, BlockElement Element, bool Optional) : Block;
