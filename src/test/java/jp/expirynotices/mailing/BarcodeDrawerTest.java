package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;

class BarcodeDrawerTest {

    private static final String BARS_1000013 =
            "FDFFTFTTFTTFTTFTTFFTDFAFFTTFTDFATFTFDATFTFTFFTTDFATDATDATDATDATFFDF";
    private static final double PT_PER_MM = 72 / 25.4;

    @Test
    void readerReadsBackWhatTheDrawerDrew() throws Exception {
        byte[] pdf = render(BARS_1000013, 100f, 700f, 8);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(BarcodeReader.read(doc.getPage(0), 8)).contains(BARS_1000013);
            // another size's bars are not taken for this one
            assertThat(BarcodeReader.read(doc.getPage(0), 10)).isEmpty();
        }
        byte[] other = render(BARS_1000013.replaceFirst("FFT", "FTF"), 100f, 700f, 8);
        try (PDDocument doc = Loader.loadPDF(other)) {
            assertThat(BarcodeReader.read(doc.getPage(0), 8)).isPresent().get().isNotEqualTo(BARS_1000013);
        }
    }

    @Test
    void drawsSixtySevenFilledRectanglesBelowTheTopEdge() throws Exception {
        float x = 100f;
        float yTop = 700f;
        byte[] pdf = render(BARS_1000013, x, yTop, 8);

        List<float[]> rects = new ArrayList<>();
        int fills = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Object> tokens = new PDFStreamParser(doc.getPage(0)).parse();
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator op) {
                    if (op.getName().equals("re")) {
                        float[] r = new float[4];
                        for (int k = 0; k < 4; k++) {
                            r[k] = ((COSNumber) tokens.get(i - 4 + k)).floatValue();
                        }
                        rects.add(r);
                    } else if (op.getName().equals("f")) {
                        fills++;
                    }
                }
            }
        }

        assertThat(rects).hasSize(67);
        assertThat(fills).isEqualTo(1);
        double width = BarcodeGeometry.widthMm(8) * PT_PER_MM;
        double height = BarcodeGeometry.heightMm(8) * PT_PER_MM;
        double minX = rects.stream().mapToDouble(r -> r[0]).min().orElseThrow();
        double maxX = rects.stream().mapToDouble(r -> r[0] + r[2]).max().orElseThrow();
        double minY = rects.stream().mapToDouble(r -> r[1]).min().orElseThrow();
        double maxY = rects.stream().mapToDouble(r -> r[1] + r[3]).max().orElseThrow();
        assertThat(minX).isCloseTo(x, within(0.01));
        assertThat(maxX).isCloseTo(x + width, within(0.01));
        assertThat(maxY).isCloseTo(yTop, within(0.01));
        assertThat(minY).isCloseTo(yTop - height, within(0.01));

        // First bar F (full height), second D (lower semi-long: bottom at the code's bottom, 2/3 high).
        assertThat(rects.get(0)[3]).isCloseTo((float) height, within(0.01f));
        assertThat(rects.get(1)[1]).isCloseTo((float) (yTop - height), within(0.01f));
        assertThat(rects.get(1)[3]).isCloseTo((float) (height * 2 / 3), within(0.01f));
    }

    private static byte[] render(String bars, float x, float yTop, double pointSize) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCompressionLevel(0);
        document.open();
        BarcodeDrawer.draw(writer.getDirectContent(), bars, x, yTop, pointSize);
        document.close();
        return out.toByteArray();
    }
}
