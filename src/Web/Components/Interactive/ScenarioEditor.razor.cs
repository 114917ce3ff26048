using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Platform.Contracts;
using Platform.Web.Api;
using Platform.Web.Planning;

namespace Platform.Web.Components.Interactive;

/// <summary>Edits a scenario's levers, saves them over the stored ones, and adopts the scenario's forecast.</summary>
public partial class ScenarioEditor
{
    [Parameter] public Guid? Id { get; set; }
    /// <summary>A new scenario's district, when it is one of the user's.</summary>
    [Parameter] public string? District { get; set; }
    [Inject] private PlanningClient Planning { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private static readonly CancellationToken None = CancellationToken.None;

    private IReadOnlyList<District> districts = [];
    private List<Named> schools = [];
    private List<Named> zones = [];
    private ScenarioForm form = new();
    private AdoptionPreview? preview;
    private AdoptionResult? adopted;
    private int saves;

    protected override async Task LoadAsync()
    {
        adopted = null;
        (districts, var chosen, var districtProblem) = await DistrictChoice.LoadAsync(Planning, District);
        Problem ??= districtProblem;
        form = Id is null ? new ScenarioForm { DistrictCode = chosen } : await StoredAsync() ?? form;
        ScenarioLevers.PrepareForEditing(form);
    }

    /// <summary>
    /// The scenario as Planning stores it, with the schools and zones its rows may name; null (and why) if it cannot be read.
    /// </summary>
    private async Task<ScenarioForm?> StoredAsync()
    {
        var answer = await Planning.ScenarioAsync(Id!.Value, None);
        if (answer.Value is not { } scenario)
        {
            Problem = answer.Problem;
            return null;
        }
        var district = scenario.DistrictCode;
        schools = (await Planning.SchoolsAsync(district, None)).Value ?? [];
        zones = (await Planning.ZonesAsync(district, None)).Value ?? [];
        schools.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return ScenarioLevers.Read(scenario.DistrictCode, scenario.Name, scenario.Levers);
    }

    /// <summary>
    /// Saves the scenario over its stored levers, so a lever the page does not show (e.g. a housing yield set through
    /// the API) is kept; the service checks every lever and names each one out of range. A new scenario opens for
    /// editing at its own address; a saved one shows again as stored.
    /// </summary>
    private async Task SaveAsync()
    {
        var stored = new JsonObject();
        if (Id is { } id)
        {
            var answer = await Planning.ScenarioAsync(id, None);
            if (answer.Value is not { } scenario)
            {
                Problem = answer.Problem;
                return;
            }
            stored = scenario.Levers;
        }
        (var levers, Problem) = ScenarioLevers.Write(form, stored, L);
        if (levers is null)
            return;
        var saved = await Planning.SaveScenarioAsync(Id, form.DistrictCode, form.Name, levers, None);
        Problem = saved.Problem;
        if (saved.Value is { } done && Id is null)
            Navigation.NavigateTo($"/planning/scenarios/edit/{done.Id}?districtCode={done.DistrictCode}");
        else if (saved.Value is not null)
        {
            await LoadAsync();
            saves++;
        }
    }

    /// <summary>Shows what adopting would publish; nothing is published until the planner confirms.</summary>
    private async Task PreviewAsync()
    {
        adopted = null;
        var answer = await Planning.PreviewAdoptionAsync(Id!.Value, None);
        (preview, Problem) = (answer.Value, answer.Problem);
    }

    private async Task AdoptAsync()
    {
        var answer = await Planning.AdoptAsync(Id!.Value, None);
        (adopted, Problem) = (answer.Value, answer.Problem);
        preview = null;
    }
}
