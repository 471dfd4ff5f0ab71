package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextObjectsTest {

    private static final String CONTENT = "q\n0.88 g\n1 2 3 4 re\nf\nBT\n1 0 0 1 60.94 628.33 Tm\n/F2 9.3 Tf\n(ET\\nBT)Tj\n"
            + "ET\nBT\n1 0 0 1 166.9 627.68 Tm\n/F1 11 Tf\n(a)Tj\n/F3 11 Tf\n(b)Tj\nET\nBT\n2 0 0 2 5 6 Tm\nET\nQ\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsEachTextObjectFromItsBtLineToAfterItsEtLine() {
        byte[] content = bytes(CONTENT);
        List<TextObjects.Span> spans = TextObjects.find(content);
        assertThat(spans).hasSize(3);
        // an escaped line end inside a string is no line end: ET\nBT in a string ends nothing
        assertThat(text(content).substring(spans.get(0).start(), spans.get(0).end()))
                .isEqualTo("BT\n1 0 0 1 60.94 628.33 Tm\n/F2 9.3 Tf\n(ET\\nBT)Tj\nET\n");
        assertThat(text(content).substring(spans.get(1).start(), spans.get(1).end()))
                .isEqualTo("BT\n1 0 0 1 166.9 627.68 Tm\n/F1 11 Tf\n(a)Tj\n/F3 11 Tf\n(b)Tj\nET\n");
    }

    @Test
    void cutsAroundTheChosenObjects() {
        byte[] content = bytes(CONTENT);
        List<TextObjects.Span> spans = TextObjects.find(content);
        List<byte[]> pieces = TextObjects.around(content, List.of(spans.get(1)));
        assertThat(pieces).extracting(TextObjectsTest::text).containsExactly(
                "q\n0.88 g\n1 2 3 4 re\nf\nBT\n1 0 0 1 60.94 628.33 Tm\n/F2 9.3 Tf\n(ET\\nBT)Tj\nET\n",
                "BT\n2 0 0 2 5 6 Tm\nET\nQ\n");
        assertThat(TextObjects.around(content, List.of())).extracting(TextObjectsTest::text)
                .containsExactly(CONTENT);
    }

    @Test
    void theOriginIsThatOfAPlainTextMatrixOnly() {
        byte[] content = bytes(CONTENT);
        List<TextObjects.Span> spans = TextObjects.find(content);
        assertThat(TextObjects.origin(content, spans.get(0))).containsExactly(60.94f, 628.33f);
        assertThat(TextObjects.origin(content, spans.get(1))).containsExactly(166.9f, 627.68f);
        assertThat(TextObjects.origin(content, spans.get(2))).isNull();
    }
}
