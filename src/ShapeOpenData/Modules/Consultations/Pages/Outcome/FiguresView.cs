namespace ShapeOpenData.Modules.Consultations.Pages.Outcome;

/// <summary>The figures of a consultation, with its address for the links to its statements and groups.</summary>
public sealed record FiguresView(string Address, OutcomeFigures Figures);
