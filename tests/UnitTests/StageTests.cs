using Platform.Planning.Schools;

namespace Platform.UnitTests;

public class StageTests
{
    [Theory]
    [InlineData("primary", 45)]
    [InlineData("junior_secondary", 50)]
    [InlineData("senior_secondary", 50)]
    [InlineData("kindergarten", 30)]
    public void Default_class_size_norms_follow_the_national_standard(string stage, int norm) =>
        Assert.Equal(norm, Stage.All[stage].DefaultClassSizeNorm);
}
