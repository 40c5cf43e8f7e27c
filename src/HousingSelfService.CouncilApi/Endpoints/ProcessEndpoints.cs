using System.Text.Json;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Processes;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.CouncilApi.Processes;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Tenancy processes API, <c>api/v1/process</c>, after Hackney's processes-api.</summary>
public static class ProcessEndpoints
{
    private const int MaxFormDataLength = 20_000;

    public static void MapProcesses(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/process/{processName}", CreateProcessAsync);
        routes.MapGet("/api/v1/process/{processName}/{id:guid}", GetProcessAsync);
        routes.MapGet("/api/v1/process", GetProcessesAsync);
        routes.MapPatch("/api/v1/process/{processName}/{id:guid}/{processTrigger}", UpdateProcessAsync);
    }

    private static async Task<IResult> CreateProcessAsync(string processName, HttpContext context, CouncilDbContext database,
        Idempotency idempotency, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!ProcessNames.All.Contains(processName, StringComparer.Ordinal))
        {
            return ApiErrors.NotFound(context, $"Process type '{processName}'");
        }

        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        return await idempotency.ExecuteAsync(context, $"process/{processName}", body, async () =>
        {
            var (request, requestError) = body.As<CreateProcessRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            if (Validate(request) is { } invalid)
            {
                return (null, invalid);
            }

            if (!await database.Tenures.AnyAsync(t => t.Id == request.TargetId, cancellationToken))
            {
                return (null, ApiErrors.NotFound(context, $"Tenure {request.TargetId}"));
            }

            var actor = Actor.Of(context.User);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var record = new ProcessRecord
            {
                Id = Guid.NewGuid(),
                ProcessName = processName,
                TargetId = request.TargetId,
                TargetType = request.TargetType,
                FormDataJson = request.FormData.ToJsonString(),
                DocumentsJson = JsonSerializer.Serialize(request.Documents, CouncilApiJson.Options),
                RelatedEntitiesJson = JsonSerializer.Serialize(request.RelatedEntities, CouncilApiJson.Options),
                State = ProcessStates.Submitted,
                StateCreatedAt = now,
                StateUpdatedAt = now,
                PreviousStatesJson = "[]",
                CreatedAt = now,
                CreatedByName = actor.Name,
                CreatedByEmail = actor.Email,
            };
            database.Processes.Add(record);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, new CreateProcessResponse(record.Id)), null);
        });
    }

    private static IResult? Validate(CreateProcessRequest request)
    {
        if (request.TargetId == Guid.Empty)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        if (request.TargetType != "tenure")
        {
            return ApiErrors.Validation("targetType", "targetType must be 'tenure'.");
        }

        if (request.FormData is null || request.FormData.Count == 0)
        {
            return ApiErrors.Validation("formData", "formData is required.");
        }

        if (request.FormData.ToJsonString().Length > MaxFormDataLength)
        {
            return ApiErrors.Validation("formData", $"formData must be at most {MaxFormDataLength} characters of JSON.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (path, text) in Strings(request.FormData, "formData"))
        {
            if (TextChecks.LooksLikeScript(text))
            {
                errors[path] = ["W42: Contains characters that are not allowed."];
            }
        }

        foreach (var (document, index) in request.Documents.Select((d, i) => (d, i)))
        {
            if (TextChecks.LooksLikeScript(document))
            {
                errors[$"documents[{index}]"] = ["W42: Contains characters that are not allowed."];
            }
        }

        return errors.Count == 0 ? null : ApiErrors.Validation(errors);
    }

    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value, $"{path}.{pair.Key}")),
        JsonArray array => array.SelectMany((item, index) => Strings(item, $"{path}[{index}]")),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(path, value.GetValue<string>())],
        _ => [],
    };

    private static async Task<IResult> GetProcessAsync(string processName, Guid id, HttpContext context, CouncilDbContext database,
        CancellationToken cancellationToken)
    {
        var record = await database.Processes.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.ProcessName == processName, cancellationToken);
        if (record is null)
        {
            return ApiErrors.NotFound(context, $"Process {processName}/{id}");
        }

        Versioning.SetETag(context.Response, record.Version);
        return Results.Ok(ToResponse(record));
    }

    private static async Task<IResult> GetProcessesAsync(Guid? targetId, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        var records = await database.Processes.AsNoTracking().Where(p => p.TargetId == target).ToListAsync(cancellationToken);
        return Results.Ok(new ProcessesResponse([.. records.OrderByDescending(p => p.CreatedAt).Select(ToResponse)]));
    }

    private static async Task<IResult> UpdateProcessAsync(string processName, Guid id, string processTrigger, HttpContext context,
        CouncilDbContext database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var record = await database.Processes.SingleOrDefaultAsync(p => p.Id == id && p.ProcessName == processName, cancellationToken);
        if (record is null)
        {
            return ApiErrors.NotFound(context, $"Process {processName}/{id}");
        }

        if (Versioning.CheckIfMatch(context, record.Version) is { } versionError)
        {
            return versionError;
        }

        if (ProcessStateMachine.Next(record.State, processTrigger) is not { } next)
        {
            return ApiErrors.Validation("processTrigger",
                $"'{processTrigger}' is not permitted from {record.State}; permitted: {string.Join(", ", ProcessStateMachine.PermittedTriggers(record.State))}.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var previous = JsonSerializer.Deserialize<List<ProcessState>>(record.PreviousStatesJson, CouncilApiJson.Options) ?? [];
        previous.Add(new ProcessState { State = record.State, CreatedAt = record.StateCreatedAt, UpdatedAt = now });
        record.PreviousStatesJson = JsonSerializer.Serialize(previous, CouncilApiJson.Options);
        record.State = next;
        record.StateCreatedAt = now;
        record.StateUpdatedAt = now;
        record.Version++;
        return await Versioning.SaveAsync(context, database, record.Version, "process", cancellationToken) ?? Results.NoContent();
    }

    private static ProcessResponse ToResponse(ProcessRecord record) => new()
    {
        Id = record.Id,
        ProcessName = record.ProcessName,
        TargetId = record.TargetId,
        TargetType = record.TargetType,
        Reference = record.Reference,
        FormData = JsonNode.Parse(record.FormDataJson)?.AsObject() ?? [],
        Documents = JsonSerializer.Deserialize<List<string>>(record.DocumentsJson, CouncilApiJson.Options) ?? [],
        RelatedEntities = JsonSerializer.Deserialize<List<RelatedEntity>>(record.RelatedEntitiesJson, CouncilApiJson.Options) ?? [],
        CurrentState = new ProcessState
        {
            State = record.State,
            PermittedTriggers = ProcessStateMachine.PermittedTriggers(record.State),
            CreatedAt = record.StateCreatedAt,
            UpdatedAt = record.StateUpdatedAt,
        },
        PreviousStates = JsonSerializer.Deserialize<List<ProcessState>>(record.PreviousStatesJson, CouncilApiJson.Options) ?? [],
    };
}
