package jp.expirynotices.letter;

import org.openpdf.text.pdf.PdfContentByte;

import jp.expirynotices.mailing.BarcodeDrawer;

/**
 * Draws a Japan Post customer barcode (67 bars as letters {@code F A D T}) as filled vector rectangles.
 *
 * <p>Same signature as {@link BarcodeDrawer#draw}, the default ({@link #JAPAN_POST}); tests or other layouts may
 * pass another painter to {@link LetterRenderer}.
 */
@FunctionalInterface
public interface CustomerBarcodePainter {

    /**
     * @param cb        where to draw
     * @param bars      the bars, one of {@code F A D T} each
     * @param xPt       left edge of the first bar, in PDF points from the left of the page
     * @param yTopPt    top of the long bars, in PDF points from the bottom of the page
     * @param pointSize barcode size in pt (8–11.5; 10 pt: long bar 3.6 mm, bar 0.6 mm, pitch 1.2 mm)
     */
    void draw(PdfContentByte cb, String bars, float xPt, float yTopPt, double pointSize);

    /** The mailing package's drawer (customer-barcode.md dimensions, DeviceGray black rectangles). */
    CustomerBarcodePainter JAPAN_POST = BarcodeDrawer::draw;
}
