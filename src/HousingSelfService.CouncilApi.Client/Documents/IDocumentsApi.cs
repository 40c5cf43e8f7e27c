using Refit;

namespace HousingSelfService.CouncilApi.Client.Documents;

/// <summary>
/// Letters and documents the council sent about a tenure, <c>api/v1/documents</c>. Not a Hackney platform contract
/// (Hackney keeps letters in a separate document store); a small contract of the reference API's own.
/// </summary>
public interface IDocumentsApi
{
    [Get("/api/v1/documents")]
    Task<IApiResponse<DocumentsResponse>> GetDocumentsAsync(Guid targetId, CancellationToken cancellationToken = default);

    /// <summary>The file itself; the caller reads the content and disposes the response.</summary>
    [Get("/api/v1/documents/{id}/content")]
    Task<HttpResponseMessage> DownloadDocumentAsync(string id, Guid targetId, CancellationToken cancellationToken = default);
}
