namespace AlAroma.Web.Infrastructure;

/// <summary>
/// A business rule refused the operation. The message is Russian, written for the person at the screen
/// (what went wrong and what to do); controllers show it as a toast or next to the form.
/// </summary>
public class BusinessRuleException(string message) : Exception(message);
