package jp.expirynotices.report;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/** What a test needs to know about a PDF: text, page count and size, and what page 1 draws (forms included). */
record PdfInspection(int pages, float widthPt, float heightPt, String text, Page firstPage) {

    /** Drawing operations of one page, counted through form XObjects. */
    record Page(int pathSegments, int rectangles, int paintedPaths, int images, Set<String> fonts,
                Set<String> notEmbedded) {
    }

    static PdfInspection of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage page = document.getPage(0);
            Counter counter = new Counter(page);
            counter.processPage(page);
            String text = new PDFTextStripper().getText(document);
            return new PdfInspection(document.getNumberOfPages(), page.getMediaBox().getWidth(),
                    page.getMediaBox().getHeight(), text,
                    new Page(counter.segments, counter.rectangles, counter.painted, counter.images, counter.fonts,
                            counter.notEmbedded));
        }
    }

    private static final class Counter extends PDFGraphicsStreamEngine {
        int segments;
        int rectangles;
        int painted;
        int images;
        final Set<String> fonts = new LinkedHashSet<>();
        final Set<String> notEmbedded = new LinkedHashSet<>();
        private final Point2D.Float current = new Point2D.Float();

        Counter(PDPage page) {
            super(page);
        }

        @Override
        protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            fonts.add(font.getName());
            if (!font.isEmbedded()) {
                notEmbedded.add(font.getName());
            }
            super.showFontGlyph(textRenderingMatrix, font, code, displacement);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles++;
        }

        @Override
        public void drawImage(PDImage pdImage) {
            images++;
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
            segments++;
            current.setLocation(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            segments++;
            current.setLocation(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            segments++;
            current.setLocation(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
            painted++;
        }

        @Override
        public void fillPath(int windingRule) {
            painted++;
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            painted++;
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
