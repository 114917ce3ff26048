namespace Platform.Planning;

/// <summary>Messages that more than one of Planning's requests give.</summary>
internal static class PlanningTexts
{
    public static readonly UserText UnknownDistrict =
        new("不是已知的区划代码（如红桥区为 120106）。", "is not a known district code (e.g. 120106 for 红桥区).");

    public static readonly UserText NameTaken = new("名称已被使用。", "The name is taken.");
}
