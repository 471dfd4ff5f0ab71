package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.letter.LetterRenderer;
import jp.expirynotices.letter.NoticeLetter;
import jp.expirynotices.letter.PdfObjects;
import jp.expirynotices.letter.RenderedLetter;
import jp.expirynotices.mailing.CustomerBarcode;
import jp.expirynotices.registry.Resident;

class LetterVerifierTest {

    static final LocalDate R = LocalDate.of(2026, 11, 24);
    static final ExpiryCalculator RULES = ExpiryCalculator.defaults();
    static final LetterRenderer RENDERER = LetterRenderer.defaults();

    @TempDir
    Path folder;

    private final LetterVerifier verifier = new LetterVerifier(RULES, R, 8, new PrefixDigest());
    private Resident ikebukuro;
    private Resident toshima;

    @BeforeEach
    void residents() {
        ikebukuro = resident("R7", "池袋 一郎", "1710021", "西池袋", "3-16-4", "");
        toshima = resident("B100", "豊島 花子", "1700013", "東池袋", "1丁目3番2号", "サンシャインハイツ503");
    }

    private static Resident resident(String id, String name, String postal, String town, String block,
                                     String building) {
        return new Resident(2, id, name, "", LocalDate.of(1985, 12, 20), postal, "東京都豊島区" + town, block, building,
                LocalDate.of(2031, 12, 20), List.of(
                new Certificate(CertificateKind.SIGN, LocalDate.of(2021, 12, 21), Optional.empty(),
                        CertificateStatus.ACTIVE),
                new Certificate(CertificateKind.AUTH, LocalDate.of(2021, 12, 21), Optional.empty(),
                        CertificateStatus.ACTIVE)), false);
    }

    /** Renders {@code drawn} into {@code letters/<id of recorded>.pdf} and records it as {@code recorded}'s letter. */
    private LetterVerifier.RecordedLetter write(Resident recorded, Resident drawn) throws IOException {
        ResidentAssessment a = RULES.assess(drawn.birthDate(), drawn.cardExpiresOn(), drawn.certificates(), R);
        Optional<String> bars = CustomerBarcode.encode(drawn.postalCode(), drawn.addressBlock(),
                drawn.addressBuilding()).map(CustomerBarcode::bars);
        RenderedLetter letter = RENDERER.render(new NoticeLetter(drawn, a, R, bars));
        String file = LetterProcessor.letterFile(recorded.residentId());
        Files.createDirectories(folder.resolve("letters"));
        Files.write(folder.resolve(file), letter.pdf());
        Optional<String> recordedBars = CustomerBarcode.encode(recorded.postalCode(), recorded.addressBlock(),
                recorded.addressBuilding()).map(CustomerBarcode::bars);
        Candidate c = new Candidate(recorded, Candidate.Status.SELECTED, null, a.earliestExpiry().orElseThrow(),
                a.dueKindsCode(), a.reason().orElseThrow(), Set.of(), 1);
        return new LetterVerifier.RecordedLetter(c, file, letter.pages(), FixtureExpectations.sha256(letter.pdf()),
                recordedBars.orElse(""));
    }

    @Test
    void aTrueLetterHasNoProblem() throws IOException {
        assertThat(verifier.verify(write(ikebukuro, ikebukuro), folder)).isEmpty();
        assertThat(verifier.verify(write(toshima, toshima), folder)).isEmpty();
    }

    @Test
    void anotherResidentsLetterUnderThisNameIsCaught() throws IOException {
        LetterVerifier.RecordedLetter wrong = write(ikebukuro, toshima);
        assertThat(verifier.verify(wrong, folder)).contains("name not found in the letter's text",
                "postal code not found in the letter's text", "address not found in the letter's text",
                "printed bars differ from the encoder's");
    }

