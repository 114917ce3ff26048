namespace Platform.BuildingBlocks.Security;

/// <summary>The roles a user of the suite may hold; a user holds one or more.</summary>
public static class Roles
{
    public const string Planner = "planner";       // 学位规划: Planning's data
    public const string Hr = "hr";                 // 师资: Workforce's data
    public const string Facilities = "facilities"; // 校建: Facilities' data
    public const string Viewer = "viewer";         // reads every service, writes nothing
    public const string Admin = "admin";           // user accounts, audit trails, parked messages

    public static readonly IReadOnlyList<string> All = [Planner, Hr, Facilities, Viewer, Admin];
}
