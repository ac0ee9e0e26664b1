using HelpDesk.Core.Storage;
using HelpDesk.Domain.Rules;

namespace HelpDesk.Core.Rules;

/// <summary>Macros as stored.</summary>
public sealed class MacroStore(Database database, TimeProvider time)
{
    private readonly DocumentTable<Macro> _table = new(database, time, "macros", SettingsJson.Options);

    public Task<bool> SaveAsync(Macro macro, CancellationToken cancellationToken) => _table.SaveAsync(macro.Id, macro, cancellationToken);

    public Task<Macro?> GetAsync(string id, CancellationToken cancellationToken) => _table.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Macro>> ListAsync(CancellationToken cancellationToken) => _table.ListAsync(cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _table.DeleteAsync(id, cancellationToken);
}
