package jp.expirynotices.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.opencsv.RFC4180Parser;

/** The shortcut gives, line for line, what OpenCSV's RFC 4180 parser gives, quoted fields over lines included. */
class QuoteFreeLineParserTest {

    @Test
    void agreesWithOpenCsvOnEveryLineOfARandomFile() throws Exception {
        QuoteFreeLineParser fast = new QuoteFreeLineParser();
        RFC4180Parser reference = new RFC4180Parser();
        SplittableRandom random = new SplittableRandom(20261125);
        String alphabet = ",,,,aZ9 -あ山\"\t";
        int quoted = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder line = new StringBuilder();
            // Most lines without a quote, as in a registry; some with, so that fields run over several lines.
            boolean quotes = random.nextInt(10) == 0;
            for (int k = random.nextInt(60); k > 0; k--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                line.append(c == '"' && !quotes ? 'q' : c);
            }
            String text = line.toString();
            quoted += text.indexOf('"') >= 0 ? 1 : 0;
            assertThat(fast.parseLineMulti(text)).as("line %d: %s", n, text)
                    .containsExactly(reference.parseLineMulti(text));
            assertThat(fast.isPending()).as("line %d", n).isEqualTo(reference.isPending());
        }
        assertThat(quoted).as("lines with a quote").isGreaterThan(1000);
        for (String text : new String[] {"", ",", "a", "a,", ",a", "a,,b", "R1,山田 太郎,,1980-01-01", " , "}) {
            assertThat(new QuoteFreeLineParser().parseLine(text)).as(text)
                    .containsExactly(new RFC4180Parser().parseLine(text));
        }
    }

    @Test
    void aLineWiderThanTheLastStillKeepsEveryField() throws Exception {
        QuoteFreeLineParser parser = new QuoteFreeLineParser();
        assertThat(parser.parseLine("a,b")).containsExactly("a", "b");
        String wide = "x,".repeat(40) + "y";
        assertThat(parser.parseLine(wide)).hasSize(41).endsWith("y");
        assertThat(parser.parseLine("c")).containsExactly("c");
    }
}
