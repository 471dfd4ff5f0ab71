package jp.expirynotices.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PrebuiltSubsetFont;

import jp.expirynotices.expiry.Certificate;
import jp.expirynotices.expiry.CertificateKind;
import jp.expirynotices.expiry.CertificateStatus;
import jp.expirynotices.expiry.ExpiryCalculator;
import jp.expirynotices.registry.Resident;

/**
 * The glyphs every letter shares — the fixed text, the configured office texts, digits, dates — made into one font
 * subset per face at start-up and embedded ready-made in each letter ({@link PrebuiltSubsetFont}). Only what is
 * particular to a resident (the name and address characters the shared subset lacks) is subset per letter.
 *
 * <p>Which characters are shared is found by drawing a few probe letters (every letter variant, with placeholder
 * residents) and recording each text drawn, plus digits, Latin letters and the era names of any date. A character
 * missed here is not lost: the renderer draws it from the per-letter subset, so the letters are the same either
 * way, only larger and slower.
 */
final class SharedGlyphs {

    private final Map<BaseFont, BaseFont> subsets;
    private final Map<BaseFont, BitSet> coverage;
    private final BaseFont regular;
    private final BaseFont regularSubset;
    private final String regularName;
    /**
     * The regular font parsed by fontbox, one per thread: its tables are read lazily and not thread-safe. Its hinting
     * is removed once, here, when the font is a single TrueType font (not a collection): the subsets made from it
     * per letter need no stripping of their own.
     */
    private final ThreadLocal<TrueTypeFont> parsed;
    private final boolean parsedUnhinted;

    /** Always shared in the regular face: what the dates, ids and postal codes of any resident can print. */
    private static final String ALWAYS = "0123456789０１２３４５６７８９〒－-_・（）年月日元明治大正昭和平成令和"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Always shared in the bold face: dates in the certificate table. */
    private static final String ALWAYS_BOLD = "0123456789年月日元令和";
    private static final String PLACEHOLDER = "X";
    /**
     * The tables a subset keeps: what a PDF TrueType font program needs (PDF 9.9: glyf, head, hhea, hmtx, loca,
     * maxp; cvt, fpgm and prep only if present) and what OpenPDF reads (cmap, name, OS/2, post). Layout tables
     * (GSUB), vertical metrics and signatures would only make each letter larger; the hinting tables (cvt, fpgm,
     * prep) are of no use without the glyphs' instructions, which {@link TrueTypeHints} removes.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "glyf", "hmtx", "OS/2",
            "cmap", "name", "post");

    private SharedGlyphs(Map<BaseFont, BaseFont> subsets, LetterFonts fonts) {
        this.subsets = subsets;
        // What each subset and the regular face draw, looked up per character of every text of every letter:
        // a bit each, where the fonts' own look-up boxes every code point.
        this.coverage = new IdentityHashMap<>();
        subsets.values().forEach(subset -> coverage.put(subset, basicPlane(subset)));
        coverage.put(fonts.regular(), basicPlane(fonts.regular()));
        this.regular = fonts.regular();
        this.regularSubset = subsets.get(fonts.regular());
        this.regularName = fonts.regular().getPostscriptFontName();
        byte[] regularBytes = fonts.regularBytes();
        this.parsedUnhinted = !collection(regularBytes);
        byte[] source = parsedUnhinted ? TrueTypeHints.strip(regularBytes) : regularBytes;
        this.parsed = ThreadLocal.withInitial(() -> {
            try {
                return parse(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Builds the shared subsets of {@code fonts} for letters with {@code settings}. */
    static SharedGlyphs of(LetterSettings settings, LetterFonts fonts) {
        return new SharedGlyphs(subsets(settings, fonts), fonts);
    }

    /** The code points of the Basic Multilingual Plane that {@code font} draws. */
    private static BitSet basicPlane(BaseFont font) {
        BitSet drawn = new BitSet(0x10000);
        for (int cp = 0; cp < 0x10000; cp++) {
            if (font.charExists(cp)) {
                drawn.set(cp);
            }
        }
        return drawn;
    }

