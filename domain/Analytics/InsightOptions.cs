namespace QmInsights.Domain.Analytics;

/// <summary>The rules an analysis run follows; stated in every result so readers know what "sure" means.</summary>
/// <param name="FalseDiscoveryRate">Benjamini-Hochberg level over all tests of the run.</param>
/// <param name="MinimumPerGroup">Contacts needed with the item answered yes and with it answered no before an item is tested.</param>
/// <param name="MinimumHandleSecondsCost">A handle-time effect smaller than this is not called a conflict.</param>
/// <param name="MinimumCsatEffect">A CSAT effect (1-5 points) smaller than this is not called a conflict, however sure.</param>
/// <param name="MinimumNpsEffect">An NPS answer effect (0-10 points) smaller than this is not called a conflict.</param>
/// <param name="WeightSurveyResponse">Weight CSAT and NPS analyses by the inverse of each answer's response probability
/// (see <see cref="SurveyResponse"/>); off reads the answers as if every customer had been equally likely to answer.</param>
/// <param name="TrainModels">Also train the ML.NET driver models (a second opinion; they take most of the run's time).</param>
[GenerateSerializer, Alias("qm.InsightOptions")]
public sealed record InsightOptions(double FalseDiscoveryRate = 0.05, int MinimumPerGroup = 20, double MinimumHandleSecondsCost = 30,
    bool TrainModels = true, double MinimumCsatEffect = 0.1, double MinimumNpsEffect = 0.3, bool WeightSurveyResponse = true);
