namespace HousingSelfService.CouncilApi.Client.Repairs;

/// <summary>A property as Repairs Hub sees it: whether repairs may be raised, and cautionary alerts.</summary>
public sealed record PropertyResponse(RepairsProperty Property, PropertyAlerts Alerts, PropertyTenure? Tenure);

/// <summary>A property; <see cref="BlockReference"/> is the property reference of the block it is in, for its communal repairs.</summary>
public sealed record RepairsProperty(string PropertyReference, string Address, string PostCode, string AssetType, bool CanRaiseRepair,
    string? BlockReference = null);

public sealed record PropertyAlerts(IReadOnlyList<CautionaryAlert> LocationAlert, IReadOnlyList<CautionaryAlert> PersonAlert);

public sealed record CautionaryAlert(string Type, string Comments, DateOnly? StartDate, DateOnly? EndDate);

public sealed record PropertyTenure(string TypeCode, string TypeDescription, string? TenancyAgreementReference, bool CanRaiseRepair);
