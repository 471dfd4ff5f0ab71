package jp.expirynotices.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.openpdf.text.pdf.BaseFont;

/**
 * The Japanese fonts of the letters: loaded once per run from bytes in memory and shared by every document.
 *
 * <p>Both faces are TrueType (glyf) fonts embedded as Identity-H CID fonts, subset per document, with a ToUnicode
 * map so the text stays searchable. CFF-based fonts (OpenType with PostScript outlines) are rejected: OpenPDF cannot
 * subset them as CID fonts and PDF/A validators reject what it would write.
 *
 * <p>Search order when a path is not configured: BIZ UD Gothic ({@code BIZUDGothic-Regular.ttf} /
 * {@code -Bold.ttf}, or Windows' {@code BIZ-UDGothicR.ttc} / {@code BIZ-UDGothicB.ttc}), then IPAex Gothic
 * ({@code ipaexg.ttf}, whose regular face also serves as bold), in the standard font folders of Linux, Windows and
 * macOS.
 *
 * <p>Instances are immutable and can be shared across threads: OpenPDF keeps per-document state (the used glyphs)
 * in the writer, not in the {@link BaseFont}.
 */
public final class LetterFonts {

    /** The Debian/Ubuntu package of BIZ UD Gothic, named in error messages. */
    public static final String DEBIAN_PACKAGE = "fonts-morisawa-bizud-gothic";

    private static final int MAX_DEPTH = 6;

