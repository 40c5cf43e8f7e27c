namespace HousingSelfService.CouncilApi.Client.Repairs;

/// <summary>A property as Repairs Hub sees it: whether repairs may be raised, and cautionary alerts.</summary>
public sealed record PropertyResponse(RepairsProperty Property, PropertyAlerts Alerts, PropertyTenure? Tenure);

public sealed record RepairsProperty(string PropertyReference, string Address, string PostCode, string AssetType, bool CanRaiseRepair);

public sealed record PropertyAlerts(IReadOnlyList<CautionaryAlert> LocationAlert, IReadOnlyList<CautionaryAlert> PersonAlert);

public sealed record CautionaryAlert(string Type, string Comments, DateOnly? StartDate, DateOnly? EndDate);

public sealed record PropertyTenure(string TypeCode, string TypeDescription, string? TenancyAgreementReference, bool CanRaiseRepair);
