using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Debate.Web.Features.Shared;

/// <summary>
/// An SVG drawn from stored text as markup. Names, titles and statements come from members and imports and may hold
/// characters XML forbids (U+0001, an unpaired surrogate, U+FFFE): those are dropped, where writing them failed the
/// whole page for every reader.
/// </summary>
internal static class SvgMarkup
{
    public static string Of(XElement svg)
    {
        foreach (var text in svg.DescendantNodes().OfType<XText>())
        {
            if (!IsXmlSafe(text.Value))
                text.Value = XmlSafe(text.Value);
        }
        foreach (var attribute in svg.DescendantsAndSelf().Attributes())
        {
            if (!IsXmlSafe(attribute.Value))
                attribute.Value = XmlSafe(attribute.Value);
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
                i++;
            else if (!XmlConvert.IsXmlChar(text[i]))
                return false;
        }
        return true;
    }

    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
                safe.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i]))
                safe.Append(text[i]);
        }
        return safe.ToString();
    }
}
