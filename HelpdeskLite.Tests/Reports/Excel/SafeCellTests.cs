using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Tests.Reports.Excel;

public sealed class SafeCellTests
{
    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void Formula_like_text_is_flagged(string text)
    {
        Assert.True(SafeCell.LooksLikeFormula(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData(" =1")]
    public void Ordinary_text_is_not_flagged(string text)
    {
        Assert.False(SafeCell.LooksLikeFormula(text));
    }

    [Fact]
    public void Control_characters_are_removed()
    {
        var cleaned = SafeCell.Clean("a\u0000b\u0007c\u001Bd\te\nf\rg\u007F\u0085h");

        // A bare CR becomes LF because XML parsing would turn it into one anyway.
        Assert.Equal("abcd\te\nf\ngh", cleaned);
    }

    [Fact]
    public void Unpaired_surrogates_are_removed_and_pairs_kept()
    {
        var cleaned = SafeCell.Clean("x\uD800y😀z\uDC00");

        Assert.Equal("xy😀z", cleaned);
    }

    [Fact]
    public void Long_text_is_truncated_with_marker()
    {
        var cleaned = SafeCell.Clean(new string('a', 40_000));

        Assert.Equal(SafeCell.MaxLength, cleaned.Length);
        Assert.EndsWith(SafeCell.TruncationMarker, cleaned);
    }

    [Fact]
    public void Text_at_the_limit_is_kept_whole()
    {
        var text = new string('a', SafeCell.MaxLength);

        Assert.Equal(text, SafeCell.Clean(text));
    }
}