    private record Family(String name, List<String> regularFiles, List<String> boldFiles) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("BIZ UD Gothic", List.of("BIZUDGothic-Regular.ttf", "BIZ-UDGothicR.ttc"),
                    List.of("BIZUDGothic-Bold.ttf", "BIZ-UDGothicB.ttc")),
            new Family("IPAex Gothic", List.of("ipaexg.ttf"), List.of()));

    /** A face and the file bytes it was parsed from (OpenPDF keeps the same array). */
    private record Face(BaseFont font, byte[] bytes) {
    }

    private final BaseFont regular;
    private final BaseFont bold;
    private final byte[] regularBytes;
    private final byte[] boldBytes;
    private final Path regularFile;
    private final Path boldFile;

    private LetterFonts(Face regular, Face bold, Path regularFile, Path boldFile) {
        this.regular = regular.font();
        this.bold = bold.font();
        this.regularBytes = regular.bytes();
        this.boldBytes = bold.bytes();
        this.regularFile = regularFile;
        this.boldFile = boldFile;
    }

    /** Loads the fonts: configured paths first, else the standard font folders. */
    public static LetterFonts load(FontSettings settings) {
        return load(settings, standardFolders());
    }

    /** As {@link #load(FontSettings)}, searching {@code folders} (in order) for what is not configured. */
    static LetterFonts load(FontSettings settings, List<Path> folders) {
        Objects.requireNonNull(settings, "settings");
        Path regularPath;
        Path boldPath;
        if (settings.regular().isPresent()) {
            regularPath = configured(settings.regular().get(), FontSettings.REGULAR_KEY);
            boldPath = settings.bold().map(p -> configured(p, FontSettings.BOLD_KEY)).orElse(regularPath);
        } else {
            Map<String, Path> index = index(folders);
            Optional<Path[]> found = FAMILIES.stream()
                    .map(f -> find(f, index))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (found.isEmpty()) {
                throw new FontUnavailableException("No Japanese TrueType font found. Install BIZ UD Gothic (Debian/Ubuntu: "
                        + "apt-get install " + DEBIAN_PACKAGE + "; Windows 10+ ships it) or IPAex Gothic, or set "
                        + FontSettings.REGULAR_KEY + " (and " + FontSettings.BOLD_KEY + ") to a .ttf/.ttc file. "
                        + "Searched: " + folders);
            }
            regularPath = found.get()[0];
            boldPath = settings.bold().map(p -> configured(p, FontSettings.BOLD_KEY)).orElse(found.get()[1]);
        }
        Face regular = read(regularPath, FontSettings.REGULAR_KEY);
        Face bold = boldPath.equals(regularPath) ? regular : read(boldPath, FontSettings.BOLD_KEY);
        return new LetterFonts(regular, bold, regularPath, boldPath);
    }

    public BaseFont regular() {
        return regular;
    }

    public BaseFont bold() {
        return bold;
    }

    /** The font file of the regular face, as read (shared, not copied: do not modify). */
    byte[] regularBytes() {
        return regularBytes;
    }

    /** The font file of the bold face, as read (shared, not copied: do not modify). */
    byte[] boldBytes() {
        return boldBytes;
    }

    /** The file the regular face was read from (for the run log). */
    public Path regularFile() {
        return regularFile;
    }

    /** The file the bold face was read from; the regular file when there is no separate bold face. */
    public Path boldFile() {
        return boldFile;
    }

    /**
     * The code points of {@code text} that either face cannot draw (外字 check), in ascending order. Surrogate
     * pairs count as one code point (𠮷 is U+20BB7); control characters (line feeds, tabs) are never drawn and are
     * not reported.
     */
    public Set<Integer> missingCodePoints(String text) {
        // A loop, not a stream: the select step asks this for every due resident's name and address.
        Set<Integer> missing = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isISOControl(cp) && (!regular.charExists(cp) || !bold.charExists(cp))) {
                if (missing == null) {
                    missing = new TreeSet<>();
                }
                missing.add(cp);
            }
        }
        return missing == null ? Set.of() : Collections.unmodifiableSet(missing);
    }

    @Override
    public String toString() {
        return "LetterFonts[" + regular.getPostscriptFontName() + ", " + bold.getPostscriptFontName() + "]";
    }

    // --- locating -----------------------------------------------------------------------------------------------

    /** The standard font folders of Linux, Windows and macOS that exist on this machine. */
    static List<Path> standardFolders() {
        String home = System.getProperty("user.home", "");
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts")));
        if (!home.isEmpty()) {
            candidates.add(Path.of(home, ".fonts"));
            candidates.add(Path.of(home, ".local", "share", "fonts"));
        }
        String windir = Objects.requireNonNullElse(System.getenv("WINDIR"), "C:\\Windows");
        candidates.add(Path.of(windir, "Fonts"));
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null) {
            candidates.add(Path.of(localAppData, "Microsoft", "Windows", "Fonts"));
        }
        candidates.add(Path.of("/Library/Fonts"));
        if (!home.isEmpty()) {
            candidates.add(Path.of(home, "Library", "Fonts"));
        }
        return candidates.stream().filter(Files::isDirectory).distinct().toList();
    }

    /** Lower-cased file name → first path with that name, folders in the given order, each walked in sorted order. */
    private static Map<String, Path> index(List<Path> folders) {
        Map<String, Path> index = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(Files::isRegularFile)
                        .sorted()
                        .forEach(p -> index.putIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), p));
            } catch (IOException | UncheckedIOException | SecurityException e) {
                // An unreadable folder (or a symlink loop) is skipped: other folders may still have the font.
            }
        }
        return index;
    }

    private static Optional<Path[]> find(Family family, Map<String, Path> index) {
        Optional<Path> regular = first(family.regularFiles(), index);
        if (regular.isEmpty()) {
            return Optional.empty();
        }
        Path bold = first(family.boldFiles(), index).orElse(regular.get());
        return Optional.of(new Path[] {regular.get(), bold});
    }

    private static Optional<Path> first(List<String> names, Map<String, Path> index) {
        return names.stream()
                .map(n -> index.get(n.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static Path configured(Path path, String key) {
        if (!Files.isRegularFile(path)) {
            throw new FontUnavailableException("Font file " + path + " set in " + key + " does not exist or is not a "
                    + "file. Fix " + key + ", or leave it empty to use an installed BIZ UD Gothic (Debian/Ubuntu: "
                    + "apt-get install " + DEBIAN_PACKAGE + ").");
        }
        return path;
    }

    // --- loading ------------------------------------------------------------------------------------------------

    private static Face read(Path path, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new FontUnavailableException("Cannot read font file " + path + " (" + key + "): " + e.getMessage(), e);
        }
        boolean collection = checkTrueType(bytes, path, key);
        String fileName = path.getFileName().toString();
        // OpenPDF picks the parser from the name: a collection needs ".ttc,<index>", a font ".ttf".
        String name = collection ? baseName(fileName) + ".ttc,0" : baseName(fileName) + ".ttf";
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.NOT_CACHED,
                    bytes, null);
            font.setSubset(true);
            return new Face(font, bytes);
        } catch (IOException | RuntimeException e) {
            throw new FontUnavailableException("Cannot load font file " + path + " (" + key + "): " + e.getMessage()
                    + ". Use a TrueType font such as BIZ UD Gothic (" + DEBIAN_PACKAGE + ").", e);
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Checks that {@code bytes} is a TrueType font (or a collection whose first font is one) with {@code glyf}
     * outlines. Returns whether it is a collection.
     */
    static boolean checkTrueType(byte[] bytes, Path path, String key) {
        String tag = tag(bytes, 0);
        boolean collection = "ttcf".equals(tag);
        int offset = 0;
        if (collection) {
            if (bytes.length < 16 || u32(bytes, 8) < 1) {
                throw notTrueType(path, key, "empty or truncated font collection");
            }
            offset = (int) u32(bytes, 12);
            tag = tag(bytes, offset);
        }
        if ("OTTO".equals(tag)) {
            throw cff(path, key);
        }
        if (!"\0\1\0\0".equals(tag) && !"true".equals(tag)) {
            throw notTrueType(path, key, "not a TrueType/OpenType font file");
        }
        if (offset + 12 > bytes.length) {
            throw notTrueType(path, key, "truncated table directory");
        }
        int tables = u16(bytes, offset + 4);
        boolean glyf = false;
        boolean cff = false;
        for (int i = 0; i < tables; i++) {
            int record = offset + 12 + 16 * i;
            if (record + 16 > bytes.length) {
                throw notTrueType(path, key, "truncated table directory");
            }
            String table = tag(bytes, record);
            glyf |= "glyf".equals(table);
            cff |= "CFF ".equals(table) || "CFF2".equals(table);
        }
        if (!glyf && cff) {
            throw cff(path, key);
        }
        if (!glyf) {
            throw notTrueType(path, key, "no glyf table");
        }
        return collection;
    }

    private static FontUnavailableException cff(Path path, String key) {
        return new FontUnavailableException("Font file " + path + " (" + key + ") is CFF-based (OpenType with "
                + "PostScript outlines: a 'CFF ' table instead of 'glyf'), which cannot be embedded in the letters. "
                + "Use a TrueType font such as BIZ UD Gothic (" + DEBIAN_PACKAGE + ") or IPAex Gothic.");
    }

    private static FontUnavailableException notTrueType(Path path, String key, String why) {
        return new FontUnavailableException("Font file " + path + " (" + key + ") is not usable: " + why
                + ". Use a TrueType font such as BIZ UD Gothic (" + DEBIAN_PACKAGE + ").");
    }

    private static String tag(byte[] b, int at) {
        if (at < 0 || at + 4 > b.length) {
            return "";
        }
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        if (at + 4 > b.length) {
            return 0;
        }
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }
}
