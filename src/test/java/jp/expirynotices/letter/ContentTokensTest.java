package jp.expirynotices.letter;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import jp.expirynotices.registry.Resident;

class ContentTokensTest {

    private static List<Object> parse(String content) throws IOException {
        return ContentTokens.parse(content.getBytes(ISO_8859_1));
    }

    private static String text(Object token) {
        return new String((byte[]) token, ISO_8859_1);
    }

    @Test
    void readsNumbersNamesOperatorsAndArrays() throws IOException {
        List<Object> tokens = parse("q 1 0 0 1 56.69 -789.8 cm\n/F1 11 Tf [(a) -250 (b)] TJ .5 +3 -.25 w Q");
        assertThat(tokens).hasSize(18);
        assertThat(tokens.subList(0, 8)).containsExactly(new ContentTokens.Operator("q"), 1.0, 0.0, 0.0, 1.0,
                56.69, -789.8, new ContentTokens.Operator("cm"));
        assertThat(tokens.get(8)).isEqualTo(new ContentTokens.Name("F1"));
        List<?> array = (List<?>) tokens.get(11);
        assertThat(array).hasSize(3);
        assertThat(text(array.get(0))).isEqualTo("a");
        assertThat(array.get(1)).isEqualTo(-250.0);
        assertThat(tokens.subList(13, 18)).containsExactly(0.5, 3.0, -0.25, new ContentTokens.Operator("w"),
                new ContentTokens.Operator("Q"));
    }

    @Test
    void readsLiteralStringsWithEscapesNestingAndLineEnds() throws IOException {
        List<Object> tokens = parse("(a\\(b\\)c\\\\d) Tj (x(y)z) Tj (\\101\\7\\0537) Tj (\\n\\r\\t\\b\\f\\q) Tj "
                + "(one\\\r\ntwo) Tj (cr\r\nlf) Tj");
        assertThat(text(tokens.get(0))).isEqualTo("a(b)c\\d");
        assertThat(text(tokens.get(2))).isEqualTo("x(y)z");
        assertThat(text(tokens.get(4))).isEqualTo("A\u0007+7");
        assertThat(text(tokens.get(6))).isEqualTo("\n\r\t\b\fq");
        assertThat(text(tokens.get(8))).isEqualTo("onetwo");
        assertThat(text(tokens.get(10))).isEqualTo("cr\nlf");
    }

    @Test
    void readsHexStringsNameEscapesDictionariesAndKeywords() throws IOException {
        List<Object> tokens = parse("<30 4F\n5> Tj /A#20B#2fC /Span <</MCID 3 /Alt (x) /On true>> BDC EMC "
                + "% a comment ( not a string\nfalse null");
        assertThat((byte[]) tokens.get(0)).containsExactly(0x30, 0x4f, 0x50);
        assertThat(tokens.get(2)).isEqualTo(new ContentTokens.Name("A B/C"));
        assertThat(tokens.get(3)).isEqualTo(new ContentTokens.Name("Span"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) tokens.get(4);
        assertThat(properties.keySet()).containsExactly("MCID", "Alt", "On");
        assertThat(properties.get("MCID")).isEqualTo(3.0);
        assertThat(properties.get("On")).isEqualTo(Boolean.TRUE);
        assertThat(tokens.subList(5, 9)).containsExactly(new ContentTokens.Operator("BDC"),
                new ContentTokens.Operator("EMC"), Boolean.FALSE, ContentTokens.NULL);
    }

    @Test
    void skipsInlineImageData() throws IOException {
        List<Object> tokens = parse("BI /W 2 /H 1 /BPC 8 /CS /G ID \u0000(EI\u00ff EI 1 g");
        assertThat(tokens).contains(new ContentTokens.Operator("ID"), new ContentTokens.Operator("EI"),
                new ContentTokens.Operator("g"));
        assertThat(tokens.getLast()).isEqualTo(new ContentTokens.Operator("g"));
        assertThat(tokens.get(tokens.size() - 2)).isEqualTo(1.0);
    }

    @Test
    void saysWhereAContentStreamIsBroken() {
        assertThatThrownBy(() -> parse("BT (never closed Tj")).isInstanceOf(IOException.class)
                .hasMessage("content stream: unterminated string at byte 3");
        assertThatThrownBy(() -> parse("[1 2")).hasMessageContaining("unterminated array at byte 4");
        assertThatThrownBy(() -> parse("<3G> Tj")).hasMessage(
                "content stream: not a hexadecimal digit in a string at byte 2");
        assertThatThrownBy(() -> parse("1 0 0 RG )")).hasMessageContaining("unexpected ')' at byte 9");
    }

    /** The letters' own pages, token for token as PDFBox's parser reads them. */
    @Test
    void readsLetterPagesAsPdfBoxDoes() throws IOException {
        NoticeLetter standard = LetterFixtures.standard();
        Resident r = standard.resident();
        Resident escaped = LetterFixtures.resident(r.residentId(), "O'Brien (Jr.) \\ 池袋", r.birthDate(),
                r.postalCode(), r.addressTown(), r.addressBlock(), "(棟)\\", r.cardExpiresOn(), r.certificates());
        LetterRenderer renderer = LetterRenderer.defaults();
        for (NoticeLetter letter : List.of(standard, LetterFixtures.letter(escaped, Optional.empty()))) {
            assertReadAsPdfBoxReads(renderer.render(letter).pdf());
        }
    }

    private static void assertReadAsPdfBoxReads(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                List<Object> ours = ContentTokens.parse(page.getContents().readAllBytes());
                List<Object> reference = new PDFStreamParser(page).parse();
                assertThat(ours).hasSize(reference.size());
                for (int i = 0; i < ours.size(); i++) {
                    assertSame(ours.get(i), reference.get(i), i);
                }
            }
        }
    }

    private static void assertSame(Object ours, Object reference, int index) {
        String where = "token " + index;
        switch (reference) {
            case Operator op -> assertThat(ours).as(where).isEqualTo(new ContentTokens.Operator(op.getName()));
            case COSNumber n -> assertThat(((Double) ours).floatValue()).as(where).isEqualTo(n.floatValue());
            case COSName n -> assertThat(ours).as(where).isEqualTo(new ContentTokens.Name(n.getName()));
            case COSString s -> assertThat((byte[]) ours).as(where).containsExactly(s.getBytes());
            case COSArray a -> {
                List<?> list = (List<?>) ours;
                List<COSBase> items = new ArrayList<>();
                a.forEach(items::add);
                assertThat(list).as(where).hasSize(items.size());
                for (int k = 0; k < items.size(); k++) {
                    assertSame(list.get(k), items.get(k), index);
                }
            }
            default -> throw new AssertionError(where + ": a token the letters do not use: " + reference);
        }
    }
}
