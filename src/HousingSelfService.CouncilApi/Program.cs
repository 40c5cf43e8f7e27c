namespace HousingSelfService.CouncilApi;

public static class Program
{
    public static void Main(string[] args) => throw new NotImplementedException("Placeholder until the reference API lands.");
}
