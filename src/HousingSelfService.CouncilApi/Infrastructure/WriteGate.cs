namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>
/// Serialises check-then-write operations (record limits, slot capacity) so two concurrent requests cannot both pass
/// the check. One process owns the database, so an in-process gate is enough.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
