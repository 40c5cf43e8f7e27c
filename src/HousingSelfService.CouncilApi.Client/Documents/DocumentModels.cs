namespace HousingSelfService.CouncilApi.Client.Documents;

/// <summary>Kinds of letter the council sends about a tenancy.</summary>
public static class DocumentTypes
{
    public const string RentStatement = "rentStatement";
    public const string RentChangeNotice = "rentChangeNotice";
    public const string TenancyLetter = "tenancyLetter";
}

public sealed record DocumentSummary
{
    public required string Id { get; init; }
    public required Guid TargetId { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
}

public sealed record DocumentsResponse(IReadOnlyList<DocumentSummary> Results);
