using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Contact details API, <c>api/v2/contactDetails</c> (and the v1 delete).</summary>
public static class ContactDetailEndpoints
{
    public const int MaxRecordsPerType = 5;
    private const int MaxValueLength = 255;

    public static void MapContactDetails(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v2/contactDetails", GetContactDetailsAsync);
        routes.MapPost("/api/v2/contactDetails", CreateContactDetailAsync);
        routes.MapPatch("/api/v2/contactDetails/{id:guid}/person/{personId:guid}", UpdateContactDetailAsync);
        routes.MapDelete("/api/v1/contactDetails", DeleteContactDetailAsync);
    }

    private static async Task<IResult> GetContactDetailsAsync(Guid? targetId, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        if (!await database.Persons.AnyAsync(p => p.Id == target, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Person {target}");
        }

        var records = await database.ContactDetails.AsNoTracking()
            .Where(c => c.TargetId == target && c.IsActive)
            .ToListAsync(cancellationToken);
        return Results.Ok(new ContactDetailsResponse([.. records.OrderBy(c => c.CreatedAt).Select(ToResponse)]));
    }

    private static async Task<IResult> CreateContactDetailAsync(HttpContext context, CouncilDbContext database, Idempotency idempotency,
        WriteGate gate, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        return await idempotency.ExecuteAsync(context, "contactDetails", body, async () =>
        {
            var (request, requestError) = body.As<CreateContactDetailRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            if (Validate(request.ContactInformation) is { } invalid)
            {
                return (null, invalid);
            }

            if (!await database.Persons.AnyAsync(p => p.Id == request.TargetId, cancellationToken))
            {
                return (null, ApiErrors.NotFound(context, $"Person {request.TargetId}"));
            }

            using var entered = await gate.EnterAsync(cancellationToken);
            var type = request.ContactInformation.ContactType;
            var existing = await database.ContactDetails.CountAsync(c => c.TargetId == request.TargetId && c.IsActive && c.ContactType == type, cancellationToken);
            if (type is ContactType.Phone or ContactType.Email && existing >= MaxRecordsPerType)
            {
                return (null, ApiErrors.Validation("contactInformation.contactType",
                    $"A person can have at most {MaxRecordsPerType} {type.ToString().ToLowerInvariant()} contact details; remove one first."));
            }

            var actor = Actor.Of(context.User);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var record = new ContactDetailRecord
            {
                Id = Guid.NewGuid(),
                TargetId = request.TargetId,
                TargetType = request.TargetType,
                ContactType = type,
                SubType = request.ContactInformation.SubType,
                Value = request.ContactInformation.Value.Trim(),
                Description = request.ContactInformation.Description,
                IsActive = true,
                CreatedAt = now,
                CreatedByName = actor.Name,
                CreatedByEmail = actor.Email,
                LastModified = now,
            };
            database.ContactDetails.Add(record);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, ToResponse(record)), null);
        });
    }

    private static async Task<IResult> UpdateContactDetailAsync(Guid id, Guid personId, HttpContext context, CouncilDbContext database,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        var (request, requestError) = body.As<UpdateContactDetailRequest>();
        if (request is null)
        {
            return requestError!;
        }

        var record = await database.ContactDetails.SingleOrDefaultAsync(c => c.Id == id && c.TargetId == personId && c.IsActive, cancellationToken);
        if (record is null)
        {
            return ApiErrors.NotFound(context, $"Contact detail {id} of person {personId}");
        }

        // An officer may have changed the record since the caller read it: never overwrite that blindly.
        if (Versioning.CheckIfMatch(context, record.Version) is { } versionError)
        {
            return versionError;
        }

        if (request.ContactInformation is null)
        {
            return ApiErrors.Validation("contactInformation", "contactInformation is required.");
        }

        if (request.ContactInformation.ContactType != record.ContactType)
        {
            return ApiErrors.Validation("contactInformation.contactType", "The contact type of a contact detail cannot change; add a new one instead.");
        }

        if (Validate(request.ContactInformation) is { } invalid)
        {
            return invalid;
        }

        // Partial update within contactInformation: only the keys sent change.
        var sent = body.Json["contactInformation"]?.AsObject();
        record.Value = request.ContactInformation.Value.Trim();
        if (sent?.ContainsKey("subType") == true)
        {
            record.SubType = request.ContactInformation.SubType;
        }

        if (sent?.ContainsKey("description") == true)
        {
            record.Description = request.ContactInformation.Description;
        }

        return await SaveVersionedAsync(context, database, record, timeProvider, cancellationToken);
    }

    private static async Task<IResult> DeleteContactDetailAsync(Guid? targetId, Guid? id, HttpContext context, CouncilDbContext database,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (targetId is null || id is null)
        {
            return ApiErrors.Validation(targetId is null ? "targetId" : "id", "Both targetId and id are required.");
        }

        var record = await database.ContactDetails.SingleOrDefaultAsync(c => c.Id == id && c.TargetId == targetId && c.IsActive, cancellationToken);
        if (record is null)
        {
            return ApiErrors.NotFound(context, $"Contact detail {id} of {targetId}");
        }

        // If-Match is optional on delete (the platform's delete has none), but when sent a stale version is refused.
        if (context.Request.Headers.ContainsKey(Client.CouncilApiHeaders.IfMatch)
            && Versioning.CheckIfMatch(context, record.Version) is { } versionError)
        {
            return versionError;
        }

        // The platform keeps history: a deleted contact detail is made inactive, not removed.
        record.IsActive = false;
        return await SaveVersionedAsync(context, database, record, timeProvider, cancellationToken);
    }

    private static async Task<IResult> SaveVersionedAsync(HttpContext context, CouncilDbContext database, ContactDetailRecord record,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        record.LastModified = timeProvider.GetUtcNow().UtcDateTime;
        record.Version++;
        return await Versioning.SaveAsync(context, database, record.Version, "contact detail", cancellationToken) ?? Results.Ok(ToResponse(record));
    }

    private static IResult? Validate(ContactInformation? information)
    {
        if (information is null)
        {
            return ApiErrors.Validation("contactInformation", "contactInformation is required.");
        }

        var errors = new Dictionary<string, string[]>();
        var value = information.Value?.Trim() ?? "";
        if (value.Length == 0)
        {
            errors["contactInformation.value"] = ["A value is required."];
        }
        else if (value.Length > MaxValueLength)
        {
            errors["contactInformation.value"] = [$"The value must be at most {MaxValueLength} characters."];
        }
        else if (TextChecks.LooksLikeScript(value))
        {
            errors["contactInformation.value"] = ["W42: The value contains characters that are not allowed."];
        }
        else if (information.ContactType == ContactType.Email && !TextChecks.IsEmail(value))
        {
            errors["contactInformation.value"] = ["W40: This is not a valid email address."];
        }
        else if (information.ContactType == ContactType.Phone && !TextChecks.IsPhone(value))
        {
            errors["contactInformation.value"] = ["W41: This is not a valid UK or international phone number."];
        }

        if (TextChecks.LooksLikeScript(information.Description))
        {
            errors["contactInformation.description"] = ["W42: The description contains characters that are not allowed."];
        }

        return errors.Count == 0 ? null : ApiErrors.Validation(errors);
    }

    private static ContactDetail ToResponse(ContactDetailRecord record) => new()
    {
        Id = record.Id,
        TargetId = record.TargetId,
        TargetType = record.TargetType,
        ContactInformation = new ContactInformation
        {
            ContactType = record.ContactType,
            SubType = record.SubType,
            Value = record.Value,
            Description = record.Description,
        },
        IsActive = record.IsActive,
        CreatedBy = new CreatedBy(record.CreatedAt, record.CreatedByName, record.CreatedByEmail),
        LastModified = record.LastModified,
        VersionNumber = record.Version,
    };
}
