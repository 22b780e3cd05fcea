using PetitionBot.Reports.Pdf;

namespace PetitionBot.Tests.Reports;

/// <summary>Contextual forms and visual order for right-to-left names (PDFsharp draws characters as given).</summary>
public sealed class ArabicShaperTests
{
    private static bool AllGlyphs(int codePoint) => true;

    [Theory]
    [InlineData("محمد", "\uFEE3\uFEA4\uFEE4\uFEAA")] // initial, medial, medial, final
    [InlineData("علي", "\uFECB\uFEE0\uFEF2")]
    [InlineData("دار", "\uFEA9\uFE8D\uFEAD")] // dal and alef do not join forward: all isolated
    [InlineData("لا", "\uFEFB")] // lam-alef ligature
    [InlineData("سلام", "\uFEB3\uFEFC\uFEE1")] // seen initial, lam-alef final, meem isolated
    [InlineData("ءا", "\uFE80\uFE8D")] // hamza joins neither side
    [InlineData("پژوهش", "\uFB58\uFB8B\uFEED\uFEEB\uFEB6")] // Persian letters from Forms-A; jeh does not join forward
    public void Shape_ArabicWord_ContextualForms(string word, string expected) =>
        Assert.Equal(expected, ArabicShaper.Shape(word, AllGlyphs));

    [Fact]
    public void Shape_FontLacksAForm_KeepsTheBaseLetter() =>
        Assert.Equal("\u0645\uFEA4\uFEE4\uFEAA", ArabicShaper.Shape("محمد", cp => cp != 0xFEE3));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("\uFEE3\uFEA4", "\uFEA4\uFEE3")]
    [InlineData("Ahmed (\uFEE3\uFEA4) Ali", "Ahmed (\uFEA4\uFEE3) Ali")]
    [InlineData("\uFEE3\uFEA4 \uFECB\uFEE0", "\uFEE0\uFECB \uFEA4\uFEE3")] // two words: last word leftmost
    [InlineData("\uFEE3\uFEA4 12", "12 \uFEA4\uFEE3")] // digits keep their order inside a right-to-left line
    [InlineData("\uFEE3\u064E\uFEA4", "\uFEA4\uFEE3\u064E")] // a mark stays after its letter
    public void Reorder_Line_VisualOrder(string logical, string visual) =>
        Assert.Equal(visual, ArabicShaper.Reorder(logical));

    [Fact]
    public void Visual_NoRightToLeft_Unchanged()
    {
        const string text = "José Muñoz (MS1) 王小明";

        Assert.Same(text, ArabicShaper.Visual(text, AllGlyphs));
    }
}
