namespace Debate.Core.Reading;

/// <summary>Where a post stands on the thread map: its depth (column) and its row, counted in leaf rows.</summary>
public readonly record struct TreePoint(int Depth, double Row);

/// <summary>
/// A tidy tree for the thread map: depth on one axis, reading order on the other. Posts without replies
/// take one row each, in reading order; a post with replies sits midway between its first and last reply.
/// So every subtree owns a band of rows of its own and no two posts, nor two edges, cross.
/// </summary>
public static class TreeLayout
{
    public static IReadOnlyDictionary<long, TreePoint> Arrange(PostForest forest)
    {
        ArgumentNullException.ThrowIfNull(forest);
        var depths = new Dictionary<long, int>(forest.Count);
        var order = forest.PreOrder().ToList();
        foreach (var id in order)
        {
            foreach (var reply in forest.RepliesOf(id))
                depths[reply] = depths.GetValueOrDefault(id) + 1;
        }

        var points = new Dictionary<long, TreePoint>(forest.Count);
        var nextLeafRow = 0;
        // Leaves in pre-order get rows 0, 1, 2...; parents are placed after their replies (reverse pre-order).
        foreach (var id in order.Where(id => forest.RepliesOf(id).Count == 0))
            points[id] = new TreePoint(depths.GetValueOrDefault(id), nextLeafRow++);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var replies = forest.RepliesOf(order[i]);
            if (replies.Count > 0)
                points[order[i]] = new TreePoint(depths.GetValueOrDefault(order[i]), (points[replies[0]].Row + points[replies[^1]].Row) / 2);
        }
        return points;
    }
}
