namespace PetitionBot.Discord.Interactions;

/// <summary>Forms shown as a "re-open" button (Discord allows a modal only as the first response), by token.
/// Bounded: the oldest are forgotten first.</summary>
internal sealed class FormCache(int capacity = 5_000)
{
    private readonly Dictionary<string, FormSpec> _forms = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public void Add(FormSpec form)
    {
        lock (_gate)
        {
            if (_forms.TryAdd(form.Token, form))
            {
                _order.Enqueue(form.Token);
            }
            else
            {
                _forms[form.Token] = form;
            }

            while (_order.Count > capacity)
            {
                _forms.Remove(_order.Dequeue());
            }
        }
    }

    public FormSpec? Find(string token)
    {
        lock (_gate)
        {
            return _forms.GetValueOrDefault(token);
        }
    }
}
