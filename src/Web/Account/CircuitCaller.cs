using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Platform.Web.Account;

/// <summary>
/// Gives each interactive circuit the credentials of its own connection, read from the session cookie the browser
/// sent as it connected (the only request a circuit has); again at each reconnection, with the cookie as it is then.
/// One per circuit, so a user's token stays in their circuit.
/// </summary>
public sealed class CircuitCaller(Caller caller, IHttpContextAccessor accessor) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
        caller.EnterCircuit(accessor.HttpContext is { } connection ? await Credentials.ReadAsync(connection) : null);
}
