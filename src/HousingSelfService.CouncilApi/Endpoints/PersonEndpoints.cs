using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Person API, <c>api/v1/persons</c>.</summary>
public static class PersonEndpoints
{
    private const int MaxNameLength = 100;
    private static readonly string[] EditableFields = ["title", "preferredTitle", "preferredFirstName", "preferredSurname"];

    public static void MapPersons(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/persons/{id:guid}", GetPersonAsync);
        routes.MapPatch("/api/v1/persons/{id:guid}", UpdatePersonAsync);
    }

    private static async Task<IResult> GetPersonAsync(Guid id, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var person = await database.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return ApiErrors.NotFound(context, $"Person {id}");
        }

        var memberships = await (
            from member in database.TenureMembers.AsNoTracking()
            join tenure in database.Tenures.AsNoTracking() on member.TenureId equals tenure.Id
            join asset in database.Assets.AsNoTracking() on tenure.AssetId equals asset.Id
            where member.PersonId == id
            select new { member.PersonTenureType, Tenure = tenure, Asset = asset }).ToListAsync(cancellationToken);

        Versioning.SetETag(context.Response, person.Version);
        return Results.Ok(new PersonResponse
        {
            Id = person.Id,
            Title = person.Title,
            PreferredTitle = person.PreferredTitle,
            FirstName = person.FirstName,
            MiddleName = person.MiddleName,
            Surname = person.Surname,
            PreferredFirstName = person.PreferredFirstName,
            PreferredSurname = person.PreferredSurname,
            DateOfBirth = person.DateOfBirth,
            PersonTypes = [.. memberships.Select(m => PersonTypeOf(m.PersonTenureType)).Distinct()],
            Tenures = [.. memberships.Select(m => new PersonTenure
            {
                Id = m.Tenure.Id,
                AssetFullAddress = m.Asset.FullAddress,
                AssetId = m.Asset.Id.ToString(),
                StartDate = m.Tenure.StartOfTenureDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                EndDate = m.Tenure.EndOfTenureDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Type = Lookups.TenureTypeOf(m.Tenure.TenureTypeCode).Description,
                PaymentReference = m.Tenure.PaymentReference,
                PropertyReference = m.Asset.PropertyReference,
                IsActive = m.Tenure.IsActive,
            })],
        });
    }

    private static async Task<IResult> UpdatePersonAsync(Guid id, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        var person = await database.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return ApiErrors.NotFound(context, $"Person {id}");
        }

        if (Versioning.CheckIfMatch(context, person.Version) is { } versionError)
        {
            return versionError;
        }

        var errors = new Dictionary<string, string[]>();
        var changes = new Dictionary<string, string?>();
        foreach (var (field, node) in body.Json)
        {
            if (!EditableFields.Contains(field, StringComparer.Ordinal))
            {
                errors[field] = [$"'{field}' cannot be changed here; only {string.Join(", ", EditableFields)} can."];
            }
            else if (node is not null && (node.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                errors[field] = ["Must be a string or null."];
            }
            else if (node?.GetValue<string>() is { } text && (text.Length > MaxNameLength || TextChecks.LooksLikeScript(text)))
            {
                errors[field] = [text.Length > MaxNameLength
                    ? $"Must be at most {MaxNameLength} characters."
                    : "W42: Contains characters that are not allowed."];
            }
            else
            {
                changes[field] = node is JsonValue value ? value.GetValue<string>() : null;
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        foreach (var (field, value) in changes)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            switch (field)
            {
                case "title": person.Title = text; break;
                case "preferredTitle": person.PreferredTitle = text; break;
                case "preferredFirstName": person.PreferredFirstName = text; break;
                case "preferredSurname": person.PreferredSurname = text; break;
            }
        }

        person.Version++;
        return await Versioning.SaveAsync(context, database, person.Version, "person", cancellationToken) ?? Results.NoContent();
    }

    private static PersonType PersonTypeOf(PersonTenureType type) => type switch
    {
        PersonTenureType.Tenant => PersonType.Tenant,
        PersonTenureType.Leaseholder => PersonType.Leaseholder,
        PersonTenureType.Freeholder => PersonType.Freeholder,
        PersonTenureType.Occupant => PersonType.Occupant,
        _ => PersonType.HouseholdMember,
    };
}
