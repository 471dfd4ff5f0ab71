package jp.expirynotices.mailing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

import jp.expirynotices.letter.LetterFixtures;
import jp.expirynotices.letter.LetterRenderer;

/** The bundle's pages read as the letters' pages, with the letters' shared fonts held once. */
class BundlePdfTest {

    @Test
    void realLettersReadTheSameAndShareTheirFonts() throws Exception {
        LetterRenderer renderer = LetterRenderer.defaults();
        List<byte[]> letters = new ArrayList<>();
        for (String name : List.of("池袋 一郎", "髙橋 龍之介", "O'Brien (Jr.)")) {
            letters.add(renderer.render(LetterFixtures.named(name)).pdf());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundlePdf bundle = new BundlePdf(out);
        for (int i = 0; i < letters.size(); i++) {
            assertThat(bundle.append(letters.get(i), "L" + i)).isEqualTo(2);
        }
        bundle.finish();
        byte[] pdf = out.toByteArray();

        List<String> expected = new ArrayList<>();
        for (byte[] letter : letters) {
            expected.addAll(pageTexts(letter));
        }
        assertThat(pageTexts(pdf)).containsExactlyElementsOf(expected);
        assertThat(String.join("", expected)).contains("池袋", "龍之介", "O'Brien (Jr.)");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(6);
            // Two shared subsets (regular, bold) written once; each letter adds its residents' own subset.
            Set<COSStream> programs = new HashSet<>();
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(595f);
                for (COSName font : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(font);
                    COSDictionary descriptor = ((PDType0Font) f).getDescendantFont().getFontDescriptor()
                            .getCOSObject();
                    programs.add((COSStream) descriptor.getDictionaryObject(COSName.FONT_FILE2));
                }
            }
            assertThat(programs).hasSize(2 + 3);
        }
        int letterBytes = letters.stream().mapToInt(l -> l.length).sum();
        assertThat(pdf.length).isLessThan(letterBytes / 2);
    }

    /** References inside strings are text, not references; an indirect /Length and comments are kept. */
    @Test
    void copiesOnlyRealReferences() throws Exception {
        String content = "BT /F1 12 Tf 10 10 Td (Hello 4 0 R) Tj ET";
        byte[] letter = pdf(
                "<</Type/Catalog/Pages 2 0 R>>",
                "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 400.5]/Rotate 90/Contents 4 0 R % 9 0 R\n"
                        + "/Resources<</Font<</F1 6 0 R>>>>/PieceInfo<</X<</Private (a \\) 5 0 R \\\\ (b) c)>>>>>>",
                "<</Length 5 0 R>>stream\n" + content + "\nendstream",
                Integer.toString(content.length()),
                "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundlePdf bundle = new BundlePdf(out);
        assertThat(bundle.append(letter, "crafted")).isEqualTo(1);
        bundle.appendBlankPage();
        bundle.finish();

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDPage page = doc.getPage(0);
            assertThat(new String(page.getContents().readAllBytes(), ISO_8859_1)).isEqualTo(content);
            assertThat(page.getResources().getFont(COSName.getPDFName("F1")).getName()).isEqualTo("Helvetica");
            COSDictionary piece = page.getCOSObject().getCOSDictionary(COSName.getPDFName("PieceInfo"))
                    .getCOSDictionary(COSName.getPDFName("X"));
            assertThat(piece.getString(COSName.getPDFName("Private"))).isEqualTo("a ) 5 0 R \\ (b) c");
            PDPage blank = doc.getPage(1);
            assertThat(blank.getMediaBox().getHeight()).isEqualTo(400.5f);
            assertThat(blank.getRotation()).isEqualTo(90);
            assertThat(blank.getContents().readAllBytes()).isEmpty();
        }
    }

    @Test
    void refusesWhatItCannotCopyFaithfully() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, compressed);
        writer.setFullCompression(); // cross-reference and object streams (PDF 1.5)
        document.open();
        document.add(new Paragraph("x"));
        document.close();
        BundlePdf bundle = new BundlePdf(new ByteArrayOutputStream());

        assertThatThrownBy(() -> bundle.append(compressed.toByteArray(), "R0000001.pdf"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("R0000001.pdf: no cross-reference table");
        byte[] inherited = pdf("<</Type/Catalog/Pages 2 0 R>>",
                "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 10 10]>>", "<</Type/Page/Parent 2 0 R>>");
        assertThatThrownBy(() -> bundle.append(inherited, "L.pdf")).isInstanceOf(IOException.class)
                .hasMessage("L.pdf: page tree node 2 has /MediaBox for its pages to inherit");
        byte[] whole = pdf("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/Contents 4 0 R>>", "<</Length 9999>>stream\nshort\nendstream");
        assertThatThrownBy(() -> bundle.append(whole, "L.pdf")).isInstanceOf(IOException.class)
                .hasMessageContaining("object 4 has no valid stream /Length");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 40);
        assertThatThrownBy(() -> bundle.append(truncated, "L.pdf")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("L.pdf: no startxref");
    }

    /** A PDF of these objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
    static byte[] pdf(String... objects) {
        StringBuilder text = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(text.length());
            text.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = text.length();
        text.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> text.append(String.format("%010d 00000 n \n", o)));
        text.append("trailer\n<</Size ").append(objects.length + 1).append("/Root 1 0 R>>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return text.toString().getBytes(ISO_8859_1);
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return BundleWriterTest.pageTexts(doc);
        }
    }
}
