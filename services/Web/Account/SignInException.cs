namespace Testbed.Web.Account;

/// <summary>Signing in failed; the message says why and what to do, for the person at the sign-in page.</summary>
public sealed class SignInException(string message) : Exception(message);
