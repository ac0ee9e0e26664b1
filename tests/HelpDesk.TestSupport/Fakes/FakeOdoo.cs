using System.Globalization;
using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// An Odoo on loopback speaking <c>shared/contracts/odoo-erp.md</c> (section 5): <c>POST /jsonrpc</c> with
/// <c>common.authenticate</c> and <c>object.execute_kw</c> (errors as HTTP 200 envelopes), <c>POST /json/2/&lt;model&gt;/search_read</c>
/// with a bearer key and named arguments, <c>search_read</c> over in-memory partners, sale orders and invoices, and
/// faults on demand. Empty values are <c>false</c> and many2one fields <c>[id, name]</c>, as Odoo sends them.
/// </summary>
public sealed partial class FakeOdoo : IAsyncDisposable
{
    public const string Database = "northwind-erp";
    public const string User = "helpdesk-bot@example.com";
    public const string ApiKey = "test-only-0123456789abcdef0123456789abcdef";
    public const int Uid = 7;

    private readonly object _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _tables = new() { ["res.partner"] = [], ["sale.order"] = [], ["account.move"] = [] };
    private readonly Dictionary<string, int> _nextIds = new() { ["res.partner"] = 41, ["sale.order"] = 318, ["account.move"] = 905 };
    private readonly Dictionary<string, int> _currencies = new() { ["EUR"] = 1, ["USD"] = 2 };
    private readonly HashSet<string> _forbidden = [];
    private readonly Queue<FakeOdooFault> _faults = new();
    private readonly List<FakeOdooRequest> _received = [];
    private string _acceptedKey = ApiKey;
    private bool _hang;
    private LoopbackServer? _server;

    private FakeOdoo()
    {
    }

    /// <summary>The site's base URL, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl => _server!.Address;

    /// <summary>How long every answer takes, to keep calls in flight together.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How many requests arrived, faulted ones included.</summary>
    public int Requests => Received.Count;

    public IReadOnlyList<FakeOdooRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<FakeOdoo> StartAsync()
    {
        var odoo = new FakeOdoo();
        odoo._server = await LoopbackServer.StartAsync(odoo.Map);
        return odoo;
    }

    /// <summary>A company (its own commercial partner); returns its id.</summary>
    public int AddCompany(string name) => Insert("res.partner", id => new JsonObject
    {
        ["name"] = name,
        ["display_name"] = name,
        ["email"] = false,
        ["is_company"] = true,
        ["parent_id"] = false,
        ["commercial_partner_id"] = new JsonArray(id, name),
    });

    /// <summary>A person, in a company (whose records they then see) or on their own; returns its id.</summary>
    public int AddContact(string email, string name, int? companyId = null)
    {
        var company = companyId is { } parent ? Partner(parent) : null;
        return Insert("res.partner", id => new JsonObject
        {
            ["name"] = name,
            ["display_name"] = company is null ? name : $"{company["name"]}, {name}",
            ["email"] = email,
            ["is_company"] = false,
            ["parent_id"] = company is null ? false : Many2One(company),
            ["commercial_partner_id"] = company is null ? new JsonArray(id, name) : company["commercial_partner_id"]!.DeepClone(),
        });
    }

    /// <summary>A sale order of <paramref name="partnerId"/>, placed at <paramref name="dateOrder"/> (UTC); returns its id.</summary>
    public int AddOrder(int partnerId, string name, string state, DateTime dateOrder, decimal total, string currency = "EUR", string invoiceStatus = "no") =>
        Insert("sale.order", _ => new JsonObject
        {
            ["name"] = name,
            ["state"] = state,
            ["date_order"] = dateOrder.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["amount_total"] = (double)total,
            ["currency_id"] = Currency(currency),
            ["partner_id"] = Many2One(Partner(partnerId)),
            ["invoice_status"] = invoiceStatus,
        });

    /// <summary>A customer invoice (or, with <paramref name="moveType"/> <c>out_refund</c>, a credit note); returns its id.</summary>
    public int AddInvoice(int partnerId, string name, string paymentState, decimal total, decimal residual, DateOnly invoiceDate, DateOnly due,
        string currency = "EUR", string moveType = "out_invoice", string? origin = null, string state = "posted") =>
        Insert("account.move", _ => new JsonObject
        {
            ["name"] = name,
            ["move_type"] = moveType,
            ["state"] = state,
            ["payment_state"] = paymentState,
            ["amount_total"] = (double)total,
            ["amount_residual"] = (double)residual,
            ["invoice_date"] = invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["invoice_date_due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["currency_id"] = Currency(currency),
            ["partner_id"] = Many2One(Partner(partnerId)),
            ["invoice_origin"] = origin is null ? false : origin,
        });

    /// <summary>Overwrites one field of a stored record as Odoo would hold it; null stores Odoo's <c>false</c>.</summary>
    public void SetField(string model, int id, string field, JsonNode? value)
    {
        lock (_gate)
        {
            _tables[model].Single(r => (int)r["id"]! == id)[field] = value ?? false;
        }
    }

    /// <summary>The bot user loses read access to <paramref name="model"/>: calls on it get <c>AccessError</c> (JSON-2: 403).</summary>
    public void Forbid(string model)
    {
        lock (_gate)
        {
            _forbidden.Add(model);
        }
    }

    /// <summary>The bot's API key is revoked (or expired): <see cref="ApiKey"/> no longer works, even with a cached uid.</summary>
    public void RevokeApiKey()
    {
        lock (_gate)
        {
            _acceptedKey = "revoked:" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>The next <paramref name="times"/> requests, whatever their endpoint, get <paramref name="fault"/>.</summary>
    public void Fail(FakeOdooFault fault, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>While on, requests get no answer until the client gives up: a timeout as the connector meets it.</summary>
    public void Hang(bool hang)
    {
        lock (_gate)
        {
            _hang = hang;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private int Insert(string model, Func<int, JsonObject> record)
    {
        lock (_gate)
        {
            var id = _nextIds[model]++;
            var row = record(id);
            row["id"] = id;
            _tables[model].Add(row);
            return id;
        }
    }

    private JsonObject Partner(int id)
    {
        lock (_gate)
        {
            return _tables["res.partner"].Find(p => (int)p["id"]! == id) ?? throw new ArgumentException($"No partner {id}: add it first.", nameof(id));
        }
    }

    private static JsonArray Many2One(JsonObject record) => [(int)record["id"]!, (string?)record["display_name"]];

    private JsonArray Currency(string code)
    {
        lock (_gate)
        {
            if (!_currencies.TryGetValue(code, out var id))
            {
                _currencies[code] = id = _currencies.Count + 1;
            }

            return [id, code];
        }
    }
}
