package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.IdenticalStreamCopy;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;

/** Identical streams of the documents copied are written once; streams that differ in one byte are not merged. */
class IdenticalStreamCopyTest {

    /** A one-page PDF whose content stream draws a line to (x, 10). */
    private static byte[] page(int x) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        PdfContentByte cb = writer.getDirectContent();
        cb.moveTo(0, 0);
        cb.lineTo(x, 10);
        cb.stroke();
        document.close();
        return out.toByteArray();
    }

    @Test
    void identicalStreamsOnceDifferentStreamsEach() throws Exception {
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        Document document = new Document();
        PdfCopy copy = new IdenticalStreamCopy(document, bundle);
        document.open();
        for (byte[] letter : List.of(page(10), page(10), page(11), page(10))) {
            PdfReader reader = new PdfReader(letter);
            copy.addPage(copy.getImportedPage(reader, 1));
            copy.freeReader(reader);
            reader.close();
        }
        document.close();

        try (PDDocument pdf = Loader.loadPDF(bundle.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(4);
            List<Long> streams = new ArrayList<>();
            List<String> drawn = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                COSObject contents = (COSObject) page.getCOSObject().getItem(COSName.CONTENTS);
                streams.add(contents.getKey().getNumber());
                drawn.add(new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1).trim());
            }
            assertThat(streams.get(1)).isEqualTo(streams.get(0));
            assertThat(streams.get(3)).isEqualTo(streams.get(0));
            assertThat(streams.get(2)).isNotEqualTo(streams.get(0));
            assertThat(drawn.get(0)).contains("10 10 l");
            assertThat(drawn.get(2)).contains("11 10 l");
            assertThat(drawn.get(3)).isEqualTo(drawn.get(0));
        }
    }
}
