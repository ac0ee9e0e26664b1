using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>Odoo's model API as the plugin uses it, behind which JSON-RPC and JSON-2 are interchangeable.</summary>
internal interface IOdooClient
{
    /// <summary>The records the search finds, each a JSON object of the fields asked for (and <c>id</c>).</summary>
    /// <exception cref="OdooException">Odoo refused or failed; the message is safe to show an admin.</exception>
    Task<IReadOnlyList<JsonObject>> SearchReadAsync(OdooSearch search, CancellationToken cancellationToken);
}
