using System.Data;
using Dapper;

namespace Platform.BuildingBlocks.Data;

/// <summary>Dapper 2.1 cannot bind or read DateOnly by itself; Npgsql maps it to PostgreSQL's date.</summary>
public sealed class DateOnlyTypeHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as a date."),
    };
}
