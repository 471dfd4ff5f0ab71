package jp.expirynotices.mailing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDPage;

import jp.expirynotices.letter.ContentTokens;

/**
 * Reads a customer barcode back from the rectangles drawn on a page: the inverse of {@link BarcodeDrawer}, used by
 * the self-verification to prove that the bars printed are the bars the encoder made.
 */
public final class BarcodeReader {

    private static final double POINTS_PER_MM = 72.0 / 25.4;
    private static final double TOLERANCE_MM = 0.05;
    private static final String KINDS = "FADT";

    /** A filled rectangle in PDF user space (points, origin bottom-left). */
    public record Rect(double x, double y, double width, double height) {
    }

    private BarcodeReader() {
    }

    /** The barcode drawn on {@code page}, if any. */
    public static Optional<String> read(PDPage page, double pointSize) throws IOException {
        return read(rectangles(page), pointSize);
    }

    /** Every {@code re} rectangle of the page's content stream (the drawer paints bars without transforms). */
    public static List<Rect> rectangles(PDPage page) throws IOException {
        try (var content = page.getContents()) {
            return rectangles(ContentTokens.parse(content.readAllBytes()));
        }
    }

    /** Every {@code re} rectangle among a content stream's {@link ContentTokens}. */
    public static List<Rect> rectangles(List<Object> tokens) {
        List<Rect> rects = new ArrayList<>();
        for (int i = 4; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof ContentTokens.Operator(String operator) && operator.equals("re")
                    && tokens.get(i - 4) instanceof Double x && tokens.get(i - 3) instanceof Double y
                    && tokens.get(i - 2) instanceof Double w && tokens.get(i - 1) instanceof Double h) {
                rects.add(new Rect(x, y, w, h));
            }
        }
        return rects;
    }

    /**
     * The bars (F/A/D/T, left to right) of the rectangles that have the bar width of a {@code pointSize} barcode;
     * empty when there is none, or when they do not read as exactly one barcode.
     */
    public static Optional<String> read(List<Rect> rectangles, double pointSize) {
        List<BarcodeGeometry.Bar> shapes = BarcodeGeometry.layout(KINDS, pointSize);
        double widthPt = shapes.get(0).width() * POINTS_PER_MM;
        List<Rect> bars = rectangles.stream()
                .filter(r -> Math.abs(r.width() - widthPt) < TOLERANCE_MM * POINTS_PER_MM)
                .sorted(Comparator.comparingDouble(Rect::x))
                .toList();
        if (bars.size() != CustomerBarcode.BAR_COUNT) {
            return Optional.empty();
        }
        double top = bars.stream().mapToDouble(r -> r.y() + r.height()).max().orElseThrow();
        StringBuilder out = new StringBuilder(bars.size());
        for (Rect r : bars) {
            double fromTopMm = (top - r.y() - r.height()) / POINTS_PER_MM;
            double heightMm = r.height() / POINTS_PER_MM;
            char kind = 0;
            for (int i = 0; i < KINDS.length(); i++) {
                BarcodeGeometry.Bar shape = shapes.get(i);
                if (Math.abs(shape.y() - fromTopMm) < TOLERANCE_MM
                        && Math.abs(shape.height() - heightMm) < TOLERANCE_MM) {
                    kind = KINDS.charAt(i);
                }
            }
            if (kind == 0) {
                return Optional.empty();
            }
            out.append(kind);
        }
        return Optional.of(out.toString());
    }
}
