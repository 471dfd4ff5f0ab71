package jp.expirynotices.letter;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the letter fonts are ({@code notices.letter.font.*}). An empty path means "search the standard font
 * folders" (see {@link LetterFonts#load(FontSettings)}).
 *
 * @param regular TrueType (glyf) file for body text; {@code .ttf}, or {@code .ttc} (index 0)
 * @param bold    TrueType file for headings; when empty and {@code regular} is configured, the regular face is used
 */
public record FontSettings(Optional<Path> regular, Optional<Path> bold) {

    /** Setting names, as they appear in messages. */
    public static final String REGULAR_KEY = "notices.letter.font.regular";
    public static final String BOLD_KEY = "notices.letter.font.bold";

    public FontSettings {
        regular = Objects.requireNonNullElse(regular, Optional.<Path>empty()).filter(FontSettings::notBlank);
        bold = Objects.requireNonNullElse(bold, Optional.<Path>empty()).filter(FontSettings::notBlank);
    }

    /**
     * The binding constructor ({@code notices.letter.font.regular} / {@code .bold} as text; empty or blank = not
     * configured): Spring Boot's binder does not convert text to {@code Optional<Path>}.
     */
    @ConstructorBinding
    public FontSettings(String regular, String bold) {
        this(path(regular), path(bold));
    }

    private static Optional<Path> path(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    /** Nothing configured: search the standard folders. */
    public static FontSettings search() {
        return new FontSettings(Optional.empty(), Optional.empty());
    }

    private static boolean notBlank(Path p) {
        return !p.toString().isBlank();
    }
}
