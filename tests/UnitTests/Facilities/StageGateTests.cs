using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.UnitTests.Facilities;

public class StageGateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly SignedInUser Officer = new("facilities", "基建科 李");

    private static Passage Pass(string gate, string date, string? doc = "发改投资〔2026〕1号") =>
        new(gate, DateOnly.Parse(date), Officer, doc);

    [Fact]
    public void Gates_are_passed_in_order_with_who_when_and_the_document()
    {
        IReadOnlyList<Passage> passed = [Pass("proposed", "2025-03-01"), Pass("approved", "2025-09-01"), Pass("site", "2025-10-01")];
        Assert.Empty(StageGates.Check(DeliveryPath.Government, passed, Pass("feasibility", "2026-01-10"), Today));
        Assert.Equal("选址及用地", StageGates.Current(DeliveryPath.Government, passed)!.ChineseName);
    }

    [Fact]
    public void A_gate_is_not_skipped_nor_passed_twice_nor_out_of_order()
    {
        IReadOnlyList<Passage> passed = [Pass("proposed", "2025-03-01"), Pass("approved", "2025-09-01"), Pass("site", "2025-10-01")];
        Assert.Contains("应先通过可研批复",
            StageGates.Check(DeliveryPath.Government, passed, Pass("design", "2026-01-10"), Today)["gate"].Zh);
        Assert.Contains("passed already",
            StageGates.Check(DeliveryPath.Government, passed, Pass("approved", "2026-01-10"), Today)["gate"].En);
        Assert.Contains("不是开发商配套路径的节点",
            StageGates.Check(DeliveryPath.Developer, [], Pass("feasibility", "2026-01-10"), Today)["gate"].Zh);
    }

    [Fact]
    public void A_waiver_passes_a_gate_with_its_reason_instead_of_a_document()
    {
        IReadOnlyList<Passage> passed = [Pass("proposed", "2025-03-01"), Pass("approved", "2025-09-01"), Pass("site", "2025-10-01")];
        var waiver = new Passage("feasibility", new DateOnly(2025, 10, 1), Officer, null, WaiverReason: "改扩建项目可研与立项合并审批");
        Assert.Empty(StageGates.Check(DeliveryPath.Government, passed, waiver, Today));
        Assert.True(waiver.Waived);
        Assert.Equal(["documentReference"],
            StageGates.Check(DeliveryPath.Government, passed, Pass("feasibility", "2026-01-10", doc: null), Today).Keys);
    }

    [Fact]
    public void Dates_may_be_neither_in_the_future_nor_before_the_previous_gate()
    {
        IReadOnlyList<Passage> passed = [Pass("obligation", "2025-03-01")];
        Assert.Contains("in the future",
            StageGates.Check(DeliveryPath.Developer, passed, Pass("construction_start", "2026-11-23"), Today)["date"].En);
        Assert.Contains("早于配套义务登记",
            StageGates.Check(DeliveryPath.Developer, passed, Pass("construction_start", "2025-02-28"), Today)["date"].Zh);
        Assert.Empty(StageGates.Check(DeliveryPath.Developer, passed, Pass("construction_start", "2026-11-22"), Today)); // today is fine
    }
}
