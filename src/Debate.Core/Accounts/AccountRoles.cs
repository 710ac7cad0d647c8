namespace Debate.Core.Accounts;

/// <summary>
/// The roles, a ladder: every user is a member; a moderator or an admin holds that one role besides.
/// Admin implies moderator through the policies, not by holding both roles.
/// </summary>
public static class AccountRoles
{
    public const string Member = "member";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Member, Moderator, Admin];

    /// <summary>The roles above member; a user holds at most one of them.</summary>
    public static IReadOnlyList<string> Elevated { get; } = [Moderator, Admin];

    /// <summary>The roles that may use the moderation pages.</summary>
    public static IReadOnlyList<string> Moderators { get; } = [Moderator, Admin];
}
