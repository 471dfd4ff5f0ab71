package jp.expirynotices.mailing;

import org.openpdf.text.pdf.PdfContentByte;

/** Draws a customer barcode as filled vector rectangles (bitmaps blur at print resolution and fail sorting). */
public final class BarcodeDrawer {

    private static final double POINTS_PER_MM = 72.0 / 25.4;

    private BarcodeDrawer() {
    }

    /**
     * Draws {@code bars} with its top-left corner at ({@code xPt}, {@code yTopPt}) in PDF user space (points,
     * origin bottom-left). The caller keeps {@link BarcodeGeometry#CLEARANCE_MM} free around it.
     */
    public static void draw(PdfContentByte cb, String bars, float xPt, float yTopPt, double pointSize) {
        var layout = BarcodeGeometry.layout(bars, pointSize);
        cb.saveState();
        // DeviceGray black: pure K on press, and allowed in PDF/A-1b under any output intent (DeviceRGB is not).
        cb.setGrayFill(0f);
        for (BarcodeGeometry.Bar bar : layout) {
            // PDF y grows upwards, so the rectangle's lower-left corner is below the top edge by y + height.
            float x = (float) (xPt + bar.x() * POINTS_PER_MM);
            float y = (float) (yTopPt - (bar.y() + bar.height()) * POINTS_PER_MM);
            cb.rectangle(x, y, (float) (bar.width() * POINTS_PER_MM), (float) (bar.height() * POINTS_PER_MM));
        }
        cb.fill();
        cb.restoreState();
    }
}
