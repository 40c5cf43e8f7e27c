namespace HousingSelfService.Web.Infrastructure;

/// <summary>How residents reach the council when the app cannot help. (020 7946 0xxx is reserved for fiction.)</summary>
public static class CouncilContact
{
    public const string CouncilName = "Example Borough Council";
    public const string ProductName = "Housing self-service";
    public const string Phone = "020 7946 0123";
    public const string PhoneHref = "tel:+442079460123";
    public const string OpeningHours = "Monday to Friday, 9am to 5pm";
    /// <summary>The repairs line for emergencies, answered 24 hours a day.</summary>
    public const string EmergencyPhone = "020 7946 0999";
    public const string EmergencyPhoneHref = "tel:+442079460999";
}
