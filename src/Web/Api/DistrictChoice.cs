namespace Platform.Web.Api;

/// <summary>A district the user may choose: Planning lists only those in the user's scope.</summary>
public sealed record DistrictChoice(string Code, string Name)
{
    /// <summary>The user's districts and the one to show: the one asked for if it is theirs, else their first.</summary>
    public static async Task<(IReadOnlyList<DistrictChoice> Districts, string? Chosen, string? Problem)> LoadAsync(
        ServiceApi api, string? asked)
    {
        var answer = await api.GetAsync<List<DistrictChoice>>("planning", "/districts", CancellationToken.None);
        var districts = answer.Value ?? [];
        var chosen = districts.FirstOrDefault(d => d.Code == asked)?.Code ?? districts.FirstOrDefault()?.Code;
        return (districts, chosen, answer.Problem);
    }
}
