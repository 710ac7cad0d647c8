using Debate.Core.Model;
using Debate.Core.Reading;

namespace Debate.Web.Features.Shared;

/// <summary>A provenance badge: one per source with an address (it links there), one per kind of source without.</summary>
public sealed record ProvenanceBadge(Platform Platform, string? Url, string Label, string Title)
{
    public static IReadOnlyList<ProvenanceBadge> Of(IEnumerable<ProvenanceView> sources)
    {
        var badges = new List<ProvenanceBadge>();
        foreach (var group in sources.GroupBy(s => (s.Platform, s.Relation, Url: Links.External(s.Url))))
        {
            var (platform, relation, url) = group.Key;
            var name = PlatformNames.Display(platform);
            var label = name + (relation == ProvenanceRelation.Original ? "" : $" ({relation.ToString().ToLowerInvariant()})");
            var parts = group.Count(s => s.IsPart);
            var title = url is not null ? $"The original on {name}"
                : parts > 1 ? $"{parts} parts of this post were first published on {name}"
                : parts == 1 ? $"Part of this post was first published on {name}"
                : $"Published on {name}";
            badges.Add(new ProvenanceBadge(platform, url, group.Count() > 1 ? $"{label} ×{group.Count()}" : label, title));
        }
        return badges;
    }
}
