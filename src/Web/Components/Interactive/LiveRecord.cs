using Microsoft.AspNetCore.Components;

namespace Platform.Web.Components.Interactive;

/// <summary>
/// An interactive part showing a record it changes through a service. One change at a time: its controls (inside a
/// <c>fieldset class="live"</c> disabled by <see cref="Inert"/>) wait until the circuit is up and while a change runs,
/// so that a second click cannot overtake the first.
/// </summary>
public abstract class LiveRecord : ComponentBase
{
    private bool busy;

    /// <summary>The service's words when it refused the last change, or why the record could not be read.</summary>
    protected string? Problem { get; set; }

    protected bool Inert => !RendererInfo.IsInteractive || busy;

    protected abstract Task LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        Problem = null;
        await LoadAsync();
    }

    /// <summary>
    /// Runs <paramref name="work"/> unless a change is running: a second click that reaches the circuit before the
    /// controls are disabled in the browser is dropped, not sent.
    /// </summary>
    protected async Task WhileBusyAsync(Func<Task> work)
    {
        if (busy)
            return;
        busy = true;
        try
        {
            await work();
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Runs a change and shows the record again, with the service's words if it refused.</summary>
    protected Task ChangeAsync(Func<Task<string?>> change) => WhileBusyAsync(async () =>
    {
        Problem = await change();
        await LoadAsync();
    });
}
