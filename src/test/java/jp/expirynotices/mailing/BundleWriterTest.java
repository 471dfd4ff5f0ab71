package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

class BundleWriterTest {

    @TempDir
    Path tmp;

    @Test
    void bundlesLettersInOrderWithBlankPagesAfterOddLetters() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("letters"));
        List<Path> letters = List.of(
                letter(in, "R001", 1), letter(in, "R002", 2), letter(in, "R003", 3), letter(in, "R004", 1),
                letter(in, "R005", 2));
        Path out = tmp.resolve("print");

        BundleResult result = new BundleWriter(2).write(letters, out);

        // N = 2: [R001 R002] [R003 R004] [R005]
        assertThat(result.bundles()).extracting(PrintBundle::fileName)
                .containsExactly("bundle-0001.pdf", "bundle-0002.pdf", "bundle-0003.pdf");
        assertThat(result.bundles()).extracting(PrintBundle::letterCount).containsExactly(2, 2, 1);
        // R001 1+blank, R002 2 | R003 3+blank, R004 1+blank | R005 2
        assertThat(result.bundles()).extracting(PrintBundle::totalPages).containsExactly(4, 6, 2);
        assertThat(result.letters()).extracting(BundledLetter::letter).containsExactlyElementsOf(letters);
        assertThat(result.letters()).extracting(BundledLetter::bundleFile).containsExactly(
                "bundle-0001.pdf", "bundle-0001.pdf", "bundle-0002.pdf", "bundle-0002.pdf", "bundle-0003.pdf");
        assertThat(result.letters()).extracting(BundledLetter::firstPage).containsExactly(1, 2 + 1, 1, 5, 1);
        assertThat(result.letters()).extracting(BundledLetter::pageCount).containsExactly(1, 2, 3, 1, 2);
        assertThat(result.letters()).allMatch(l -> l.firstPage() % 2 == 1, "every letter starts on an odd page");
        assertThat(result.bundles().get(1).letters()).containsExactlyElementsOf(result.letters().subList(2, 4));

        for (PrintBundle bundle : result.bundles()) {
            try (PDDocument doc = Loader.loadPDF(out.resolve(bundle.fileName()).toFile())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(bundle.totalPages());
                List<String> pages = pageTexts(doc);
                for (BundledLetter placed : bundle.letters()) {
                    String id = placed.letter().getFileName().toString().replace(".pdf", "");
                    for (int p = 1; p <= placed.pageCount(); p++) {
                        assertThat(pages.get(placed.firstPage() - 1 + p - 1))
                                .as("%s page %d", id, p).contains(marker(id, p));
                    }
                    if (placed.pageCount() % 2 == 1) {
                        int blank = placed.firstPage() + placed.pageCount();
                        assertThat(pages.get(blank - 1)).as("blank after %s", id).isBlank();
                        assertThat(doc.getPage(blank - 1).getMediaBox().getWidth())
                                .isEqualTo(doc.getPage(blank - 2).getMediaBox().getWidth());
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("bundle-0001.pdf", "bundle-0002.pdf", "bundle-0003.pdf");
        }
    }

    @Test
    void rewritingReplacesBundlesAndLeavesNoTemporaryFiles() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("letters"));
        List<Path> letters = List.of(letter(in, "A1", 3), letter(in, "A2", 1));
        Path out = tmp.resolve("print");

        new BundleWriter(1).write(letters, out);
        BundleResult again = new BundleWriter().write(letters, out);

        assertThat(again.bundles()).singleElement().satisfies(b -> {
            assertThat(b.fileName()).isEqualTo("bundle-0001.pdf");
            assertThat(b.totalPages()).isEqualTo(6);
        });
        try (PDDocument doc = Loader.loadPDF(out.resolve("bundle-0001.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(6);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aBrokenLetterFailsTheBundleWithoutLeavingFiles() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("letters"));
        Path broken = Files.writeString(in.resolve("broken.pdf"), "not a pdf");
        Path out = tmp.resolve("print");

        assertThatThrownBy(() -> new BundleWriter().write(List.of(letter(in, "B1", 1), broken), out))
                .isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void noLettersNoBundles() throws Exception {
        BundleResult result = new BundleWriter().write(List.of(), tmp.resolve("print"));
        assertThat(result.bundles()).isEmpty();
        assertThat(result.letters()).isEmpty();
    }

    @Test
    void bundleSizeAndNames() {
        assertThat(new BundleWriter().maxLettersPerBundle()).isEqualTo(500);
        assertThat(BundleWriter.bundleFileName(1)).isEqualTo("bundle-0001.pdf");
        assertThat(BundleWriter.bundleFileName(123)).isEqualTo("bundle-0123.pdf");
        assertThatThrownBy(() -> new BundleWriter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String marker(String id, int page) {
        return "MARKER-" + id + "-P" + page;
    }

    /** The text of each page, as PDFBox extracts it. */
    static List<String> pageTexts(PDDocument doc) throws IOException {
        List<String> texts = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            texts.add(stripper.getText(doc));
        }
        return texts;
    }

    /** A letter of {@code pages} A4 pages, each showing its marker in Helvetica. */
    private static Path letter(Path dir, String id, int pages) throws Exception {
        Path file = dir.resolve(id + ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            Document document = new Document(PageSize.A4);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            for (int p = 1; p <= pages; p++) {
                if (p > 1) {
                    document.newPage();
                }
                PdfContentByte cb = writer.getDirectContent();
                cb.beginText();
                cb.setFontAndSize(font, 12);
                cb.setTextMatrix(72, 750);
                cb.showText(marker(id, p));
                cb.endText();
            }
            document.close();
        }
        return file;
    }
}
