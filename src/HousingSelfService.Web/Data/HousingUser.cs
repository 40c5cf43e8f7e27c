using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Data;

/// <summary>A person who signs in: a resident or a council officer.</summary>
public sealed class HousingUser : IdentityUser
{
    /// <summary>How the app addresses the person before their council record is known (e.g. officers).</summary>
    [PersonalData]
    public string? DisplayName { get; set; }
}
