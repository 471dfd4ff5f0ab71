package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.letter.ContentTokens;
import jp.expirynotices.letter.LetterRenderer;
import jp.expirynotices.letter.NoticeLetter;
import jp.expirynotices.letter.PdfObjects;
import jp.expirynotices.registry.Resident;

/** The verifier's page reading gives what a full text extraction (PDFBox) gives, in the same order. */
class PageTextTest {

    static final LocalDate R = LocalDate.of(2026, 11, 24);

    @Test
    void readsWhatAFullTextExtractionReads() throws Exception {
        LetterRenderer renderer = LetterRenderer.defaults();
        for (String name : List.of("池袋 一郎", "O'Brien-Smith, Seán", "髙橋 龍之介")) {
            Resident r = new Resident(2, "R1", name, "", LocalDate.of(1985, 12, 20), "1700013", "東京都豊島区東池袋",
                    "1丁目3番2号", "サンシャインハイツ503", LocalDate.of(2031, 12, 20), List.of(
                    new Certificate(CertificateKind.SIGN, LocalDate.of(2021, 12, 21), Optional.empty(),
                            CertificateStatus.ACTIVE),
                    new Certificate(CertificateKind.AUTH, LocalDate.of(2021, 12, 21), Optional.empty(),
                            CertificateStatus.ACTIVE)), false);
            NoticeLetter letter = new NoticeLetter(r, ExpiryCalculator.defaults().assess(r.birthDate(),
                    r.cardExpiresOn(), r.certificates(), R), R, Optional.empty());
            byte[] bytes = renderer.render(letter).pdf();
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(1);
                String full = stripper.getText(pdf).replaceAll("\\s", "");
                PdfObjects objects = PdfObjects.read(bytes, name);
                PdfObjects.PdfObject page = objects.object(objects.pages(new java.util.ArrayList<>()).getFirst());
                String fast = new PageText().of(objects, page, ContentTokens.parse(
                        objects.decoded(objects.stream(page.dictionary().get("Contents"))))).replaceAll("\\s", "");
                assertThat(fast).isEqualTo(full).contains(name.replaceAll("\\s", "")).contains("令和8年12月20日")
                        .doesNotContain("\uFFFD");
            }
        }
    }
}
