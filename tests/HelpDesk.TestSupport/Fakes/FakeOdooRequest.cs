using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>One request <see cref="FakeOdoo"/> received, for assertions on what the connector sent.</summary>
/// <param name="Path">The URL path, <c>/jsonrpc</c> or <c>/json/2/sale.order/search_read</c>.</param>
/// <param name="Body">The JSON body as sent, or null when it was not JSON.</param>
/// <param name="Method">The called method: <c>authenticate</c>, <c>search_read</c>… (JSON-RPC: <c>params.method</c>, or the model method for <c>execute_kw</c>).</param>
/// <param name="Model">The model for model calls (<c>res.partner</c>), else null.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="Database">The <c>X-Odoo-Database</c> header, if any.</param>
public sealed record FakeOdooRequest(string Path, JsonNode? Body, string? Method, string? Model, string? Authorization, string? Database);