    /**
     * Whether {@code font} (a shared subset or the regular face) draws {@code cp}; as {@code font.charExists(cp)},
     * answered from a bit set for the Basic Multilingual Plane.
     */
    boolean draws(BaseFont font, int cp) {
        BitSet drawn = coverage.get(font);
        return drawn != null && cp < 0x10000 ? drawn.get(cp) : font.charExists(cp);
    }

    /** The shared subset of {@code face}, or null if {@code face} is not one of the letter fonts. */
    BaseFont subsetOf(BaseFont face) {
        return subsets.get(face);
    }

    /**
     * A subset of the regular face with the characters of {@code text} (a resident's name and address) that the
     * shared subset lacks, made for one letter; empty when the shared subset has them all. Characters outside the
     * Basic Multilingual Plane are left out (the subset's cmap cannot map them): the font itself draws them.
     */
    Optional<BaseFont> residentSubset(String text) {
        Set<Integer> own = new TreeSet<>();
        text.codePoints()
                .filter(cp -> cp <= 0xFFFF && !Character.isISOControl(cp))
                .filter(cp -> !draws(regularSubset, cp) && draws(regular, cp))
                .forEach(own::add);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PrebuiltSubsetFont.of(regularName, subset(parsed.get(), own, !parsedUnhinted),
                prefix(own), Deflater.BEST_SPEED));
    }

    /** Six letters that differ between subsets (PDF 9.6.4 asks for a tag per subset). */
    private static String prefix(Set<Integer> codePoints) {
        long h = codePoints.hashCode() & 0xFFFFFFFFL;
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + h % 26));
            h /= 26;
        }
        return tag.toString();
    }

    /** Each face of {@code fonts} mapped to its shared subset (one entry when regular and bold are one font). */
    private static Map<BaseFont, BaseFont> subsets(LetterSettings settings, LetterFonts fonts) {
        Map<BaseFont, Set<Integer>> used = new IdentityHashMap<>();
        used.put(fonts.regular(), new TreeSet<>());
        used.put(fonts.bold(), new TreeSet<>());
        LetterRenderer probe = new LetterRenderer(settings, fonts, CustomerBarcodePainter.JAPAN_POST,
                (text, font) -> text.codePoints().forEach(used.get(font)::add));
        for (NoticeLetter letter : probeLetters()) {
            if (letter.assessment().due()) {
                try {
                    probe.render(letter);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("the configured texts do not fit a letter even with a short "
                            + "name and address; shorten the configured office hours or notes", e);
                }
            }
        }
        Map<BaseFont, BaseFont> subsets = new IdentityHashMap<>();
        for (Map.Entry<BaseFont, Set<Integer>> face : used.entrySet()) {
            Set<Integer> codePoints = face.getValue();
            boolean bold = face.getKey() == fonts.bold() && fonts.bold() != fonts.regular();
            (bold ? ALWAYS_BOLD : ALWAYS).codePoints().forEach(codePoints::add);
            codePoints.removeIf(cp -> !face.getKey().charExists(cp) || Character.isISOControl(cp));
            byte[] bytes = bold ? fonts.boldBytes() : fonts.regularBytes();
            subsets.put(face.getKey(), PrebuiltSubsetFont.shared(face.getKey().getPostscriptFontName(),
                    subset(bytes, codePoints), bold ? "EXNBLD" : "EXNREG"));
        }
        return subsets;
    }

    /** A TrueType font of the glyphs of {@code codePoints} (and the glyphs they are built from), with a cmap. */
    static byte[] subset(byte[] fontFile, Set<Integer> codePoints) {
        return subset(fontFile, codePoints, true);
    }

    /** As {@link #subset(byte[], Set)}; {@code strip} false takes the font's glyphs as they are (tests). */
    static byte[] subset(byte[] fontFile, Set<Integer> codePoints, boolean strip) {
        try (TrueTypeFont font = parse(fontFile)) {
            return subset(font, codePoints, strip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the letter font", e);
        }
    }

    /**
     * The subset of {@code font} with the glyphs of {@code codePoints}, as a TrueType font file, unhinted ({@code
     * strip}: the font still has its hinting).
     */
    private static byte[] subset(TrueTypeFont font, Set<Integer> codePoints, boolean strip) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            subsetter.writeToStream(out);
            // Hinting only fits outlines to a screen's pixels: the letters are printed at 600 dpi, most PDF viewers
            // ignore TrueType bytecode, and it is a quarter of BIZ UD Gothic's glyph data (~25 KB a letter).
            return strip ? TrueTypeHints.strip(out.toByteArray()) : out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a subset of the letter font", e);
        }
    }

    private static boolean collection(byte[] fontFile) {
        return new String(fontFile, 0, 4, StandardCharsets.ISO_8859_1).equals("ttcf");
    }

    private static TrueTypeFont parse(byte[] fontFile) throws IOException {
        if (collection(fontFile)) {
            // as LetterFonts: the collection's first font
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            return first.get();
        }
        return new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
    }

    /**
     * One letter of each variant: both certificates on their own limit; the card's expiry; a minor's card; the
     * signature certificate revoked; capped by the user-authentication certificate; one due, one not yet.
     */
    static List<NoticeLetter> probeLetters() {
        LocalDate r = LocalDate.of(2026, 11, 24);
        return List.of(
                probe(r, LocalDate.of(1980, 2, 14), LocalDate.of(2032, 2, 14),
                        cert(CertificateKind.SIGN, 2022, 3, 1, CertificateStatus.ACTIVE),
                        cert(CertificateKind.AUTH, 2022, 3, 1, CertificateStatus.ACTIVE)),
                probe(r, LocalDate.of(1950, 6, 30), LocalDate.of(2027, 1, 31),
                        cert(CertificateKind.SIGN, 2023, 1, 10, CertificateStatus.ACTIVE),
                        cert(CertificateKind.AUTH, 2023, 1, 10, CertificateStatus.ACTIVE)),
                probe(r, LocalDate.of(2015, 1, 20), LocalDate.of(2029, 1, 20),
                        cert(CertificateKind.AUTH, 2022, 4, 1, CertificateStatus.ACTIVE)),
                probe(r, LocalDate.of(1980, 2, 14), LocalDate.of(2032, 2, 14),
                        cert(CertificateKind.SIGN, 2022, 3, 1, CertificateStatus.REVOKED),
                        cert(CertificateKind.AUTH, 2022, 3, 1, CertificateStatus.ACTIVE)),
                probe(r, LocalDate.of(1980, 1, 10), LocalDate.of(2032, 1, 10),
                        cert(CertificateKind.SIGN, 2024, 5, 1, CertificateStatus.ACTIVE),
                        cert(CertificateKind.AUTH, 2022, 1, 10, CertificateStatus.ACTIVE)),
                probe(r, LocalDate.of(1970, 2, 1), LocalDate.of(2032, 2, 1),
                        cert(CertificateKind.SIGN, 2022, 2, 1, CertificateStatus.ACTIVE),
                        cert(CertificateKind.AUTH, 2024, 6, 1, CertificateStatus.ACTIVE)));
    }

    private static Certificate cert(CertificateKind kind, int year, int month, int day, CertificateStatus status) {
        return new Certificate(kind, LocalDate.of(year, month, day), Optional.empty(), status);
    }

    private static NoticeLetter probe(LocalDate runDate, LocalDate birth, LocalDate cardExpires,
                                      Certificate... certificates) {
        Resident resident = new Resident(2, PLACEHOLDER, PLACEHOLDER, "", birth, "1700013", PLACEHOLDER, "", "",
                cardExpires, List.of(certificates), false);
        return new NoticeLetter(resident, ExpiryCalculator.defaults().assess(birth, cardExpires,
                resident.certificates(), runDate), runDate, Optional.empty());
    }
}
