package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Writes the fixture letters to {@code target/letter-sample*.pdf} for a look (test-support/render-letter.sh). */
class LetterSampleTest {

    @Test
    void writesSamples() throws Exception {
        LetterRenderer renderer = LetterRenderer.defaults();
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.write(dir.resolve("letter-sample.pdf"), renderer.render(LetterFixtures.standard()).pdf());
        int i = 0;
        for (NoticeLetter letter : LetterFixtures.all()) {
            RenderedLetter rendered = renderer.render(letter);
            assertThat(rendered.pages()).isEqualTo(2);
            Files.write(dir.resolve("letter-sample-" + (++i) + ".pdf"), rendered.pdf());
        }
    }
}
