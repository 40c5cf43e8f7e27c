namespace HousingSelfService.Web.Components.Common;

/// <summary>One problem with a form: the id of the field it belongs to and what to do about it.</summary>
public sealed record FormError(string FieldId, string Message);
