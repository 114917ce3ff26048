using Platform.Contracts;
using Platform.Web.Planning;

namespace Platform.Web.Api;

/// <summary>The districts a user may choose: Planning lists only those in the user's scope.</summary>
public static class DistrictChoice
{
    /// <summary>The user's districts and the one to show: the one asked for if it is theirs, else their first.</summary>
    public static async Task<(IReadOnlyList<District> Districts, string? Chosen, string? Problem)> LoadAsync(
        PlanningClient planning, string? asked)
    {
        var answer = await planning.DistrictsAsync(CancellationToken.None);
        var districts = answer.Value ?? [];
        var chosen = districts.FirstOrDefault(d => d.Code == asked)?.Code ?? districts.FirstOrDefault()?.Code;
        return (districts, chosen, answer.Problem);
    }
}
