using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Debate.Web.Features.Threads;

/// <summary>
/// The JSON API's documents, serialised once per thread page version (the number <see cref="ThreadPageCache"/> keys
/// pages by) and kept as UTF-8 bytes. Not the output cache: it copies a cached body for every hit before writing it,
/// so 32 readers of a 5,000-post thread (7.5 MB) held 32 copies at once. Here every reader writes from the one array.
/// </summary>
internal sealed class ThreadDocumentCache(IConfiguration configuration) : IDisposable
{
    /// <summary>Superseded versions are never asked for again; this lets them go.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _documents = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("ThreadApi:CacheMegabytes", 64L) * 1024 * 1024,
    });

    /// <summary>Builds in progress: concurrent misses of one key wait for one build, not one each.</summary>
    private readonly ConcurrentDictionary<Key, Lazy<Task<byte[]?>>> _building = new();

    public readonly record struct Key(string Slug, long Version, bool WithHiddenText);

    /// <summary>The cached document, or the one <paramref name="build"/> makes (null: no such thread, never stored).</summary>
    public async Task<byte[]?> GetOrBuildAsync(Key key, Func<Task<byte[]?>> build)
    {
        if (_documents.TryGetValue(key, out byte[]? cached))
            return cached;
        var building = _building.GetOrAdd(key, k => new Lazy<Task<byte[]?>>(() => BuildAsync(k, build)));
        return await building.Value;
    }

    private async Task<byte[]?> BuildAsync(Key key, Func<Task<byte[]?>> build)
    {
        try
        {
            var document = await build();
            if (document is not null)
                _documents.Set(key, document, new MemoryCacheEntryOptions { Size = document.Length, AbsoluteExpirationRelativeToNow = Lifetime });
            return document;
        }
        finally
        {
            _building.TryRemove(key, out _);
        }
    }

    public void Dispose() => _documents.Dispose();
}
