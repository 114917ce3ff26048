namespace Platform.Planning.Forecasting;

public static class RatioSummary
{
    /// <summary>Summarises yearly ratios, given oldest first, by <paramref name="method"/>.</summary>
    public static double Summarise(IReadOnlyList<double> ratios, RatioMethod method, double alpha)
    {
        if (ratios.Count == 0)
            throw new ArgumentException("There are no ratios to summarise.", nameof(ratios));
        switch (method)
        {
            case RatioMethod.Mean:
                return ratios.Average();
            case RatioMethod.WeightedMean:
                double weighted = 0, weights = 0;
                for (var i = 0; i < ratios.Count; i++)
                {
                    weighted += (i + 1) * ratios[i];
                    weights += i + 1;
                }
                return weighted / weights;
            case RatioMethod.Median:
                var sorted = ratios.Order().ToArray();
                var middle = sorted.Length / 2;
                return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            case RatioMethod.LastValue:
                return ratios[^1];
            case RatioMethod.ExponentialSmoothing:
                var smoothed = ratios[0];
                for (var i = 1; i < ratios.Count; i++)
                    smoothed = alpha * ratios[i] + (1 - alpha) * smoothed;
                return smoothed;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }
}