    @Test
    void manifestFactsMustMatchTheFile() throws IOException {
        LetterVerifier.RecordedLetter ok = write(ikebukuro, ikebukuro);
        assertThat(verifier.verify(new LetterVerifier.RecordedLetter(ok.candidate(), ok.letterFile(), 3,
                "0".repeat(64), ok.customerBarcode()), folder))
                .containsExactly("sha256 differs from the manifest", "page count 2 differs from the manifest's 3");
        assertThat(verifier.verify(new LetterVerifier.RecordedLetter(ok.candidate(), ok.letterFile(), ok.pages(),
                ok.sha256(), "F".repeat(67)), folder)).containsExactly("manifest barcode differs from the encoder's");
        Files.delete(folder.resolve(ok.letterFile()));
        assertThat(verifier.verify(ok, folder)).containsExactly("letter file missing");
    }

    /** Page 1's compressed content cut short, or not Flate data at all: the letter is not readable, said once. */
    @Test
    void damagedPageContentIsCaught() throws IOException {
        LetterVerifier.RecordedLetter ok = write(ikebukuro, ikebukuro);
        Path file = folder.resolve(ok.letterFile());
        byte[] original = Files.readAllBytes(file);
        for (int keep : new int[] {40, 0}) {
            String damage = keep > 0 ? "compressed data ends early" : "not valid Flate data";
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(original)) {
                var content = (org.apache.pdfbox.cos.COSStream) pdf.getPage(0).getCOSObject()
                        .getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS);
                byte[] raw;
                try (var in = content.createRawInputStream()) {
                    raw = in.readAllBytes();
                }
                try (var out = content.createRawOutputStream()) {
                    out.write(keep > 0 ? java.util.Arrays.copyOf(raw, keep) : "not deflated".getBytes());
                }
                pdf.save(file.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            }
            PdfObjects saved = PdfObjects.read(Files.readAllBytes(file), ok.letterFile());
            PdfObjects.PdfObject page = saved.object(saved.pages(new java.util.ArrayList<>()).getFirst());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> saved.decoded(saved.stream(page.dictionary().get("Contents")))).hasMessageContaining(damage);
            assertThat(verifier.verify(ok, folder)).as("keeping %d bytes", keep)
                    .containsExactly("sha256 differs from the manifest", "not a readable PDF (IOException)");
        }
    }

    @Test
    void dueExpiriesMustBePrintedInWareki() throws IOException {
        // the record says J-LIS has AUTH expiring 2027-01-31; the letter drawn shows 令和8年12月20日
        Resident recorded = new Resident(2, "R7", ikebukuro.name(), "", ikebukuro.birthDate(), ikebukuro.postalCode(),
                ikebukuro.addressTown(), ikebukuro.addressBlock(), "", ikebukuro.cardExpiresOn(), List.of(
                new Certificate(CertificateKind.AUTH, LocalDate.of(2021, 12, 21), Optional.of(LocalDate.of(2027, 1, 31)),
                        CertificateStatus.ACTIVE)), false);
        assertThat(verifier.verify(write(recorded, ikebukuro), folder)).containsExactly(
                "AUTH expiry not found in the letter's text");
    }

    @Test
    void personalDataInTheRunsLogFailsTheSelfCheck() throws IOException {
        LetterVerifier.RecordedLetter letter = write(toshima, toshima);
        String log = "selection: 14 rows read\nrendering B100 for 豊島花子 at 東京都豊島区東池袋1丁目3番2号\n"
                + "java.lang.IllegalStateException: born 1985/12/20\n";
        VerificationWriter.Finding leaked = new LetterVerification(verifier, folder,
                Optional.of(new PersonalDataScan(log, R))).process(letter);
        assertThat(leaked.residentId()).isEqualTo("B100");
        assertThat(leaked.problems()).containsExactly("the resident's name appears in the run's log",
                "the resident's address appears in the run's log", "the resident's birth date appears in the run's log");
        // a log with ids and counts only is clean; so is one without a capture (logging configured otherwise)
        assertThat(new LetterVerification(verifier, folder, Optional.of(new PersonalDataScan(
                "run 2026-11-24: B100 R7 14 rows read, 3 rejected -> out/2026-11-24\n", R))).process(letter).problems())
                .isEmpty();
        assertThat(new LetterVerification(verifier, folder, Optional.empty()).process(letter).problems()).isEmpty();
    }
}
