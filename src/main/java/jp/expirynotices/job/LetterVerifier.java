package jp.expirynotices.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.letter.ContentTokens;
import jp.expirynotices.letter.PdfObjects;
import jp.expirynotices.letter.Wareki;
import jp.expirynotices.mailing.BarcodeReader;
import jp.expirynotices.mailing.CustomerBarcode;
import jp.expirynotices.registry.Resident;

/**
 * Re-opens a letter as written and checks it against its record: hash and page count as in the manifest; the name,
 * postal code, address and every due expiry (和暦) in its text; the barcode bars on the page equal to the encoder's.
 * Problems name the check, never the personal data.
 */
public final class LetterVerifier {

    /** A recorded letter: the staged resident and what the manifest says of the file. */
    public record RecordedLetter(Candidate candidate, String letterFile, int pages, String sha256,
                                 String customerBarcode) {
    }

    private final ExpiryCalculator calculator;
    private final LocalDate runDate;
    private final double barcodePointSize;
    private final PrefixDigest digest;
    private final PageText pageText = new PageText();

    public LetterVerifier(ExpiryCalculator calculator, LocalDate runDate, double barcodePointSize,
                          PrefixDigest digest) {
        this.calculator = calculator;
        this.runDate = runDate;
        this.barcodePointSize = barcodePointSize;
        this.digest = digest;
    }

    /** The problems found; empty when the letter is true to its record. */
    public List<String> verify(RecordedLetter letter, Path runFolder) {
        List<String> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(runFolder.resolve(letter.letterFile()));
        } catch (NoSuchFileException e) {
            return List.of("letter file missing");
        } catch (IOException e) {
            return List.of("letter file unreadable (" + e.getClass().getSimpleName() + ")");
        }
        if (!digest.sha256(bytes).equals(letter.sha256())) {
            problems.add("sha256 differs from the manifest");
        }
        Resident r = letter.candidate().resident();
        Optional<String> expectedBars = CustomerBarcode.encode(r.postalCode(), r.addressBlock(), r.addressBuilding())
                .map(CustomerBarcode::bars);
        if (!expectedBars.orElse("").equals(letter.customerBarcode())) {
            problems.add("manifest barcode differs from the encoder's");
        }
        try {
            PdfObjects pdf = PdfObjects.read(bytes, letter.letterFile());
            List<Integer> pages = pdf.pages(new ArrayList<>());
            if (pages.size() != letter.pages()) {
                problems.add("page count " + pages.size() + " differs from the manifest's " + letter.pages());
            }
            if (pages.isEmpty()) {
                return problems;
            }
            // page 1, the notice, holds the name, postal code, address, due expiries and the barcode
            PdfObjects.PdfObject notice = pdf.object(pages.getFirst());
            List<Object> tokens = ContentTokens.parse(pdf.pageContent(notice));
            String text = compact(pageText.of(pdf, notice, tokens));
            check(problems, text, r.name(), "name");
            check(problems, text, r.postalCodeHyphenated(), "postal code");
            check(problems, text, r.addressTown() + r.addressBlock(), "address");
            check(problems, text, r.addressBuilding(), "building");
            ResidentAssessment assessment = calculator.assess(r.birthDate(), r.cardExpiresOn(), r.certificates(),
                    runDate).withAlreadyNotified(letter.candidate().notifiedKinds());
            for (CertificateExpiry due : assessment.dueCertificates()) {
                check(problems, text, Wareki.format(due.expiry()), due.kind() + " expiry");
            }
            Optional<String> printed = BarcodeReader.read(BarcodeReader.rectangles(tokens), barcodePointSize);
            if (!printed.equals(expectedBars)) {
                problems.add(expectedBars.isEmpty() ? "a barcode is printed where none belongs"
                        : printed.isEmpty() ? "barcode missing on page 1" : "printed bars differ from the encoder's");
            }
        } catch (IOException e) {
            problems.add("not a readable PDF (" + e.getClass().getSimpleName() + ")");
        }
        return problems;
    }

    private static void check(List<String> problems, String text, String expected, String what) {
        if (!text.contains(compact(expected))) {
            problems.add(what + " not found in the letter's text");
        }
    }

    /** Text without any white space: line breaks and spacing differ between drawing and extraction. */
    private static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
