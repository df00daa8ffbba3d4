namespace ShapeOpenData.Modules.Shared;

/// <summary>
/// A rule refused the change; the message says why, in words for the person who tried. Pages show it in the
/// error summary; the API answers 409 with it as the problem's detail (both mapped in <c>Infrastructure/Errors</c>
/// for anything an endpoint does not handle itself; pages show it through <c>PageChanges</c>).
/// </summary>
public class RuleException(string message) : Exception(message);

/// <summary>The item does not exist, or the person may not see it (so they cannot tell which): 404.</summary>
public sealed class NotFoundException(string message = "There is no such thing") : Exception(message);

/// <summary>The person may see the item but not do this to it: 403.</summary>
public sealed class ForbiddenException(string message = "You cannot do that") : Exception(message);
