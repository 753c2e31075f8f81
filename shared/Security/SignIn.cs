namespace Kinerja.Shared.Security;

/// <summary>What the accounts module and the endpoints share about a request's sign-in.</summary>
public static class SignIn
{
    /// <summary>Where a request keeps why its token was refused, so that its answer can say so instead of a bare "not signed in".</summary>
    public const string FailureItem = "kinerja.authentication-failure";

    /// <summary>Whether aggregates may be read without an account.</summary>
    public const string PublicReadSetting = "Kinerja:Security:PublicRead";
}
