using Refit;

namespace HousingSelfService.CouncilApi.Client.Processes;

/// <summary>Tenancy processes API, <c>api/v1/process</c> (Hackney processes-api).</summary>
public interface IProcessesApi
{
    [Post("/api/v1/process/{processName}")]
    Task<IApiResponse<CreateProcessResponse>> CreateProcessAsync(string processName, [Body] CreateProcessRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    [Get("/api/v1/process/{processName}/{id}")]
    Task<IApiResponse<ProcessResponse>> GetProcessAsync(string processName, Guid id, CancellationToken cancellationToken = default);

    [Get("/api/v1/process")]
    Task<IApiResponse<ProcessesResponse>> GetProcessesAsync(Guid targetId, CancellationToken cancellationToken = default);

    [Patch("/api/v1/process/{processName}/{id}/{processTrigger}")]
    Task<IApiResponse> UpdateProcessAsync(string processName, Guid id, string processTrigger, [Body] UpdateProcessRequest request,
        [Header(CouncilApiHeaders.IfMatch)] string ifMatch, CancellationToken cancellationToken = default);
}
