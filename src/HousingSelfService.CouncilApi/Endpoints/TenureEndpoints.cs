using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Tenure information API, <c>api/v1/tenures</c>.</summary>
public static class TenureEndpoints
{
    public static void MapTenures(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/tenures/{id:guid}", GetTenureAsync);
        routes.MapGet("/api/v1/tenures/paymentReference/{paymentReference}", GetTenureByPaymentReferenceAsync);
        routes.MapPatch("/api/v1/tenures/{id:guid}/person/{personId:guid}", UpdateTenureForPersonAsync);
    }

    private static async Task<IResult> GetTenureAsync(Guid id, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var tenure = await database.Tenures.AsNoTracking().Include(t => t.Members)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenure is null)
        {
            return ApiErrors.NotFound(context, $"Tenure {id}");
        }

        var asset = await database.Assets.AsNoTracking().SingleAsync(a => a.Id == tenure.AssetId, cancellationToken);
        Versioning.SetETag(context.Response, tenure.Version);
        return Results.Ok(ToResponse(tenure, asset));
    }

    /// <summary>The tenure a rent payment reference belongs to (resident self-linking checks the details it gives).</summary>
    private static async Task<IResult> GetTenureByPaymentReferenceAsync(string paymentReference, HttpContext context, CouncilDbContext database,
        CancellationToken cancellationToken)
    {
        var reference = paymentReference.Trim();
        var tenure = await database.Tenures.AsNoTracking().Include(t => t.Members)
            .SingleOrDefaultAsync(t => t.PaymentReference == reference, cancellationToken);
        if (tenure is null)
        {
            return ApiErrors.NotFound(context, $"Tenure with payment reference {reference}");
        }

        var asset = await database.Assets.AsNoTracking().SingleAsync(a => a.Id == tenure.AssetId, cancellationToken);
        Versioning.SetETag(context.Response, tenure.Version);
        return Results.Ok(ToResponse(tenure, asset));
    }

    private static async Task<IResult> UpdateTenureForPersonAsync(Guid id, Guid personId, HttpContext context,
        CouncilDbContext database, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        var (request, requestError) = body.As<UpdateTenureForPersonRequest>();
        if (request is null)
        {
            return requestError!;
        }

        var tenure = await database.Tenures.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenure is null)
        {
            return ApiErrors.NotFound(context, $"Tenure {id}");
        }

        if (Versioning.CheckIfMatch(context, tenure.Version) is { } versionError)
        {
            return versionError;
        }

        if (string.IsNullOrWhiteSpace(request.FullName) || request.FullName.Length > 200)
        {
            return ApiErrors.Validation("fullName", "Full name is required and must be at most 200 characters.");
        }

        if (TextChecks.LooksLikeScript(request.FullName))
        {
            return ApiErrors.Validation("fullName", "W42: The full name contains characters that are not allowed.");
        }

        var member = tenure.Members.SingleOrDefault(m => m.PersonId == personId);
        if (member is null)
        {
            member = new TenureMemberRecord { TenureId = tenure.Id, PersonId = personId, FullName = request.FullName, PersonTenureType = PersonTenureType.HouseholdMember };
            tenure.Members.Add(member);
        }

        // Partial update: only keys present in the body change.
        member.FullName = request.FullName;
        if (body.Has("isResponsible"))
        {
            member.IsResponsible = request.IsResponsible ?? false;
        }

        if (body.Has("dateOfBirth"))
        {
            member.DateOfBirth = request.DateOfBirth;
        }

        if (body.Has("type") && request.Type is { } type)
        {
            member.Type = type;
        }

        if (body.Has("personTenureType") && request.PersonTenureType is { } personTenureType)
        {
            member.PersonTenureType = personTenureType;
        }

        tenure.Version++;
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Core(context, StatusCodes.Status409Conflict, "The tenure was changed by someone else at the same time. Fetch it again and retry.");
        }

        Versioning.SetETag(context.Response, tenure.Version);
        return Results.NoContent();
    }

    internal static TenureResponse ToResponse(TenureRecord tenure, AssetRecord asset) => new()
    {
        Id = tenure.Id,
        PaymentReference = tenure.PaymentReference,
        HouseholdMembers = [.. tenure.Members.OrderByDescending(m => m.IsResponsible).ThenBy(m => m.Id).Select(m => new HouseholdMember
        {
            Id = m.PersonId,
            Type = m.Type,
            FullName = m.FullName,
            IsResponsible = m.IsResponsible,
            DateOfBirth = m.DateOfBirth,
            PersonTenureType = m.PersonTenureType,
        })],
        TenuredAsset = new TenuredAsset
        {
            Id = asset.Id,
            Type = asset.AssetType.ToString(),
            FullAddress = asset.FullAddress,
            Uprn = asset.Uprn,
            PropertyReference = asset.PropertyReference,
        },
        Charges = new TenureCharges
        {
            Rent = tenure.Rent,
            ServiceCharge = tenure.ServiceCharge,
            OtherCharges = tenure.OtherCharges,
            CurrentBalance = tenure.Balance,
            BillingFrequency = Lookups.WeeklyFrequency,
        },
        StartOfTenureDate = tenure.StartOfTenureDate,
        EndOfTenureDate = tenure.EndOfTenureDate,
        TenureType = Lookups.TenureTypeOf(tenure.TenureTypeCode),
        IsActive = tenure.IsActive,
        LegacyReferences = [new LegacyReference("uh_tag_ref", tenure.PaymentReference)],
    };
}
