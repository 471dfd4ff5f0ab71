package jp.expirynotices.report;

import java.awt.Color;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;

/**
 * The Japanese fonts of the report PDFs. Every OpenPDF {@link Font} is made from the embedded BaseFonts (never a
 * Base-14 font), and {@link #mapper()} maps any AWT font a chart uses to them, so charts drawn through
 * {@code PdfGraphics2D} embed the same fonts.
 *
 * <p>For chart layout (label widths) JFreeChart measures with AWT fonts; {@link #awt(int, float)} returns the AWT
 * face of the same family when the JVM knows it (it does when the font is in a fontconfig folder), else
 * {@code SansSerif}. Either way the glyphs in the PDF come from the BaseFonts.
 */
final class ReportFonts {

    private final BaseFont regular;
    private final BaseFont bold;
    private final String awtFamily;
    private final java.awt.Font awtRegular;
    private final java.awt.Font awtBold;

    /** AWT faces found by the BaseFont's family name. */
    ReportFonts(BaseFont regular, BaseFont bold) {
        this(regular, bold, null, null);
    }

    /**
     * AWT faces read from the font files the BaseFonts came from (exact chart metrics even when the font is not in a
     * system font folder); a file that AWT cannot read falls back to the family-name lookup.
     */
    ReportFonts(BaseFont regular, BaseFont bold, Path regularFile, Path boldFile) {
        this.regular = Objects.requireNonNull(regular, "regular");
        this.bold = Objects.requireNonNull(bold, "bold");
        this.awtFamily = awtFamilyOf(regular);
        this.awtRegular = regularFile == null ? null : awtFromFile(regularFile);
        this.awtBold = boldFile == null || bold == regular ? null : awtFromFile(boldFile);
    }

    BaseFont regularBase() {
        return regular;
    }

    BaseFont boldBase() {
        return bold;
    }

    Font regular(float size) {
        return new Font(regular, size, Font.NORMAL, Color.BLACK);
    }

    Font regular(float size, Color color) {
        return new Font(regular, size, Font.NORMAL, color);
    }

    Font bold(float size) {
        return new Font(bold, size, Font.NORMAL, Color.BLACK);
    }

    Font bold(float size, Color color) {
        return new Font(bold, size, Font.NORMAL, color);
    }

    /** An AWT font for chart layout; {@code style} is {@link java.awt.Font#PLAIN} or {@link java.awt.Font#BOLD}. */
    java.awt.Font awt(int style, float size) {
        if (style == java.awt.Font.BOLD && awtBold != null) {
            return awtBold.deriveFont(size);
        }
        if (awtRegular != null) {
            return awtRegular.deriveFont(style, size);
        }
        return new java.awt.Font(awtFamily, style, 1).deriveFont(size);
    }

    private boolean isBold(java.awt.Font font) {
        return font.isBold() || awtBold != null && awtBold.getFontName().equals(font.getFontName());
    }

    /** Maps every AWT font to the embedded Japanese BaseFonts: bold styles to {@code bold}, all else to regular. */
    FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return font != null && isBold(font) ? bold : regular;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return awt(font == bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN, size);
            }
        };
    }

    private static java.awt.Font awtFromFile(Path file) {
        try {
            java.awt.Font[] faces = java.awt.Font.createFonts(file.toFile());
            return faces.length == 0 ? null : faces[0];
        } catch (FontFormatException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static String awtFamilyOf(BaseFont font) {
        Set<String> names = new LinkedHashSet<>();
        String[][] family = font.getFamilyFontName();
        if (family != null) {
            for (String[] entry : family) {
                if (entry.length >= 4 && entry[3] != null && !entry[3].isBlank()) {
                    names.add(entry[3]);
                }
            }
        }
        for (String name : names) {
            java.awt.Font candidate = new java.awt.Font(name, java.awt.Font.PLAIN, 10);
            if (names.contains(candidate.getFamily()) || names.contains(candidate.getFamily(Locale.ENGLISH))
                    || names.contains(candidate.getFamily(Locale.JAPANESE))) {
                return name;
            }
        }
        return java.awt.Font.SANS_SERIF;
    }
}
