package jp.expirynotices.mailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BarcodeGeometryTest {

    private static final Offset<Double> EPS = within(1e-9);
    private static final String BARS_1000013 =
            "FDFFTFTTFTTFTTFTTFFTDFAFFTTFTDFATFTFDATFTFTFFTTDFATDATDATDATDATFFDF";

    @Test
    void eightPointCodeIs63_84MmWide() {
        assertThat(BarcodeGeometry.widthMm(8)).isCloseTo(63.84, EPS);
        assertThat(BarcodeGeometry.heightMm(8)).isCloseTo(2.88, EPS);
        assertThat(BarcodeGeometry.widthMm(10)).isCloseTo(79.8, EPS);
        assertThat(BarcodeGeometry.heightMm(10)).isCloseTo(3.6, EPS);

        List<BarcodeGeometry.Bar> bars = BarcodeGeometry.layout(BARS_1000013, 8);
        BarcodeGeometry.Bar last = bars.getLast();
        assertThat(bars).hasSize(67);
        assertThat(bars.getFirst().x()).isZero();
        assertThat(last.x() + last.width()).isCloseTo(63.84, EPS);
    }

    @Test
    void barKindsAtNominalSize() {
        List<BarcodeGeometry.Bar> bars = BarcodeGeometry.layout("FADT", 10);

        assertBar(bars.get(0), 0.0, 0.0, 0.6, 3.6);   // long: full height
        assertBar(bars.get(1), 1.2, 0.0, 0.6, 2.4);   // upper semi-long: top-aligned
        assertBar(bars.get(2), 2.4, 1.2, 0.6, 2.4);   // lower semi-long: bottom-aligned
        assertBar(bars.get(3), 3.6, 1.2, 0.6, 1.2);   // timing: centred
    }

    @Test
    void scalesLinearly() {
        List<BarcodeGeometry.Bar> bars = BarcodeGeometry.layout("FADT", 8);

        assertBar(bars.get(0), 0.0, 0.0, 0.48, 2.88);
        assertBar(bars.get(1), 0.96, 0.0, 0.48, 1.92);
        assertBar(bars.get(2), 1.92, 0.96, 0.48, 1.92);
        assertBar(bars.get(3), 2.88, 0.96, 0.48, 0.96);
    }

    @Test
    void rejectsSizesOutsideTheAllowedRangeAndUnknownBars() {
        assertThat(BarcodeGeometry.CLEARANCE_MM).isEqualTo(2.0);
        assertThat(BarcodeGeometry.widthMm(11.5)).isCloseTo(91.77, EPS);
        assertThatThrownBy(() -> BarcodeGeometry.widthMm(7.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarcodeGeometry.layout("FD", 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarcodeGeometry.layout("FX", 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBar(BarcodeGeometry.Bar bar, double x, double y, double w, double h) {
        assertThat(bar.x()).as("x").isCloseTo(x, EPS);
        assertThat(bar.y()).as("y").isCloseTo(y, EPS);
        assertThat(bar.width()).as("width").isCloseTo(w, EPS);
        assertThat(bar.height()).as("height").isCloseTo(h, EPS);
    }
}
