namespace Platform.Planning.Enrolment;

/// <summary>Reads a grade as bureaus write it: 小班/中班/大班, 一年级..六年级, 初一..初三, 高一..高三, 七年级.., or 1..12.</summary>
public static class GradeNames
{
    // Numerals first: static fields are initialised in order, and Build reads them.
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    private static readonly Dictionary<string, int> Names = Build();

    /// <summary>The name bureaus use: 小班, 中班, 大班, 一年级..六年级, 初一..初三, 高一..高三.</summary>
    public static string Name(int grade) => grade switch
    {
        -2 => "小班",
        -1 => "中班",
        0 => "大班",
        <= 6 => $"{Numerals[grade - 1]}年级",
        <= 9 => $"初{Numerals[grade - 7]}",
        _ => $"高{Numerals[grade - 10]}",
    };

    public static int? Parse(string text)
    {
        var key = text.Trim().Replace(" ", "");
        return Names.TryGetValue(key, out var grade) ? grade
            : int.TryParse(key, out var number) && number is >= 1 and <= 12 ? number
            : null;
    }

    private static Dictionary<string, int> Build()
    {
        var names = new Dictionary<string, int> { ["小班"] = -2, ["中班"] = -1, ["大班"] = 0, ["K1"] = -2, ["K2"] = -1, ["K3"] = 0 };
        for (var grade = 1; grade <= 12; grade++)
        {
            names[$"{Numerals[grade - 1]}年级"] = grade;
            names[$"{grade}年级"] = grade;
        }
        for (var i = 0; i < 3; i++)
        {
            names[$"初{Numerals[i]}"] = 7 + i;
            names[$"高{Numerals[i]}"] = 10 + i;
        }
        return names;
    }
}
