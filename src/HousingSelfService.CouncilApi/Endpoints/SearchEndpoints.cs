using System.Globalization;
using HousingSelfService.CouncilApi.Client.Search;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>
/// Housing search, <c>api/v1/search/persons</c> and <c>api/v1/search/tenures</c>, shaped as Hackney's housing-search-api:
/// <c>searchText</c>, 1-based <c>page</c>, <c>pageSize</c> (default 12) → <c>{results: {…}, total}</c>. Every word of the
/// search text must match a name, the address, the postcode (spaces ignored) or the payment reference.
/// </summary>
public static class SearchEndpoints
{
    private const int DefaultPageSize = 12;
    private const int MaxPageSize = 100;
    private const int MinSearchLength = 2;

    public static void MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/search/persons", SearchPersonsAsync);
        routes.MapGet("/api/v1/search/tenures", SearchTenuresAsync);
    }

    private sealed record Row(PersonRecord Person, TenureMemberRecord Member, TenureRecord Tenure, AssetRecord Asset);

    private static async Task<IResult> SearchPersonsAsync(string? searchText, int? page, int? pageSize, CouncilDbContext database,
        CancellationToken cancellationToken)
    {
        if (Validate(searchText, page, pageSize) is { } error)
        {
            return error;
        }

        var terms = Terms(searchText!);
        var rows = await RowsAsync(database, cancellationToken);
        var persons = rows.GroupBy(r => r.Person.Id)
            .Where(person => terms.All(term => person.Any(row => Matches(row, term))))
            .Select(person => person.ToList())
            .OrderBy(person => person[0].Person.Surname, StringComparer.OrdinalIgnoreCase)
            .ThenBy(person => person[0].Person.FirstName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(person => person[0].Person.Id)
            .ToList();
        var results = Page(persons, page, pageSize).Select(ToPersonResult).ToList();
        return Results.Ok(new SearchResponse<PersonSearchResults>(new PersonSearchResults(results), persons.Count));
    }

    private static async Task<IResult> SearchTenuresAsync(string? searchText, int? page, int? pageSize, CouncilDbContext database,
        CancellationToken cancellationToken)
    {
        if (Validate(searchText, page, pageSize) is { } error)
        {
            return error;
        }

        var terms = Terms(searchText!);
        var rows = await RowsAsync(database, cancellationToken);
        var tenures = rows.GroupBy(r => r.Tenure.Id)
            .Where(tenure => terms.All(term => tenure.Any(row => Matches(row, term))))
            .Select(tenure => tenure.First())
            .OrderBy(row => row.Tenure.PaymentReference, StringComparer.Ordinal)
            .ToList();
        var results = Page(tenures, page, pageSize).Select(row => ToTenureResult(row.Tenure, row.Asset)).ToList();
        return Results.Ok(new SearchResponse<TenureSearchResults>(new TenureSearchResults(results), tenures.Count));
    }

    private static IResult? Validate(string? searchText, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(searchText) || searchText.Trim().Length < MinSearchLength)
        {
            errors["searchText"] = [$"Must be at least {MinSearchLength} characters."];
        }
        else if (TextChecks.LooksLikeScript(searchText))
        {
            errors["searchText"] = ["W42: Contains characters that are not allowed."];
        }

        if (page is < 1)
        {
            errors["page"] = ["Must be 1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Must be between 1 and {MaxPageSize}."];
        }

        return errors.Count > 0 ? ApiErrors.Validation(errors) : null;
    }

    // The reference data set is small, so matching happens in memory; a real platform uses its search index.
    private static async Task<List<Row>> RowsAsync(CouncilDbContext database, CancellationToken cancellationToken) => await (
        from member in database.TenureMembers.AsNoTracking()
        join person in database.Persons.AsNoTracking() on member.PersonId equals person.Id
        join tenure in database.Tenures.AsNoTracking().Include(t => t.Members) on member.TenureId equals tenure.Id
        join asset in database.Assets.AsNoTracking() on tenure.AssetId equals asset.Id
        select new Row(person, member, tenure, asset)).ToListAsync(cancellationToken);

    private static string[] Terms(string searchText) =>
        searchText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Matches(Row row, string term)
    {
        var postcode = row.Asset.PostCode.Replace(" ", "", StringComparison.Ordinal);
        return Contains(row.Person.FirstName, term) || Contains(row.Person.Surname, term)
            || Contains(row.Person.PreferredFirstName, term) || Contains(row.Person.PreferredSurname, term)
            || Contains(row.Asset.FullAddress, term) || Contains(postcode, term)
            || string.Equals(row.Tenure.PaymentReference, term, StringComparison.OrdinalIgnoreCase)
            || row.Tenure.Members.Any(m => Contains(m.FullName, term));
    }

    private static bool Contains(string? value, string term) =>
        value is not null && value.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<T> Page<T>(IEnumerable<T> items, int? page, int? pageSize)
    {
        var size = pageSize ?? DefaultPageSize;
        return items.Skip(((page ?? 1) - 1) * size).Take(size);
    }

    private static PersonSearchResult ToPersonResult(List<Row> rows)
    {
        var person = rows[0].Person;
        return new PersonSearchResult
        {
            Id = person.Id,
            Title = person.Title,
            Firstname = person.FirstName,
            MiddleName = person.MiddleName,
            Surname = person.Surname,
            PreferredFirstname = person.PreferredFirstName,
            PreferredSurname = person.PreferredSurname,
            DateOfBirth = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PersonTypes = [.. rows.Select(r => r.Member.PersonTenureType.ToString()).Distinct()],
            Tenures = [.. rows.OrderByDescending(r => r.Tenure.IsActive).Select(r => new PersonSearchTenure
            {
                Id = r.Tenure.Id,
                Type = Lookups.TenureTypeOf(r.Tenure.TenureTypeCode).Description,
                TotalBalance = r.Tenure.Balance,
                StartDate = Date(r.Tenure.StartOfTenureDate),
                EndDate = r.Tenure.EndOfTenureDate is { } end ? Date(end) : null,
                AssetFullAddress = r.Asset.FullAddress,
                PostCode = r.Asset.PostCode,
                PaymentReference = r.Tenure.PaymentReference,
                IsActive = r.Tenure.IsActive,
            })],
        };
    }

    private static TenureSearchResult ToTenureResult(TenureRecord tenure, AssetRecord asset) => new()
    {
        Id = tenure.Id,
        PaymentReference = tenure.PaymentReference,
        HouseholdMembers = [.. tenure.Members.OrderByDescending(m => m.IsResponsible).ThenBy(m => m.Id).Select(m => new TenureSearchMember
        {
            Id = m.PersonId,
            FullName = m.FullName,
            IsResponsible = m.IsResponsible,
            PersonTenureType = m.PersonTenureType,
        })],
        TenuredAsset = new TenureSearchAsset { Id = asset.Id, FullAddress = asset.FullAddress, Uprn = asset.Uprn, Type = asset.AssetType.ToString() },
        StartOfTenureDate = Date(tenure.StartOfTenureDate),
        EndOfTenureDate = tenure.EndOfTenureDate is { } end ? Date(end) : null,
        TenureType = Lookups.TenureTypeOf(tenure.TenureTypeCode),
        IsActive = tenure.IsActive,
    };

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
