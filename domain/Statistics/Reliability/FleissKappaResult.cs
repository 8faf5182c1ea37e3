namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Fleiss' kappa with the agreement figures it is made of, overall and per category.</summary>
/// <param name="Subjects">N, the number of subjects rated.</param>
/// <param name="RatersPerSubject">n, the number of ratings each subject received.</param>
/// <param name="ObservedAgreement">P-bar, the mean share of agreeing rater pairs per subject.</param>
/// <param name="ChanceAgreement">P_e-bar, the sum of squared category proportions.</param>
/// <param name="Kappa">(P-bar - P_e-bar) / (1 - P_e-bar); null when every rating fell in one category.</param>
/// <param name="CategoryProportions">p_j, the share of all ratings given to each category.</param>
/// <param name="CategoryKappas">kappa_j for each category; null for a category used always or never.</param>
public sealed record FleissKappaResult(
    int Subjects,
    int RatersPerSubject,
    double ObservedAgreement,
    double ChanceAgreement,
    double? Kappa,
    IReadOnlyList<double> CategoryProportions,
    IReadOnlyList<double?> CategoryKappas);
