using Microsoft.AspNetCore.Identity;

namespace Debate.Core.Model;

/// <summary>A person who wrote posts, here or elsewhere, known by one or more platform accounts.</summary>
public sealed class Author
{
    public long Id { get; set; }
    /// <summary>Stable and readable ("quintin-pope"); the author id of the interchange format.</summary>
    public required string Slug { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AuthorAccount> Accounts { get; set; } = [];
}

public sealed class AuthorAccount
{
    public long Id { get; set; }
    public long AuthorId { get; set; }
    public Platform Platform { get; set; }
    public required string Handle { get; set; }
    public string? Url { get; set; }
    public string? ExternalId { get; set; }
}

/// <summary>A member of this site. Every member writes as an author; a moderator may link them to an imported one.</summary>
public sealed class AppUser : IdentityUser
{
    public long? AuthorId { get; set; }
    public Author? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
