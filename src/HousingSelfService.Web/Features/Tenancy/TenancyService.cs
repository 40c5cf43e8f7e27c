using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Documents;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Processes;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Infrastructure;
using Refit;

namespace HousingSelfService.Web.Features.Tenancy;

/// <summary>
/// The tenancy feature boundary. Everything is for the signed-in resident's tenancy link, never an id from a URL:
/// a contact detail, request or letter of another household is simply not found. Council API failures become
/// <see cref="LoadOutcome.Unavailable"/> or <see cref="ChangeOutcome.Unavailable"/>.
/// </summary>
public sealed class TenancyService(
    CurrentResident currentResident,
    ITenuresApi tenures,
    IAssetsApi assets,
    IPersonsApi persons,
    IContactDetailsApi contactDetails,
    IProcessesApi processes,
    IDocumentsApi documents,
    TimeProvider time,
    ILogger<TenancyService> logger)
{
    public const string PreferredMarker = "Preferred";

    public Task<Loaded<TenancyDetails>> LoadTenancyAsync(CancellationToken cancellationToken = default) =>
        LoadAsync("tenure", link => TenancyForAsync(link, cancellationToken), cancellationToken);

    public Task<Loaded<ContactList>> LoadContactsAsync(CancellationToken cancellationToken = default) =>
        LoadAsync("contact details", link => ContactsForAsync(link, cancellationToken), cancellationToken);

    public Task<Loaded<PreferredName>> LoadNameAsync(CancellationToken cancellationToken = default) =>
        LoadAsync("person", async link =>
        {
            using var response = await persons.GetPersonAsync(link.PersonId, cancellationToken).ConfigureAwait(false);
            var person = CouncilApiFailures.ContentOrThrow(response, "the person");
            return new PreferredName(person.Title, person.FirstName, person.Surname, person.PreferredTitle, person.PreferredFirstName,
                person.PreferredSurname, response.Headers?.ETag?.Tag ?? throw new CouncilDataUnavailableException("The person came without an ETag."));
        }, cancellationToken);

    public Task<Loaded<IReadOnlyList<RequestView>>> LoadRequestsAsync(CancellationToken cancellationToken = default) =>
        LoadAsync<IReadOnlyList<RequestView>>("processes", async link =>
        {
            using var response = await processes.GetProcessesAsync(link.TenureId, cancellationToken).ConfigureAwait(false);
            var found = CouncilApiFailures.ContentOrThrow(response, "the requests");
            return [.. found.Results.Where(p => p.TargetId == link.TenureId).Select(p =>
            {
                var (status, meaning) = RequestForms.StatusInWords(p.CurrentState.State);
                var submitted = p.PreviousStates.Count > 0 ? p.PreviousStates[0].CreatedAt : p.CurrentState.CreatedAt;
                return new RequestView(p.Id, p.Reference, RequestForms.ByProcessName(p.ProcessName)?.Title ?? p.ProcessName, status, meaning,
                    DateOnly.FromDateTime(submitted), DateOnly.FromDateTime(p.CurrentState.UpdatedAt));
            })];
        }, cancellationToken);

    public Task<Loaded<IReadOnlyList<LetterView>>> LoadLettersAsync(CancellationToken cancellationToken = default) =>
        LoadAsync<IReadOnlyList<LetterView>>("documents", async link =>
        {
            using var response = await documents.GetDocumentsAsync(link.TenureId, cancellationToken).ConfigureAwait(false);
            var found = CouncilApiFailures.ContentOrThrow(response, "the letters");
            return [.. found.Results.Select(d => new LetterView(d.Id, d.Title, DateOnly.FromDateTime(d.CreatedAt)))];
        }, cancellationToken);

    /// <summary>One letter of the given link's tenancy; null when there is no such letter (or the API did not answer).</summary>
    public async Task<LetterFile?> DownloadLetterAsync(TenancyLink link, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        try
        {
            using var response = await documents.DownloadDocumentAsync(id, link.TenureId, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new LetterFile(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? $"{id}.txt",
                response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", content);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council documents API was unavailable for letter {Id}.", id);
            return null;
        }
    }

    /// <summary>Problems with a phone number or email address as typed; empty when it can be sent.</summary>
    public static IReadOnlyList<FormError> CheckContactValue(ContactType type, string? value)
    {
        var text = value?.Trim() ?? "";
        var what = type == ContactType.Email ? "an email address" : "a phone number";
        string? message = text switch
        {
            { Length: 0 } => $"Enter {what}",
            { Length: > 100 } => "Use 100 characters or fewer",
            _ when TextChecks.LooksLikeScript(text) => "Do not use the characters < or >, or web code",
            _ when type == ContactType.Email && !TextChecks.IsEmail(text) => "Enter an email address in the correct format, like name@example.com",
            _ when type == ContactType.Phone && !TextChecks.IsPhone(text) => "Enter a UK phone number, like 07700 900 982 or 020 7946 0000",
            _ => null,
        };
        return message is null ? [] : [new FormError("contact-value", message)];
    }

    public Task<ChangeResult> AddContactAsync(ContactType type, ContactSubType subType, string value, bool preferred, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("add contact detail", async link =>
        {
            if (CheckContactValue(type, value) is { Count: > 0 } invalid)
            {
                return new ChangeResult(ChangeOutcome.Invalid, invalid);
            }

            var current = await ContactsForAsync(link, cancellationToken).ConfigureAwait(false);
            if (current.Of(type).Count >= ContactLimit)
            {
                return ChangeResult.Invalid(new FormError("contact-value",
                    $"You already have {ContactLimit} {(type == ContactType.Email ? "email addresses" : "phone numbers")}. Remove one first."));
            }

            using var response = await contactDetails.CreateContactDetailAsync(new CreateContactDetailRequest
            {
                TargetId = link.PersonId,
                ContactInformation = new ContactInformation
                {
                    ContactType = type, SubType = subType, Value = value.Trim(), Description = preferred ? PreferredMarker : null,
                },
            }, idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return RefusedValue(response.Error);
            }

            var created = CouncilApiFailures.ContentOrThrow(response, "the new contact detail");
            if (preferred)
            {
                await ClearOtherPreferredAsync(link, current.Of(type), created.Id, cancellationToken).ConfigureAwait(false);
            }

            return ChangeResult.Saved;
        }, cancellationToken);

    /// <summary>
    /// Changes a contact detail from the version the resident saw. If an officer changed or removed it meanwhile, the
    /// API refuses (409) and nothing is overwritten: the result carries what the record says now.
    /// </summary>
    public Task<ChangeResult> ChangeContactAsync(ContactView original, ContactSubType subType, string value, bool preferred,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("change contact detail", async link =>
        {
            ArgumentNullException.ThrowIfNull(original);
            if (CheckContactValue(original.Type, value) is { Count: > 0 } invalid)
            {
                return new ChangeResult(ChangeOutcome.Invalid, invalid);
            }

            using var response = await contactDetails.UpdateContactDetailAsync(original.Id, link.PersonId, new UpdateContactDetailRequest(
                new ContactInformation
                {
                    ContactType = original.Type, SubType = subType, Value = value.Trim(), Description = preferred ? PreferredMarker : "",
                }), CouncilApiETag(original.Version), cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Conflict:
                    return await ConflictAsync(link, original.Id, cancellationToken).ConfigureAwait(false);
                case HttpStatusCode.NotFound:
                    return ChangeResult.NotFound;
                case HttpStatusCode.BadRequest:
                    return RefusedValue(response.Error);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw response.Error ?? (Exception)new CouncilDataUnavailableException($"The contact detail change failed ({(int?)response.StatusCode ?? 0}).");
            }

            if (preferred)
            {
                var current = await ContactsForAsync(link, cancellationToken).ConfigureAwait(false);
                await ClearOtherPreferredAsync(link, current.Of(original.Type), original.Id, cancellationToken).ConfigureAwait(false);
            }

            return ChangeResult.Saved;
        }, cancellationToken);

    public Task<ChangeResult> RemoveContactAsync(ContactView original, CancellationToken cancellationToken = default) =>
        ChangeAsync("remove contact detail", async link =>
        {
            ArgumentNullException.ThrowIfNull(original);
            using var response = await contactDetails.DeleteContactDetailAsync(link.PersonId, original.Id, CouncilApiETag(original.Version), cancellationToken)
                .ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Conflict => await ConflictAsync(link, original.Id, cancellationToken).ConfigureAwait(false),
                HttpStatusCode.NotFound => ChangeResult.NotFound,
                _ when response.IsSuccessStatusCode => ChangeResult.Saved,
                _ => throw response.Error ?? (Exception)new CouncilDataUnavailableException($"The contact detail removal failed ({(int?)response.StatusCode ?? 0})."),
            };
        }, cancellationToken);

    /// <summary>Sends only the names that changed (a partial PATCH), from the version the resident saw.</summary>
    public Task<ChangeResult> ChangeNameAsync(PreferredName original, string? preferredTitle, string? preferredFirstName, string? preferredSurname,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("change preferred name", async link =>
        {
            ArgumentNullException.ThrowIfNull(original);
            var errors = new List<FormError>();
            foreach (var (id, value) in new[] { ("preferred-title", preferredTitle), ("preferred-first-name", preferredFirstName), ("preferred-surname", preferredSurname) })
            {
                if (value?.Trim() is { Length: > 0 } text && (text.Length > 100 || TextChecks.LooksLikeScript(text)))
                {
                    errors.Add(new FormError(id, text.Length > 100 ? "Use 100 characters or fewer" : "Do not use the characters < or >, or web code"));
                }
            }

            if (errors.Count > 0)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors);
            }

            // Empty clears a name (the API stores blank as none); an unchanged name is not sent at all.
            static string? Changed(string? before, string? after) =>
                string.Equals(before ?? "", after?.Trim() ?? "", StringComparison.Ordinal) ? null : after?.Trim() ?? "";
            var request = new UpdatePersonRequest
            {
                PreferredTitle = Changed(original.PreferredTitle, preferredTitle),
                PreferredFirstName = Changed(original.PreferredFirstName, preferredFirstName),
                PreferredSurname = Changed(original.PreferredSurname, preferredSurname),
            };
            if (request is { PreferredTitle: null, PreferredFirstName: null, PreferredSurname: null })
            {
                return ChangeResult.Saved;
            }

            using var response = await persons.UpdatePersonAsync(link.PersonId, request, original.Version, cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Conflict => new ChangeResult(ChangeOutcome.Conflict, []),
                HttpStatusCode.BadRequest => ChangeResult.Invalid(new FormError("preferred-first-name", "The council system did not accept these names. Check them and try again.")),
                _ when response.IsSuccessStatusCode => ChangeResult.Saved,
                _ => throw response.Error ?? (Exception)new CouncilDataUnavailableException($"The name change failed ({(int?)response.StatusCode ?? 0})."),
            };
        }, cancellationToken);

    /// <summary>Sends a request as a tenancy process on the resident's tenure; the result carries its reference.</summary>
    public Task<ChangeResult> SubmitRequestAsync(RequestDefinition definition, IReadOnlyDictionary<string, string?> answers, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        ChangeAsync("submit request", async link =>
        {
            ArgumentNullException.ThrowIfNull(definition);
            var tenancy = await TenancyForAsync(link, cancellationToken).ConfigureAwait(false);
            var members = HouseholdOptions(tenancy, link);
            if (RequestForms.Validate(definition, answers, members, UkFormat.Today(time)) is { Count: > 0 } errors)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors);
            }

            var formData = new JsonObject();
            foreach (var field in definition.Fields)
            {
                if (answers.GetValueOrDefault(field.Id)?.Trim() is { Length: > 0 } value)
                {
                    formData[field.Id] = value;
                }
            }

            var related = definition.Fields.Any(f => f.HouseholdMembers) && Guid.TryParse(answers.GetValueOrDefault(RequestForms.HouseholdMemberField), out var memberId)
                ? new[] { new RelatedEntity(memberId, "person", "householdMember", tenancy.Household.First(h => h.Id == memberId).Name) }
                : [];
            using var created = await processes.CreateProcessAsync(definition.ProcessName, new CreateProcessRequest
            {
                TargetId = link.TenureId,
                FormData = formData,
                RelatedEntities = related,
            }, idempotencyKey, cancellationToken).ConfigureAwait(false);
            var id = CouncilApiFailures.ContentOrThrow(created, "the new request").Id;
            using var process = await processes.GetProcessAsync(definition.ProcessName, id, cancellationToken).ConfigureAwait(false);
            return new ChangeResult(ChangeOutcome.Saved, [], Reference: CouncilApiFailures.ContentOrThrow(process, "the new request").Reference);
        }, cancellationToken);

    /// <summary>Household members a request may name: everyone on the tenancy except the resident.</summary>
    public static IReadOnlyList<FieldOption> HouseholdOptions(TenancyDetails tenancy, TenancyLink link)
    {
        ArgumentNullException.ThrowIfNull(tenancy);
        ArgumentNullException.ThrowIfNull(link);
        return [.. tenancy.Household.Where(h => h.Id != link.PersonId).Select(h => new FieldOption(h.Id.ToString(), h.Name))];
    }

    public async Task<IReadOnlyList<FieldOption>> HouseholdOptionsAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        var tenancy = await LoadTenancyAsync(cancellationToken).ConfigureAwait(false);
        return viewer.Link is { } link && tenancy.Value is { } details ? HouseholdOptions(details, link) : [];
    }

    public const int ContactLimit = 5;

    private static string CouncilApiETag(int version) => $"\"{version}\"";

    private async Task<TenancyDetails> TenancyForAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        using var response = await tenures.GetTenureAsync(link.TenureId, cancellationToken).ConfigureAwait(false);
        var tenure = CouncilApiFailures.ContentOrThrow(response, "the tenure");
        var (type, meaning) = Wording.TenancyType(tenure.TenureType.Code, tenure.TenureType.Description);
        var (facts, area) = await PropertyAsync(tenure.TenuredAsset.Id, cancellationToken).ConfigureAwait(false);
        return new TenancyDetails(
            tenure.TenuredAsset.FullAddress,
            type,
            meaning,
            tenure.StartOfTenureDate is { } start ? DateOnly.FromDateTime(start) : null,
            tenure.PaymentReference,
            area,
            [.. tenure.Notices.Select(n => new TenancyNoticeView(n.Type, DateOf(n.ServedDate), DateOf(n.ExpiryDate)))],
            facts,
            [.. tenure.HouseholdMembers.Select(m => new HouseholdPerson(m.Id, m.FullName, RoleInWords(m), m.IsResponsible, DateOf(m.DateOfBirth)))]);
    }

    /// <summary>The property's facts; the rest of the page still shows when the asset system does not answer.</summary>
    private async Task<(PropertyFacts? Facts, string? AreaOffice)> PropertyAsync(Guid assetId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await assets.GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false);
            var asset = CouncilApiFailures.ContentOrThrow(response, "the property");
            var c = asset.AssetCharacteristics;
            return (new PropertyFacts(KindInWords(asset.AssetType), c.NumberOfBedrooms, c.IsStepFree, c.NumberOfLifts, c.YearConstructed),
                asset.AssetManagement.AreaOfficeName);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council assets API was unavailable for asset {AssetId}.", assetId);
            return (null, null);
        }
    }

    internal static string KindInWords(AssetType type) => type switch
    {
        AssetType.StudioFlat => "Studio flat",
        AssetType.SelfContainedBedsit => "Bedsit",
        AssetType.Maisonette => "Maisonette",
        AssetType.House => "House",
        _ => "Flat",
    };

    internal static string RoleInWords(HouseholdMember member) => member.PersonTenureType switch
    {
        PersonTenureType.Tenant => member.IsResponsible ? "Tenant (named on the tenancy)" : "Joint tenant",
        PersonTenureType.Leaseholder => "Leaseholder",
        PersonTenureType.Freeholder => "Freeholder",
        PersonTenureType.Occupant => "Lives here (not named on the tenancy)",
        _ => "Household member",
    };

    private static DateOnly? DateOf(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    private async Task<ContactList> ContactsForAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        using var response = await contactDetails.GetContactDetailsAsync(link.PersonId, cancellationToken).ConfigureAwait(false);
        var all = CouncilApiFailures.ContentOrThrow(response, "the contact details").Results
            .Where(c => c.IsActive && c.TargetId == link.PersonId)
            .Select(c => new ContactView(c.Id, c.ContactInformation.ContactType, c.ContactInformation.SubType, c.ContactInformation.Value,
                string.Equals(c.ContactInformation.Description, PreferredMarker, StringComparison.OrdinalIgnoreCase), c.VersionNumber))
            .ToList();
        return new ContactList([.. all.Where(c => c.Type == ContactType.Phone)], [.. all.Where(c => c.Type == ContactType.Email)]);
    }

    /// <summary>Only one phone and one email can be preferred: the others lose the mark (each from its own version).</summary>
    private async Task ClearOtherPreferredAsync(TenancyLink link, IReadOnlyList<ContactView> sameType, Guid keep, CancellationToken cancellationToken)
    {
        foreach (var other in sameType.Where(c => c.IsPreferred && c.Id != keep))
        {
            using var response = await contactDetails.UpdateContactDetailAsync(other.Id, link.PersonId, new UpdateContactDetailRequest(
                new ContactInformation { ContactType = other.Type, SubType = other.SubType, Value = other.Value, Description = "" }),
                CouncilApiETag(other.Version), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Contact detail {Id} kept its preferred mark: the council API answered {Status}.", other.Id, (int?)response.StatusCode ?? 0);
            }
        }
    }

    private async Task<ChangeResult> ConflictAsync(TenancyLink link, Guid id, CancellationToken cancellationToken)
    {
        var now = await ContactsForAsync(link, cancellationToken).ConfigureAwait(false);
        return new ChangeResult(ChangeOutcome.Conflict, [], now.Phones.Concat(now.Emails).FirstOrDefault(c => c.Id == id));
    }

    private static ChangeResult RefusedValue(ApiExceptionBase? error)
    {
        var message = "The council system did not accept this. Check it and try again.";
        if ((error as ApiException)?.Content is { Length: > 0 } content)
        {
            try
            {
                var body = JsonSerializer.Deserialize<ValidationFailedResponse>(content, CouncilApiJson.Options);
                message = body?.Errors.Values.SelectMany(v => v).FirstOrDefault() switch
                {
                    { } text when text.StartsWith("W40", StringComparison.Ordinal) => "Enter an email address in the correct format, like name@example.com",
                    { } text when text.StartsWith("W41", StringComparison.Ordinal) => "Enter a UK phone number, like 07700 900 982 or 020 7946 0000",
                    { } text when text.StartsWith("W42", StringComparison.Ordinal) => "Do not use the characters < or >, or web code",
                    { } text when text.Contains("at most", StringComparison.Ordinal) => "You already have 5 of these. Remove one first.",
                    _ => message,
                };
            }
            catch (JsonException)
            {
                // Not the validation shape: keep the general message.
            }
        }

        return ChangeResult.Invalid(new FormError("contact-value", message));
    }

    private async Task<Loaded<T>> LoadAsync<T>(string what, Func<TenancyLink, Task<T>> load, CancellationToken cancellationToken) where T : class
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer.Link is not { } link)
        {
            return new Loaded<T>(LoadOutcome.NotLinked, null);
        }

        try
        {
            return new Loaded<T>(LoadOutcome.Loaded, await load(link).ConfigureAwait(false));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council {What} API was unavailable.", what);
            return new Loaded<T>(LoadOutcome.Unavailable, null);
        }
    }

    private async Task<ChangeResult> ChangeAsync(string what, Func<TenancyLink, Task<ChangeResult>> change, CancellationToken cancellationToken)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer.Link is not { } link)
        {
            return ChangeResult.NotLinked;
        }

        try
        {
            return await change(link).ConfigureAwait(false);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council API was unavailable to {What}.", what);
            return ChangeResult.Unavailable;
        }
    }
}
