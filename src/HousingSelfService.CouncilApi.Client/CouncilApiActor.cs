namespace HousingSelfService.CouncilApi.Client;

/// <summary>The person on whose behalf a call is made; stamped into the service token so records carry <c>createdBy</c>.</summary>
/// <param name="Subject">A stable id for the person (the app's user id).</param>
/// <param name="Name">Name as it should appear on council records, e.g. "Sam Officer for Ada Resident".</param>
/// <param name="Email">Email, when known.</param>
public sealed record CouncilApiActor(string Subject, string Name, string? Email);

/// <summary>Tells the token handler who is acting right now. The host app supplies it; none means the service itself.</summary>
public interface ICouncilApiActorAccessor
{
    ValueTask<CouncilApiActor?> GetCurrentActorAsync(CancellationToken cancellationToken);
}

internal sealed class ServiceOnlyActorAccessor : ICouncilApiActorAccessor
{
    public ValueTask<CouncilApiActor?> GetCurrentActorAsync(CancellationToken cancellationToken) => ValueTask.FromResult<CouncilApiActor?>(null);
}
