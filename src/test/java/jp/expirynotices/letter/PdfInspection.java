package jp.expirynotices.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reads rendered letters back with PDFBox and veraPDF. */
final class PdfInspection {

    static final float PT_PER_MM = 72f / 25.4f;

    private static boolean veraInitialised;

    private PdfInspection() {
    }

    /** Text of one page (1-based), as PDFBox extracts it. */
    static String text(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        }
    }

    /** Without any white space (line breaks, half- and full-width spaces), for "contains" checks across lines. */
    static String compact(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Every font used on any page (and in form XObjects), as PDFBox sees it. */
    static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            collect(page.getResources(), fonts, 0);
        }
        return fonts;
    }

    private static void collect(PDResources resources, List<PDFont> fonts, int depth) throws IOException {
        if (resources == null || depth > 10) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, depth + 1);
            }
        }
    }

    /** One glyph on a page, in mm from the top-left corner; {@code top}/{@code bottom} bound the glyph box. */
    record Glyph(String text, float x, float right, float top, float baseline, float bottom) {
        boolean overlaps(Glyph o, float toleranceMm) {
            return x + toleranceMm < o.right && o.x + toleranceMm < right
                    && top + toleranceMm < o.bottom && o.top + toleranceMm < bottom;
        }
    }

    /** The glyphs of one page with their positions. */
    static List<Glyph> glyphs(byte[] pdf, int page) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        if (p.getUnicode().isBlank() || "\u3000".equals(p.getUnicode())) {
                            continue;
                        }
                        float size = p.getFontSizeInPt();
                        float baseline = p.getYDirAdj();
                        // BIZ UD Gothic: ascent 0.88 em, descent 0.12 em (hhea); the em box bounds every glyph.
                        glyphs.add(new Glyph(p.getUnicode(), p.getXDirAdj() / PT_PER_MM,
                                (p.getXDirAdj() + p.getWidthDirAdj()) / PT_PER_MM,
                                (baseline - 0.88f * size) / PT_PER_MM, baseline / PT_PER_MM,
                                (baseline + 0.12f * size) / PT_PER_MM));
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        return glyphs;
    }

    /** veraPDF's PDF/A-1b verdict; the failed rules in the message when not compliant. */
    static synchronized String pdfA1bFailures(byte[] pdf) throws Exception {
        if (!veraInitialised) {
            VeraGreenfieldFoundryProvider.initialise();
            veraInitialised = true;
        }
        try (InputStream in = new ByteArrayInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_1_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false);
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return "";
            }
            StringBuilder failures = new StringBuilder();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failures.append(a.getRuleId()).append(": ").append(a.getMessage()).append('\n');
                }
            }
            return failures.isEmpty() ? "not compliant" : failures.toString();
        }
    }
}
