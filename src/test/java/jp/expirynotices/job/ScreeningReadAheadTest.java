package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jp.expirynotices.expiry.NotDueReason;
import jp.expirynotices.registry.RegistryInputException;

/** Rows read ahead on their own thread come out as reading them on the step's thread would give them. */
class ScreeningReadAheadTest {

    private static final NotDueReason[] REASONS = NotDueReason.values();

    /** Row {@code n} of a file: a not-due screening whose reason and flag encode n, so order can be checked. */
    private static Screening row(int n) {
        return new Screening.NotDue(REASONS[n % REASONS.length], n % 7 == 0);
    }

    private static SelectionWriter.Source file(long blankLines) {
        return new SelectionWriter.Source() {
            @Override
            public Path input() {
                return Path.of("registry.csv");
            }

            @Override
            public boolean exhausted() {
                throw new AssertionError("the read-ahead answers this itself");
            }

            @Override
            public long blankLines() {
                return blankLines;
            }
        };
    }

    /** A file of {@code count} rows, each read as its number; screened by {@link #row}. */
    private static Supplier<Integer> rows(int count, AtomicInteger read) {
        return () -> read.get() < count ? read.getAndIncrement() : null;
    }

    @Test
    void everyRowInFileOrderThenTheEnd() {
        for (int count : new int[] {0, 1, 4, 5, 8, 1000}) {
            AtomicInteger read = new AtomicInteger();
            try (var ahead = new ScreeningReadAhead<>(file(3), rows(count, read), ScreeningReadAheadTest::row, 4, 2)) {
                ahead.start();
                List<Screening> got = new ArrayList<>();
                for (List<Screening> batch; !(batch = ahead.next()).isEmpty(); ) {
                    assertThat(ahead.exhausted()).isFalse();
                    assertThat(batch).hasSizeLessThanOrEqualTo(4);
                    got.addAll(batch);
                }
                // The end: one empty batch (the chunk holding it is the last), then nothing.
                assertThat(ahead.exhausted()).isTrue();
                assertThat(ahead.next()).isNull();
                List<Screening> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add(row(i));
                }
                assertThat(got).as("%d rows", count).containsExactlyElementsOf(expected);
                assertThat(ahead.blankLines()).isEqualTo(3);
                assertThat(ahead.input()).isEqualTo(Path.of("registry.csv"));
            }
        }
    }

    @Test
    void aFailureOfTheReaderComesAfterTheRowsBeforeIt() {
        AtomicInteger read = new AtomicInteger();
        Supplier<Integer> failingAt10 = () -> {
            if (read.get() == 10) {
                throw new RegistryInputException("registry.csv: line 12: not UTF-8");
            }
            return read.getAndIncrement();
        };
        try (var ahead = new ScreeningReadAhead<>(file(0), failingAt10, ScreeningReadAheadTest::row, 3, 2)) {
            ahead.start();
            List<Screening> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.addAll(ahead.next());
            }
            assertThat(got).containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(
                    ScreeningReadAheadTest::row).toList());
            assertThatThrownBy(ahead::next).isInstanceOf(RegistryInputException.class)
                    .hasMessage("registry.csv: line 12: not UTF-8");
            assertThat(ahead.exhausted()).isTrue();
        }
    }

    @Test
    void aFailureWhileScreeningComesAfterTheRowsBeforeIt() {
        AtomicInteger read = new AtomicInteger();
        try (var ahead = new ScreeningReadAhead<>(file(0), rows(100, read), n -> {
            if (n == 6) {
                throw new IllegalStateException("row 6");
            }
            return row(n);
        }, 4, 2)) {
            ahead.start();
            assertThat(ahead.next()).containsExactly(row(0), row(1), row(2), row(3));
            assertThat(ahead.next()).containsExactly(row(4), row(5));
            assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class).hasMessage("row 6");
            assertThat(ahead.exhausted()).isTrue();
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void closingAStepThatStoppedEarlyStopsBothThreads() throws Exception {
        AtomicInteger read = new AtomicInteger();
        var ahead = new ScreeningReadAhead<>(file(0), rows(Integer.MAX_VALUE, read), ScreeningReadAheadTest::row,
                4, 2);
        ahead.start();
        assertThat(ahead.next()).containsExactly(row(0), row(1), row(2), row(3));
        // The stages are a bounded distance ahead, not at the end: the batch taken, two screened, one being
        // screened, two read, one being read.
        Thread.sleep(100);
        assertThat(read.get()).isLessThanOrEqualTo(4 * (1 + 2 + 1 + 2 + 1));
        ahead.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("select-"));
    }
}
