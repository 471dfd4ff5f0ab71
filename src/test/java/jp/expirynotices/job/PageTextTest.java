package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jp.expirynotices.letter.ContentTokens;
import jp.expirynotices.letter.LetterFixtures;
import jp.expirynotices.letter.LetterRenderer;
import jp.expirynotices.letter.NoticeLetter;
import jp.expirynotices.letter.PdfObjects;

/** The verifier's page reading gives what a full text extraction (PDFBox) gives, in the same order. */
class PageTextTest {

    @Test
    void readsWhatAFullTextExtractionReads() throws Exception {
        LetterRenderer renderer = LetterRenderer.defaults();
        for (String name : List.of("池袋 一郎", "O'Brien-Smith, Seán", "髙橋 龍之介")) {
            NoticeLetter letter = LetterFixtures.named(name);
            byte[] bytes = renderer.render(letter).pdf();
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(1);
                String full = stripper.getText(pdf).replaceAll("\\s", "");
                PdfObjects objects = PdfObjects.read(bytes, name);
                PdfObjects.PdfObject page = objects.object(objects.pages(new java.util.ArrayList<>()).getFirst());
                String fast = new PageText().of(objects, page, ContentTokens.parse(objects.pageContent(page)))
                        .replaceAll("\\s", "");
                assertThat(fast).isEqualTo(full).contains(name.replaceAll("\\s", "")).contains("令和8年12月20日")
                        .doesNotContain("\uFFFD");
            }
        }
    }
}
