using Refit;

namespace HousingSelfService.CouncilApi.Client.Repairs;

/// <summary>Repairs Hub API (<c>api/v2</c>) and the repairs-online triage (<c>api/v1/repairsonline</c>).</summary>
public interface IRepairsApi
{
    /// <summary>Work orders for a property, newest first; at most 50 a page.</summary>
    [Get("/api/v2/workOrders")]
    Task<IReadOnlyList<WorkOrder>> ListWorkOrdersAsync(string propertyReference, int? statusCode = null,
        int pageNumber = 1, int pageSize = 50, CancellationToken cancellationToken = default);

    [Get("/api/v2/workOrders/{reference}")]
    Task<IApiResponse<WorkOrder>> GetWorkOrderAsync(int reference, CancellationToken cancellationToken = default);

    [Get("/api/v2/workOrders/{reference}/notes")]
    Task<IReadOnlyList<WorkOrderNote>> GetNotesAsync(int reference, CancellationToken cancellationToken = default);

    [Post("/api/v2/workOrders/schedule")]
    Task<IApiResponse<ScheduleRepairResponse>> ScheduleRepairAsync([Body] ScheduleRepairRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Attaches a photo (JPEG or PNG, at most 10 MB, 3 a work order); a retry with the same key stores it once.</summary>
    [Multipart]
    [Post("/api/v2/workOrders/{reference}/images")]
    Task<IApiResponse<WorkOrderImage>> UploadImageAsync(int reference, [AliasAs("file")] ByteArrayPart file,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    [Get("/api/v2/workOrders/{reference}/images")]
    Task<IApiResponse<IReadOnlyList<WorkOrderImage>>> ListImagesAsync(int reference, CancellationToken cancellationToken = default);

    /// <summary>The image's bytes, with its content type; dispose the response.</summary>
    [Get("/api/v2/workOrders/{reference}/images/{id}")]
    Task<HttpResponseMessage> GetImageAsync(int reference, int id, CancellationToken cancellationToken = default);

    [Post("/api/v2/workOrderComplete")]
    Task<IApiResponse> CompleteWorkOrderAsync([Body] WorkOrderCompleteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Free slots in the diary; for a work order when one is given (the diary is the same before one exists).</summary>
    [Get("/api/v2/appointments")]
    Task<IReadOnlyList<AppointmentDay>> GetAvailableAppointmentsAsync(int? workOrderReference,
        [Query(Format = "yyyy-MM-dd")] DateOnly fromDate, [Query(Format = "yyyy-MM-dd")] DateOnly toDate,
        CancellationToken cancellationToken = default);

    [Post("/api/v2/appointments")]
    Task<IApiResponse> BookAppointmentAsync([Body] BookAppointmentRequest request, CancellationToken cancellationToken = default);

    [Get("/api/v2/properties/{propertyReference}")]
    Task<IApiResponse<PropertyResponse>> GetPropertyAsync(string propertyReference, CancellationToken cancellationToken = default);

    [Get("/api/v1/repairsonline/triage")]
    Task<IReadOnlyList<TriageOption>> GetTriageAsync(RepairType repairType, CancellationToken cancellationToken = default);
}
