using System.Runtime.CompilerServices;

namespace Debate.Core.Reconstruction;

/// <summary>
/// Maps trigram keys (non-negative longs) to consecutive term numbers. Open addressing with linear
/// probing in two flat arrays: the index makes hundreds of thousands of lookups on a large page,
/// and this keeps each one to a hash and, usually, a single probe.
/// </summary>
internal sealed class TrigramTable
{
    private const long Empty = -1;

    private readonly long[] _keys;
    private readonly int[] _terms;
    private readonly int _mask;

    public TrigramTable(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _keys = new long[size];
        _terms = new int[size];
        _mask = size - 1;
        Array.Fill(_keys, Empty);
    }

    public int Count { get; private set; }

    /// <summary>The term number of <paramref name="key"/>, or -1 if it was never added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public int Find(long key)
    {
        for (var slot = Slot(key); ; slot = (slot + 1) & _mask)
        {
            if (_keys[slot] == key)
            {
                return _terms[slot];
            }

            if (_keys[slot] == Empty)
            {
                return -1;
            }
        }
    }

    /// <summary>The term number of <paramref name="key"/>, added as the next number if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over the whole page, run once: skip the slow first tier
    public int FindOrAdd(long key, out bool added)
    {
        var slot = Slot(key);
        while (_keys[slot] != Empty)
        {
            if (_keys[slot] == key)
            {
                added = false;
                return _terms[slot];
            }

            slot = (slot + 1) & _mask;
        }

        _keys[slot] = key;
        _terms[slot] = Count;
        added = true;
        return Count++;
    }

    // Fibonacci hashing spreads the packed word ids over the table.
    private int Slot(long key) => (int)((ulong)(key * -7046029254386353131L) >> 40) & _mask;
}
