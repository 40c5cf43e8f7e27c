using System.ComponentModel.DataAnnotations;

namespace HousingSelfService.CouncilApi.Client;

/// <summary>The council API families; in production each is its own service with its own address.</summary>
public enum CouncilApiFamily { Tenures, Persons, ContactDetails, Assets, Repairs, Finance, Search, Processes, Documents, Payments, DirectDebits, Agreements }

/// <summary>
/// Where the council API platform is and how the app authenticates to it (section <c>CouncilApi</c>).
/// <see cref="BaseAddress"/> serves every family unless a family has its own address.
/// </summary>
public sealed class CouncilApiOptions : IValidatableObject
{
    public const string SectionName = "CouncilApi";

    public Uri? BaseAddress { get; set; }
    public Uri? Tenures { get; set; }
    public Uri? Persons { get; set; }
    public Uri? ContactDetails { get; set; }
    public Uri? Assets { get; set; }
    public Uri? Repairs { get; set; }
    public Uri? Finance { get; set; }
    public Uri? Search { get; set; }
    public Uri? Processes { get; set; }
    public Uri? Documents { get; set; }
    public Uri? Payments { get; set; }
    public Uri? DirectDebits { get; set; }
    public Uri? Agreements { get; set; }

    /// <summary>HS256 secret shared with the platform's token verifier; at least 32 characters.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    /// <summary>The app's service identity, used as the token subject when no person is acting.</summary>
    [Required]
    public string ServiceName { get; set; } = "housing-self-service";

    /// <summary>The groups the platform allows this service into.</summary>
    [MinLength(1)]
    public string[] Groups { get; set; } = ["housing-self-service"];

    /// <summary>How long one attempt may take before it is abandoned (and, for safe calls, retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a call may take across all its attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, for safe calls and idempotent POSTs only.</summary>
    [Range(1, 5)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Base delay between retries; exponential with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the circuit stays open after it breaks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Calls in the sampling window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 10;

    public Uri AddressOf(CouncilApiFamily family) => FamilyAddress(family) ?? BaseAddress
        ?? throw new InvalidOperationException($"No address is configured for the council {family} API.");

    private Uri? FamilyAddress(CouncilApiFamily family) => family switch
    {
        CouncilApiFamily.Tenures => Tenures,
        CouncilApiFamily.Persons => Persons,
        CouncilApiFamily.ContactDetails => ContactDetails,
        CouncilApiFamily.Assets => Assets,
        CouncilApiFamily.Repairs => Repairs,
        CouncilApiFamily.Finance => Finance,
        CouncilApiFamily.Search => Search,
        CouncilApiFamily.Processes => Processes,
        CouncilApiFamily.Documents => Documents,
        CouncilApiFamily.Payments => Payments,
        CouncilApiFamily.DirectDebits => DirectDebits,
        CouncilApiFamily.Agreements => Agreements,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var family in Enum.GetValues<CouncilApiFamily>())
        {
            var address = FamilyAddress(family) ?? BaseAddress;
            if (address is null)
            {
                yield return new ValidationResult(
                    $"Set {SectionName}:BaseAddress, or {SectionName}:{family} for the {family} API.", [family.ToString()]);
            }
            else if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult(
                    $"The {family} API address must be an absolute http or https address, not '{address}'.", [family.ToString()]);
            }
        }

        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult("TotalTimeout must be at least AttemptTimeout.", [nameof(TotalTimeout)]);
        }
    }
}
