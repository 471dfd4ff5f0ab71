package jp.expirynotices.mailing;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each bar of a customer barcode goes, in millimetres from the barcode's top-left corner (y grows
 * downwards). Japan Post gives the dimensions at 10 pt and lets the code scale linearly from 8 to 11.5 pt.
 */
public final class BarcodeGeometry {

    public static final double NOMINAL_POINT_SIZE = 10.0;
    public static final double MIN_POINT_SIZE = 8.0;
    public static final double MAX_POINT_SIZE = 11.5;
    /** The size we print: 63.84 mm wide, so it fits a 90 mm window with play. */
    public static final double DEFAULT_POINT_SIZE = 8.0;
    /** Blank margin the barcode needs on every side for the sorting machine. */
    public static final double CLEARANCE_MM = 2.0;

    // 10 pt nominal dimensions (mm).
    static final double LONG_MM = 3.6;
    static final double SEMI_LONG_MM = 2.4;
    static final double TIMING_MM = 1.2;
    static final double BAR_WIDTH_MM = 0.6;
    static final double PITCH_MM = 1.2;

    /** One filled rectangle, millimetres, relative to the barcode's top-left corner. */
    public record Bar(double x, double y, double width, double height) {
    }

    private BarcodeGeometry() {
    }

    /** One rectangle per bar of {@code bars} (letters F, A, D, T), left to right. */
    public static List<Bar> layout(String bars, double pointSize) {
        double scale = scale(pointSize);
        double longBar = LONG_MM * scale;
        double semiLong = SEMI_LONG_MM * scale;
        double timing = TIMING_MM * scale;
        double width = BAR_WIDTH_MM * scale;
        double pitch = PITCH_MM * scale;
        List<Bar> out = new ArrayList<>(bars.length());
        for (int i = 0; i < bars.length(); i++) {
            double x = i * pitch;
            out.add(switch (bars.charAt(i)) {
                case 'F' -> new Bar(x, 0, width, longBar);
                case 'A' -> new Bar(x, 0, width, semiLong);
                case 'D' -> new Bar(x, longBar - semiLong, width, semiLong);
                case 'T' -> new Bar(x, (longBar - timing) / 2, width, timing);
                default -> throw new IllegalArgumentException("not a bar: " + bars.charAt(i));
            });
        }
        return out;
    }

    /** Width of a full 67-bar code: 66 pitches plus the last bar. */
    public static double widthMm(double pointSize) {
        double scale = scale(pointSize);
        return (CustomerBarcode.BAR_COUNT - 1) * PITCH_MM * scale + BAR_WIDTH_MM * scale;
    }

    /** Height of the code: a long bar. */
    public static double heightMm(double pointSize) {
        return LONG_MM * scale(pointSize);
    }

    private static double scale(double pointSize) {
        if (!(pointSize >= MIN_POINT_SIZE && pointSize <= MAX_POINT_SIZE)) {
            throw new IllegalArgumentException("customer barcode size must be 8–11.5 pt: " + pointSize);
        }
        return pointSize / NOMINAL_POINT_SIZE;
    }
}
