package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterFontsTest {

    static final Path BIZ_REGULAR = Path.of("/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf");
    static final Path BIZ_BOLD = Path.of("/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf");

    static LetterFonts fonts;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isRegularFile(BIZ_REGULAR), "BIZ UD Gothic (fonts-morisawa-bizud-gothic) is installed");
        fonts = LetterFonts.load(FontSettings.search());
    }

    @Test
    void findsBizUdGothicInTheStandardFolders() {
        assertThat(fonts.regular().getPostscriptFontName()).isEqualTo("BIZUDGothic-Regular");
        assertThat(fonts.bold().getPostscriptFontName()).isEqualTo("BIZUDGothic-Bold");
        assertThat(fonts.regularFile().getFileName().toString()).isEqualTo("BIZUDGothic-Regular.ttf");
    }

    @Test
    void configuredPathThatDoesNotExist() {
        FontSettings settings = new FontSettings(Optional.of(Path.of("/nonexistent/fonts/Mincho.ttf")), Optional.empty());
        assertThatThrownBy(() -> LetterFonts.load(settings))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("notices.letter.font.regular")
                .hasMessageContaining("/nonexistent/fonts/Mincho.ttf")
                .hasMessageContaining("fonts-morisawa-bizud-gothic");
    }

    @Test
    void configuredBoldThatDoesNotExist() {
        FontSettings settings = new FontSettings(Optional.of(BIZ_REGULAR), Optional.of(Path.of("/nonexistent/b.ttf")));
        assertThatThrownBy(() -> LetterFonts.load(settings))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("notices.letter.font.bold");
    }

    @Test
    void nothingFound(@TempDir Path empty) {
        assertThatThrownBy(() -> LetterFonts.load(FontSettings.search(), List.of(empty)))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("notices.letter.font.regular")
                .hasMessageContaining("fonts-morisawa-bizud-gothic");
    }

    @Test
    void configuredRegularWithoutBoldUsesRegularForBoth() {
        LetterFonts loaded = LetterFonts.load(new FontSettings(Optional.of(BIZ_REGULAR), Optional.empty()));
        assertThat(loaded.bold()).isSameAs(loaded.regular());
    }

    @Test
    void cffFontIsRejected(@TempDir Path dir) throws Exception {
        // An OpenType font with PostScript outlines: 'OTTO' and a 'CFF ' table instead of 'glyf'.
        ByteBuffer otf = ByteBuffer.allocate(12 + 16 * 2);
        otf.put("OTTO".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 2).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        otf.put("CFF ".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(44).putInt(0);
        otf.put("cmap".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(44).putInt(0);
        Path file = Files.write(dir.resolve("SourceHanSans-Regular.otf"), otf.array());
        assertThatThrownBy(() -> LetterFonts.load(new FontSettings(Optional.of(file), Optional.empty())))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("CFF")
                .hasMessageContaining("notices.letter.font.regular");
    }

    @Test
    void cffInACollectionIsRejected(@TempDir Path dir) throws Exception {
        ByteBuffer ttc = ByteBuffer.allocate(16 + 12 + 16);
        ttc.put("ttcf".getBytes(StandardCharsets.ISO_8859_1)).putInt(0x00010000).putInt(1).putInt(16);
        ttc.put("OTTO".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        ttc.put("CFF ".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(44).putInt(0);
        Path file = Files.write(dir.resolve("msgothic-cff.ttc"), ttc.array());
        assertThatThrownBy(() -> LetterFonts.load(new FontSettings(Optional.of(file), Optional.empty())))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("CFF");
    }

    @Test
    void notAFont(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("readme.ttf"), "not a font at all");
        assertThatThrownBy(() -> LetterFonts.load(new FontSettings(Optional.of(file), Optional.empty())))
                .isInstanceOf(FontUnavailableException.class)
                .hasMessageContaining("readme.ttf");
    }

    /** Windows ships BIZ UD Gothic as collections (BIZ-UDGothicR.ttc / B.ttc); index 0 is the font to use. */
    @Test
    void windowsCollectionsAreFoundAndLoaded(@TempDir Path windowsFonts) throws Exception {
        Files.write(windowsFonts.resolve("BIZ-UDGothicR.ttc"), asCollection(Files.readAllBytes(BIZ_REGULAR)));
        Files.write(windowsFonts.resolve("BIZ-UDGothicB.ttc"), asCollection(Files.readAllBytes(BIZ_BOLD)));
        LetterFonts loaded = LetterFonts.load(FontSettings.search(), List.of(windowsFonts));
        assertThat(loaded.regular().getPostscriptFontName()).isEqualTo("BIZUDGothic-Regular");
        assertThat(loaded.bold().getPostscriptFontName()).isEqualTo("BIZUDGothic-Bold");
        assertThat(loaded.missingCodePoints("山田太郎様")).isEmpty();
    }

    /** Without BIZ UD Gothic, IPAex Gothic is used, its one face serving as bold too. */
    @Test
    void ipaexGothicFallback(@TempDir Path fontsDir) throws Exception {
        Path sub = Files.createDirectories(fontsDir.resolve("opentype/ipaexfont-gothic"));
        Files.copy(BIZ_REGULAR, sub.resolve("ipaexg.ttf")); // stands in for the real file
        LetterFonts loaded = LetterFonts.load(FontSettings.search(), List.of(fontsDir));
        assertThat(loaded.regularFile().getFileName().toString()).isEqualTo("ipaexg.ttf");
        assertThat(loaded.bold()).isSameAs(loaded.regular());
    }

    @Test
    void fontsAreEmbeddableIdentityH() {
        assertThat(fonts.regular().getEncoding()).isEqualTo("Identity-H");
        assertThat(fonts.regular().isEmbedded()).isTrue();
        assertThat(fonts.regular().isSubset()).isTrue();
    }

    @Test
    void missingCodePoints() {
        assertThat(fonts.missingCodePoints("山田 太郎　様 〒170-0013 髙橋 﨑")).isEmpty();
        // A private-use character is surely not in the font.
        assertThat(fonts.missingCodePoints("山田\uE000太郎")).containsExactly(0xE000);
        // Line feeds and tabs are never drawn and never reported.
        assertThat(fonts.missingCodePoints("山田\n太郎\t")).isEmpty();
    }

    @Test
    void supplementaryCharactersAreOneCodePoint() {
        // U+2000B 𠀋 is in BIZ UD Gothic (JIS X 0213); U+20BB7 𠮷 (tsuchi-yoshi) is not.
        assertThat(fonts.regular().charExists(0x2000B)).isTrue();
        assertThat(fonts.missingCodePoints("\uD840\uDC0B")).isEmpty();
        String yoshida = new StringBuilder().appendCodePoint(0x20BB7).append("田").toString();
        assertThat(fonts.missingCodePoints(yoshida)).containsExactly(0x20BB7);
        assertThat(fonts.missingCodePoints(yoshida + "\uE000")).containsExactly(0xE000, 0x20BB7);
    }

    /** A TrueType font wrapped as a one-font collection: ttcf header, then the font with table offsets moved. */
    static byte[] asCollection(byte[] ttf) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int tables = in.getShort(4) & 0xffff;
        ByteBuffer out = ByteBuffer.allocate(ttf.length + 16);
        out.put("ttcf".getBytes(StandardCharsets.ISO_8859_1)).putInt(0x00010000).putInt(1).putInt(16).put(ttf);
        for (int i = 0; i < tables; i++) {
            int offsetField = 16 + 12 + 16 * i + 8;
            out.putInt(offsetField, out.getInt(offsetField) + 16);
        }
        return out.array();
    }
}
