using System.ComponentModel.DataAnnotations;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.EthicsAssessments;

/// <summary>
/// What a project is assessed against: the Data Ethics Framework (2020) — its three overarching principles and its
/// five actions — each scored from 0 (not yet considered) to 5 (fully met). Codes are stable; the order is the framework's.
/// </summary>
public enum EthicsItem
{
    [Display(Name = "Transparency")] Transparency,
    [Display(Name = "Accountability")] Accountability,
    [Display(Name = "Fairness")] Fairness,
    [Display(Name = "Define and understand public benefit and user need")] PublicBenefit,
    [Display(Name = "Involve diverse expertise")] DiverseExpertise,
    [Display(Name = "Comply with the law")] Law,
    [Display(Name = "Review the quality and limitations of the data")] DataQuality,
    [Display(Name = "Evaluate and consider wider policy implications")] WiderPolicy,
}

/// <summary>The stages of a project at which the team assesses it, in the order a project goes through them.</summary>
public enum ProjectStage
{
    [Display(Name = "Start")] Start,
    [Display(Name = "Development")] Development,
    [Display(Name = "Live")] Live,
    [Display(Name = "Review")] Review,
}

/// <summary>The framework's words around the items and scores, shared by the form, the pages and the exports.</summary>
public static class EthicsFramework
{
    public const int MinScore = 0;
    public const int MaxScore = 5;

    /// <summary>The first three items are the overarching principles; the rest are the actions.</summary>
    public static bool IsPrinciple(EthicsItem item) => item <= EthicsItem.Fairness;

    /// <summary>What each score means, for the form's hint and the exports' key.</summary>
    public const string ScaleExplained = "0 means not yet considered, 5 means fully met";

    /// <summary>A name short enough for the chart's labels; the table beside it gives the full name.</summary>
    public static string ShortName(EthicsItem item) => item switch
    {
        EthicsItem.PublicBenefit => "Public benefit and user need",
        EthicsItem.DiverseExpertise => "Diverse expertise",
        EthicsItem.Law => "Comply with the law",
        EthicsItem.DataQuality => "Data quality and limitations",
        EthicsItem.WiderPolicy => "Wider policy implications",
        _ => item.ToText(),
    };

    /// <summary>The question the team answers for each item.</summary>
    public static string Question(EthicsItem item) => item switch
    {
        EthicsItem.Transparency => "Is the project open about what it does, its data and its decisions, where that is right?",
        EthicsItem.Accountability => "Are there effective governance and oversight, with clear responsibility for outcomes?",
        EthicsItem.Fairness => "Could the project lead to unintended discrimination or harm, and is that being addressed?",
        EthicsItem.PublicBenefit => "Is the public benefit clear, and are user needs understood?",
        EthicsItem.DiverseExpertise => "Does the team include, or consult, people with a range of expertise and backgrounds?",
        EthicsItem.Law => "Have you checked data protection, equality and other law that applies, with legal advice where needed?",
        EthicsItem.DataQuality => "Do you know the data's quality, bias and limits, and what follows from them?",
        EthicsItem.WiderPolicy => "Have you thought about the wider effects of the project on policy and on people?",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
