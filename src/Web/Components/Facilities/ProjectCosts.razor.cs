using System.Globalization;
using Microsoft.AspNetCore.Components;
using Platform.Contracts;
using Platform.Web.Facilities;

namespace Platform.Web.Components.Facilities;

/// <summary>Records a project's cost estimates and earned value; the page reloads the project after each.</summary>
public partial class ProjectCosts
{
    [Parameter, EditorRequired] public ScheduleView Schedule { get; set; } = null!;
    [Parameter] public EventCallback Changed { get; set; }
    [Inject] private FacilitiesClient Facilities { get; set; } = null!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;
    [SupplyParameterFromForm(FormName = "estimate")] private string? EstimateKind { get; set; }
    [SupplyParameterFromForm(FormName = "estimate")] private decimal? EstimateAmount { get; set; }
    [SupplyParameterFromForm(FormName = "estimate")] private DateOnly? EstimateDate { get; set; }
    [SupplyParameterFromForm(FormName = "value")] private decimal? PlannedValue { get; set; }
    [SupplyParameterFromForm(FormName = "value")] private decimal? EarnedValueAmount { get; set; }
    [SupplyParameterFromForm(FormName = "value")] private decimal? ActualCost { get; set; }

    private string? estimateProblem;
    private string? valueProblem;

    private static string Amount(decimal amount) => amount.ToString("N0", CultureInfo.CurrentCulture);

    private static string Ratio(double? ratio) => ratio?.ToString("0.00", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>Records a cost estimate (可研估算, 概算 or 决算); estimates beyond the budget are flagged.</summary>
    private async Task EstimateAsync()
    {
        estimateProblem = await Facilities.RecordEstimateAsync(
            Schedule.ProjectId, EstimateKind, EstimateAmount, EstimateDate, HttpContext.RequestAborted);
        await Changed.InvokeAsync();
    }

    /// <summary>Records earned value on today's status (万元): what was planned, what is done, what it cost.</summary>
    private async Task EarnedValueAsync()
    {
        valueProblem = await Facilities.RecordEarnedValueAsync(
            Schedule.ProjectId, PlannedValue, EarnedValueAmount, ActualCost, HttpContext.RequestAborted);
        await Changed.InvokeAsync();
    }
}
