using System.Globalization;
using HousingSelfService.CouncilApi.Client.Search;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Officer;

public sealed record ResidentSearchResult(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Address, string? PaymentReference);

/// <summary>One page of matches; <see cref="Total"/> counts every match.</summary>
public sealed record ResidentSearchPage(string SearchText, IReadOnlyList<ResidentSearchResult> Results, int Total, int Page, int PageCount);

/// <summary>Officer search over the council's housing search API (persons): by name, address, postcode or payment reference.</summary>
public sealed class ResidentSearchService(ISearchApi search, ILogger<ResidentSearchService> logger)
{
    public const int PageSize = 10;
    public const int MinimumLength = 2;

    /// <summary>The page of results, or null when the council search did not answer.</summary>
    public async Task<ResidentSearchPage?> SearchAsync(string searchText, int page, CancellationToken cancellationToken = default)
    {
        OfficerWork.Begin();
        ArgumentNullException.ThrowIfNull(searchText);
        page = Math.Max(1, page);
        try
        {
            var found = await search.SearchPersonsAsync(searchText.Trim(), page, PageSize, cancellationToken).ConfigureAwait(false);
            var results = found.Results.Persons.Select(ToResult).ToList();
            var pageCount = Math.Max(1, (found.Total + PageSize - 1) / PageSize);
            return new ResidentSearchPage(searchText.Trim(), results, found.Total, page, pageCount);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council search API was unavailable.");
            return null;
        }
    }

    private static ResidentSearchResult ToResult(PersonSearchResult person)
    {
        var tenure = person.Tenures.FirstOrDefault(t => t.IsActive) ?? (person.Tenures.Count > 0 ? person.Tenures[0] : null);
        var dateOfBirth = DateOnly.TryParseExact(person.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : (DateOnly?)null;
        return new ResidentSearchResult(person.Id, NameOf(person.PreferredFirstname ?? person.Firstname, person.PreferredSurname ?? person.Surname),
            dateOfBirth, tenure?.AssetFullAddress, tenure?.PaymentReference);
    }

    internal static string NameOf(string? first, string? last) => $"{first} {last}".Trim();
}
