package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput on one thread with the fonts loaded once: {@code ./mvnw -B -q -o test
 * -Dtest='jp.expirynotices.letter.LetterBenchmarkTest' -Dletter.benchmark=true}. Off by default.
 */
@EnabledIfSystemProperty(named = "letter.benchmark", matches = "true")
class LetterBenchmarkTest {

    @Test
    void twoHundredLetters() {
        long t0 = System.nanoTime();
        LetterFonts fonts = LetterFonts.load(FontSettings.search());
        long fontsMs = (System.nanoTime() - t0) / 1_000_000;
        LetterRenderer renderer = new LetterRenderer(LetterSettings.defaults(), fonts);
        List<NoticeLetter> letters = LetterFixtures.all();
        for (int i = 0; i < 30; i++) {
            renderer.render(letters.get(i % letters.size()));
        }
        int n = 200;
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            RenderedLetter rendered = renderer.render(letters.get(i % letters.size()));
            bytes += rendered.pdf().length;
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("letter benchmark: fonts loaded in %d ms; %d letters, %.1f ms/letter, %d bytes/letter%n",
                fontsMs, n, ms, bytes / n);
        assertThat(ms).isLessThan(2000);
    }
}
