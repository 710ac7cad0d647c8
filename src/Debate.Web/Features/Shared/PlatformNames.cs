using Debate.Core.Model;

namespace Debate.Web.Features.Shared;

internal static class PlatformNames
{
    public static string Display(Platform platform) => platform switch
    {
        Platform.Native => "Debate",
        Platform.LessWrong => "LessWrong",
        Platform.AlignmentForum => "Alignment Forum",
        Platform.EaForum => "EA Forum",
        Platform.Twitter => "Twitter/X",
        Platform.Arxiv => "arXiv",
        Platform.Podcast => "Podcast",
        Platform.Blog => "Blog",
        _ => "Web",
    };

    public static string CssClass(Platform platform) => "platform-" + platform.ToString().ToLowerInvariant();
}
