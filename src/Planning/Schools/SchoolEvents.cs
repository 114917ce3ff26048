using Platform.Contracts;

namespace Platform.Planning.Schools;

public static class SchoolEvents
{
    public static SchoolRegistered Registered(SchoolView school) => new(
        school.Id, school.Version, school.Name, school.DistrictCode, school.ZoneId,
        school.Ownership, school.Status, school.OpeningYear, school.Capacities);

    public static SchoolUpdated Updated(SchoolView school) => new(
        school.Id, school.Version, school.Name, school.DistrictCode, school.ZoneId,
        school.Ownership, school.Status, school.OpeningYear, school.Capacities);
}
