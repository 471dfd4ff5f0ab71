package jp.expirynotices.job;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import jp.expirynotices.letter.LetterFonts;
import jp.expirynotices.letter.LetterRenderer;
import jp.expirynotices.letter.LetterSettings;
import jp.expirynotices.report.RunSummary;
import jp.expirynotices.report.SummaryPdfWriter;

/**
 * The run's PDF machinery, built on first use: the fonts are parsed once per run and shared by every letter and
 * the summary. The runner touches it before launching, so a missing font stops the run with exit code 2.
 */
@Component
public class LetterRendering {

    private final LetterSettings settings;
    private volatile LetterFonts fonts;
    private volatile LetterRenderer renderer;
    private final PrefixDigest digest = new PrefixDigest();

    public LetterRendering(LetterSettings settings) {
        this.settings = settings;
    }

    public synchronized LetterFonts fonts() {
        if (fonts == null) {
            fonts = LetterFonts.load(settings.font());
        }
        return fonts;
    }

    public synchronized LetterRenderer renderer() {
        if (renderer == null) {
            renderer = new LetterRenderer(settings, fonts());
        }
        return renderer;
    }

    /** SHA-256 of the run's letter files, shared by the render and self-check workers (it learns their start). */
    public PrefixDigest digest() {
        return digest;
    }

    public LetterSettings settings() {
        return settings;
    }

    public void writeSummaryPdf(RunSummary summary, Path target) {
        new SummaryPdfWriter(fonts().regular(), fonts().bold()).write(summary, target);
    }
}
