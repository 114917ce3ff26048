using Microsoft.AspNetCore.Components;
using Platform.Contracts;
using Platform.Web.Facilities;

namespace Platform.Web.Components.Facilities;

/// <summary>Plans a project's open gates and records one passed; the page reloads the project after each.</summary>
public partial class ProjectGates
{
    [Parameter, EditorRequired] public ScheduleView Schedule { get; set; } = null!;
    [Parameter] public EventCallback Changed { get; set; }
    [Inject] private FacilitiesClient Facilities { get; set; } = null!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;
    [SupplyParameterFromForm(FormName = "plan")] private Dictionary<string, DateOnly>? Planned { get; set; }
    [SupplyParameterFromForm(FormName = "pass")] private string? Gate { get; set; }
    [SupplyParameterFromForm(FormName = "pass")] private DateOnly? Date { get; set; }
    [SupplyParameterFromForm(FormName = "pass")] private string? Reference { get; set; }

    private string? planProblem;
    private string? passProblem;

    private IEnumerable<MilestoneView> Open => Schedule.Milestones.Where(m => m.Actual is null);

    /// <summary>Sets the planned dates of the gates still open; the first plan of a gate stays its baseline.</summary>
    private async Task PlanAsync()
    {
        planProblem = await Facilities.PlanAsync(Schedule.ProjectId, Planned ?? [], HttpContext.RequestAborted);
        await Changed.InvokeAsync();
    }

    /// <summary>Records a gate passed; the service checks the order of the gates and answers what is wrong.</summary>
    private async Task PassAsync()
    {
        passProblem = await Facilities.PassGateAsync(Schedule.ProjectId, Gate, Date, Reference, HttpContext.RequestAborted);
        await Changed.InvokeAsync();
    }
}
