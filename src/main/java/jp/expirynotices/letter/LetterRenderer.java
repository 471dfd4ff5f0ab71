package jp.expirynotices.letter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.zip.Deflater;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ByteBuffer;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.GrayColor;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPCellEvent;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.PrebuiltSubsetFont;
import org.openpdf.text.xml.xmp.XmpWriter;

import jp.expirynotices.expiry.CertificateExpiry;
import jp.expirynotices.expiry.ResidentAssessment;
import jp.expirynotices.registry.Resident;

/**
 * Renders one {@link NoticeLetter} as a two-page A4 PDF/A-1b: page 1 the notice (domain.md §4 items 1–7 and 9),
 * page 2 the 照会書兼回答書 (item 8).
 *
 * <p>Layout: the address block sits at the configured position (mm from the top-left corner) and is shrunk, never
 * cut, to fit its box; the body flows into a fixed column and is shrunk a little when a letter has more to say
 * (long office lists). If it still does not fit, rendering fails rather than printing overlapping text.
 *
 * <p>Stateless apart from the shared fonts: one instance serves the whole run.
 */
public final class LetterRenderer {

    static final float PT_PER_MM = 72f / 25.4f;
    private static final Rectangle PAGE = PageSize.A4;
    private static final float MARGIN_X = mm(20);
    private static final float TEXT_RIGHT = PAGE.getWidth() - MARGIN_X;
    private static final float BOTTOM = mm(12);
    /** Clearance above the barcode: customer-barcode.md asks for 2 mm on every side; 0.2 mm more for rounding. */
    private static final float BARCODE_CLEARANCE = mm(2.2);
    /**
     * Nothing else is printed within this distance right of and below the address block: the envelope window
     * (90 × 45 mm by default) is larger than the block (80 × 35 mm), and the letter may shift in the envelope.
     */
    private static final float WINDOW_CLEAR = mm(10);
    /** Body scales tried in order until the content fits. */
    private static final float[] BODY_SCALES = {1f, 0.96f, 0.92f, 0.88f, 0.84f, 0.8f};
    /** Page 2's tables: labels and values (widths relative to each other). */
    private static final float[] FORM_COLUMNS = {22, 78};
    private static final GrayColor HEADER_FILL = new GrayColor(0.88f);
    private static final GrayColor PERIOD_FILL = new GrayColor(0.94f);

    private final LetterSettings settings;
    private final LetterFonts fonts;
    private final CustomerBarcodePainter barcodePainter;
    /** The sRGB profile of the PDF/A output intent, Flate-compressed once for every letter. */
    private final byte[] iccProfile;
    /** The shared subsets ({@link SharedGlyphs}); null when switched off, or while probing. */
    private final SharedGlyphs shared;
    /**
     * The subset of the resident's own characters for the letter being rendered on this thread (set and cleared by
     * {@link #render}): the drawing methods are shared by every thread, the resident's font is not.
     */
    private final ThreadLocal<BaseFont> residentFont = new ThreadLocal<>();
    /**
     * Each thread's buffer for the letter being written, used again for the next: a new one per letter, grown
     * while the PDF is written, would cost twice a letter's size in garbage (a fifth of a night's allocation).
     */
    private final ThreadLocal<ByteArrayOutputStream> output =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(192 * 1024));
    /** While a body's elements are built on this thread: what they print, the key of {@link #layouts}. */
    private final ThreadLocal<LayoutKey> building = new ThreadLocal<>();
    /** The XMP packet of this thread's last letter, by the document information it repeats (dates in seconds). */
    private final ThreadLocal<Xmp> lastXmp = new ThreadLocal<>();
    /**
     * Laid-out page-1 bodies by what they print (see {@link #fill}); bounded, so the heap does not grow with the
     * night's letters. Only bodies drawn entirely in the shared subsets are kept: their content stream is the same
     * in every letter, because every letter names those fonts alike ({@link #nameSharedFonts}).
     */
    private final Map<LayoutKey, byte[]> layouts = new ConcurrentHashMap<>();
    /**
     * Layouts kept per map (~20 KB each with what they print). How many bodies a night has depends on the dates in
     * the window, not on the number of letters: 552 in the benchmark's 100 000 letters; at 512 some forty of them
     * were laid out afresh for every letter that printed them (2 580 layouts instead of ~600).
     */
    private static final int MAX_LAYOUTS = 1024;
    /** Fixed parts of page 1 by name (see {@link #drawFixed}); bounded likewise. */
    private final Map<String, FixedPart> fixedParts = new ConcurrentHashMap<>();
    /** The resident's part of page 2 laid out once per shape, without the resident's texts ({@link #residentPart}). */
    private final Map<ResidentShape, ResidentFrame> residentFrames = new ConcurrentHashMap<>();
    private final AtomicLong residentReuses = new AtomicLong();
    /** Laid-out fixed parts of page 2 by what they print (see {@link #formPart}); bounded likewise. */
    private final Map<LayoutKey, FlowPart> flowParts = new ConcurrentHashMap<>();
    /** The same parts by their inputs ({@link PartReuse}): found without building their elements. */
    private final Map<PartReuse, FlowPart> partsByInputs = new ConcurrentHashMap<>();
    /**
     * Laid-out page-1 bodies by the inputs they are made of ({@link LetterText.BodyInputs}) and their area: found
     * without building the body's elements. Bounded likewise; every {@link #checkEvery}-th reuse is built anyway and
     * compared with what the kept one printed.
     */
    private final Map<BodyReuse, KeptBody> bodies = new ConcurrentHashMap<>();
    private final AtomicLong reuses = new AtomicLong();
    private volatile int checkEvery = CHECK_EVERY;
    static final int CHECK_EVERY = 97;
    /**
     * The scale at which a body of each shape (its key with every digit as 0: the same texts with other dates)
     * last fitted: a new body of a known shape starts there instead of trying every larger scale first.
     */
    private final Map<String, Float> fittingScales = new ConcurrentHashMap<>();
    /** Receives every text drawn, while {@link SharedGlyphs} collects the letters' common characters; else null. */
    private final BiConsumer<String, BaseFont> drawn;

    public LetterRenderer(LetterSettings settings, LetterFonts fonts) {
        this(settings, fonts, CustomerBarcodePainter.JAPAN_POST);
    }

    /**
     * @param barcodePainter draws the customer barcode ({@link CustomerBarcodePainter#JAPAN_POST} by default)
     */
    public LetterRenderer(LetterSettings settings, LetterFonts fonts, CustomerBarcodePainter barcodePainter) {
        this(settings, fonts, barcodePainter, null);
    }

    /** Without a shared subset; {@code drawn} (if not null) sees every text drawn. */
    LetterRenderer(LetterSettings settings, LetterFonts fonts, CustomerBarcodePainter barcodePainter,
                   BiConsumer<String, BaseFont> drawn) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.barcodePainter = Objects.requireNonNull(barcodePainter, "barcodePainter");
        this.iccProfile = PrebuiltSubsetFont.deflate(
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(), Deflater.BEST_COMPRESSION);
        this.drawn = drawn;
        checkGlyphs(settings, fonts);
        this.shared = drawn == null && settings.sharedFontSubset() ? SharedGlyphs.of(settings, fonts) : null;
    }

    /** Every configured text must be drawable: a missing glyph would silently vanish from every letter. */
    private static void checkGlyphs(LetterSettings settings, LetterFonts fonts) {
        Map<String, String> texts = new LinkedHashMap<>();
        LetterSettings.Sender sender = settings.sender();
        texts.put("sender.ward", sender.ward());
        texts.put("sender.section", sender.section());
        texts.put("sender.postal-code", sender.postalCode());
        texts.put("sender.address", sender.address());
        texts.put("sender.phone", sender.phone());
        texts.put("contact.name", settings.contact().name());
        texts.put("contact.phone", settings.contact().phone());
        texts.put("contact.note", settings.contact().note());
        for (int i = 0; i < settings.offices().size(); i++) {
            LetterSettings.Office office = settings.offices().get(i);
            texts.put("offices[" + i + "].name", office.name());
            texts.put("offices[" + i + "].location", office.location());
            texts.put("offices[" + i + "].hours", String.join("", office.hours()));
        }
        for (int i = 0; i < settings.closures().size(); i++) {
            texts.put("closures[" + i + "]", settings.closures().get(i));
        }
        texts.put("fee", settings.fee());
        LetterSettings.IdDocuments ids = settings.idDocuments();
        texts.put("id-documents", ids.classS() + ids.classA() + ids.classB() + ids.note());
        texts.forEach((key, text) -> {
            Set<Integer> missing = fonts.missingCodePoints(text);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("notices.letter." + key + " has characters the letter font cannot "
                        + "draw: " + MissingGlyphException.format(missing));
            }
        });
    }

    /** Default settings and fonts found in the standard folders, without Spring. */
    public static LetterRenderer defaults() {
        LetterSettings settings = LetterSettings.defaults();
        return new LetterRenderer(settings, LetterFonts.load(settings.font()));
    }

    public LetterSettings settings() {
        return settings;
    }

    /**
     * Renders {@code letter}.
     *
     * @throws IllegalArgumentException when the resident has no due certificate (no letter is due)
     * @throws MissingGlyphException    when the name or address has a character the font cannot draw (外字)
     * @throws IllegalStateException    when the content cannot be laid out on the pages
     */
    public RenderedLetter render(NoticeLetter letter) {
        Objects.requireNonNull(letter, "letter");
        if (!letter.assessment().due()) {
            throw new IllegalArgumentException(letter + " has no due certificate");
        }
        Resident resident = letter.resident();
        Set<Integer> missing = fonts.missingCodePoints(resident.name() + resident.addressTown()
                + resident.addressBlock() + resident.addressBuilding());
        if (!missing.isEmpty()) {
            throw new MissingGlyphException(resident.residentId(), missing);
        }
        ByteArrayOutputStream out = output.get();
        out.reset();
        Document document = new Document(PAGE, 0, 0, 0, 0);
        if (shared != null) {
            shared.residentSubset(resident.name() + resident.addressTown() + resident.addressBlock()
                    + resident.addressBuilding()).ifPresent(residentFont::set);
        }
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPDFXConformance(PdfWriter.PDFA1B);
            writer.setPdfVersion(PdfWriter.VERSION_1_4);
            LetterSettings.Sender sender = settings.sender();
            document.addTitle(LetterText.TITLE);
            document.addSubject(LetterText.SUBJECT);
            document.addAuthor(sender.ward() + " " + sender.section());
            document.addCreator("expiry-notices");
            document.addCreationDate();
            document.open();
            // Page contents: fast compression (each letter's own); the profile and shared fonts come ready-made.
            writer.setCompressionLevel(Deflater.BEST_SPEED);
            outputIntent(writer);
            writeSharedFontsAhead(writer);

            PdfContentByte cb = writer.getDirectContent();
            nameSharedFonts(cb);
            drawNotice(cb, letter);
            writer.setPageEmpty(false);
            document.newPage();
            drawForm(cb, letter);
            writer.setPageEmpty(false);
            int pages = writer.getPageNumber();
            xmpMetadata(writer);
            document.close();
            return new RenderedLetter(out.toByteArray(), pages);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot render " + letter + ": " + e.getMessage(), e);
        } finally {
            residentFont.remove();
            if (document.isOpen()) {
                try {
                    document.close();
                } catch (RuntimeException suppressed) {
                    // Already failing: the first exception says why.
                }
            }
        }
    }

    private record Xmp(String info, byte[] packet) {
    }

    /**
     * The letter's XMP packet, as {@code PdfWriter.createXmpMetadata} makes it from the document information. That
     * information differs between letters only in its dates, to the second: the letters of one second on one
     * thread share one packet instead of serialising the same XML again.
     */
    private void xmpMetadata(PdfWriter writer) throws IOException {
        PdfDictionary info = writer.getInfo();
        StringBuilder key = new StringBuilder(256);
        for (PdfName name : info.getKeys()) {
            key.append(name).append('=').append(info.get(name)).append('\n');
        }
        Xmp last = lastXmp.get();
        if (last == null || !last.info().contentEquals(key)) {
            ByteArrayOutputStream packet = new ByteArrayOutputStream(4096);
            new XmpWriter(packet, info, PdfWriter.PDFA1B).close();   // the packet is written on close
            last = new Xmp(key.toString(), withoutPadding(packet.toByteArray()));
            lastXmp.set(last);
        }
        writer.setXmpMetadata(last.packet());
    }

    private static final byte[] PACKET_END = "<?xpacket end=".getBytes(StandardCharsets.US_ASCII);

    /**
     * The packet without the 2 KB of spaces XmpWriter puts before its end, room for editing the metadata in place
     * (XMP part 1, 7.3.2: optional); nobody edits a letter, and it is 2 % of every letter file.
     */
    static byte[] withoutPadding(byte[] packet) {
        int end = -1;
        for (int i = packet.length - PACKET_END.length; i >= 0 && end < 0; i--) {
            if (Arrays.equals(packet, i, i + PACKET_END.length, PACKET_END, 0, PACKET_END.length)) {
                end = i;
            }
        }
        if (end < 0) {
            return packet;
        }
        int padding = end;
        while (padding > 0 && (packet[padding - 1] == ' ' || packet[padding - 1] == '\n')) {
            padding--;
        }
        byte[] trimmed = new byte[padding + 1 + packet.length - end];
        System.arraycopy(packet, 0, trimmed, 0, padding);
        trimmed[padding] = '\n';
        System.arraycopy(packet, end, trimmed, padding + 1, packet.length - end);
        return trimmed;
    }

    /** The PDF/A-1 output intent (sRGB), as {@code PdfWriter.setOutputIntents} writes it, from the profile ready-made. */
    private void outputIntent(PdfWriter writer) throws IOException {
        PdfStream profile = new PdfStream(iccProfile);
        profile.put(PdfName.N, new PdfNumber(3));
        profile.put(PdfName.FILTER, PdfName.FLATEDECODE);
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.OUTPUTCONDITION, new PdfString(""));
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("Custom"));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
    }

    // --- page 1 ---------------------------------------------------------------------------------------------------

    private void drawNotice(PdfContentByte cb, NoticeLetter letter) throws DocumentException {
        float addressBottom = drawAddressBlock(cb, letter);
        float senderBottom = drawFixed(cb, "sender " + letter.letterDate(), canvas -> drawSender(canvas, letter));
        float titleTop = Math.min(addressBottom - WINDOW_CLEAR, senderBottom - mm(6));
        float titleSize = 15;
        float titleBaseline = titleTop - ascent(fonts.bold(), titleSize);
        showCentered(cb, LetterText.TITLE, fonts.bold(), titleSize, titleBaseline);
        float titleBottom = titleBaseline + descent(fonts.bold(), titleSize);
        // A thin rule under the title separates the envelope part from the body.
        cb.saveState();
        cb.setLineWidth(0.6f);
        cb.moveTo(MARGIN_X, titleBottom - mm(1.5f));
        cb.lineTo(TEXT_RIGHT, titleBottom - mm(1.5f));
        cb.stroke();
        cb.restoreState();

        float contactTop = drawFixed(cb, "contact", this::drawContact);
        Rectangle body = new Rectangle(MARGIN_X, contactTop + mm(3), TEXT_RIGHT, titleBottom - mm(4));
        fill(cb, body, s -> noticeBody(s, letter), LetterText.BodyInputs.of(letter.assessment()), letter, "page 1");
    }

    /**
     * Draws a part of page 1 that is the same in every letter with the same {@code name} (the sender block of a
     * letter date, the contact box: from the settings alone) and returns the y it returns. Drawn once, then copied,
     * when drawn entirely in the shared subsets (named alike in every letter, {@link #nameSharedFonts}).
     */
    private float drawFixed(PdfContentByte cb, String name, FixedDrawing drawing) throws DocumentException {
        if (shared == null) {
            return drawing.draw(cb);
        }
        FixedPart known = fixedParts.get(name);
        if (known != null) {
            cb.getInternalBuffer().append(known.content());
            return known.y();
        }
        PdfContentByte canvas = cb.getDuplicate();
        LayoutKey key = new LayoutKey(PAGE);
        float y = recording(key, () -> drawing.draw(canvas));
        byte[] content = canvas.getInternalBuffer().toByteArray();
        if (key.reusable && fixedParts.size() < MAX_LAYOUTS) {
            fixedParts.putIfAbsent(name, new FixedPart(content, y));
        }
        cb.getInternalBuffer().append(content);
        return y;
    }

    @FunctionalInterface
    private interface FixedDrawing {
        float draw(PdfContentByte canvas) throws DocumentException;
    }

    private record FixedPart(byte[] content, float y) {
    }

    /**
     * The address block (domain.md §4.1, customer-barcode.md): 〒, town + block, building, name + 様, barcode, inside
     * the configured box; everything shrinks together until it fits. Returns the box's bottom (PDF y).
     */
    private float drawAddressBlock(PdfContentByte cb, NoticeLetter letter) {
        LetterSettings.AddressBlock box = settings.addressBlock();
        Resident resident = letter.resident();
        float left = mm(box.xMm());
        float top = PAGE.getHeight() - mm(box.yMm());
        float width = mm(box.maxWidthMm());
        float height = mm(box.maxHeightMm());
        boolean barcode = letter.customerBarcode().isPresent();
        double barcodePt = settings.barcode().pointSize();
        float barcodeHeight = barcode ? mm(settings.barcode().heightMm()) + BARCODE_CLEARANCE : 0;

        BaseFont font = fonts.regular();
        List<Line> lines = null;
        for (float scale = 1f; scale >= 0.3f; scale -= 0.05f) {
            float addressSize = 11 * scale;
            float nameSize = 16 * scale;
            List<Line> candidate = new ArrayList<>();
            candidate.add(new Line("〒" + resident.postalCodeHyphenated(), font, addressSize, 0));
            for (String part : LetterText.addressLines(resident)) {
                for (String wrapped : wrap(part, font, addressSize, width)) {
                    candidate.add(new Line(wrapped, font, addressSize, 0));
                }
            }
            float gap = mm(2.5f) * scale;
            for (String wrapped : wrap(resident.name() + "　様", font, nameSize, width)) {
                candidate.add(new Line(wrapped, font, nameSize, gap));
                gap = 0;
            }
            if (height(candidate) + barcodeHeight <= height) {
                lines = candidate;
                break;
            }
        }
        if (lines == null) {
            throw new IllegalStateException("the address of " + letter + " does not fit the address block");
        }
        float y = top;
        for (Line line : lines) {
            y -= line.gapBefore();
            float baseline = y - ascent(line.font(), line.size());
            show(cb, line.text(), line.font(), line.size(), left, baseline);
            y = baseline + descent(line.font(), line.size()) - line.size() * 0.18f;
        }
        if (barcode) {
            float textBottom = y + lines.getLast().size() * 0.18f;
            barcodePainter.draw(cb, letter.customerBarcode().get(), left, textBottom - BARCODE_CLEARANCE, barcodePt);
        }
        return top - height;
    }

    /** Letter date and sender, right-aligned at the top right. Returns the bottom of the block (PDF y). */
    private float drawSender(PdfContentByte cb, NoticeLetter letter) {
        LetterSettings.Sender sender = settings.sender();
        LetterSettings.AddressBlock box = settings.addressBlock();
        float left = mm(box.xMm() + box.maxWidthMm()) + WINDOW_CLEAR;
        float maxWidth = TEXT_RIGHT - left;
        float y = PAGE.getHeight() - mm(box.yMm());
        y = showRight(cb, Wareki.format(letter.letterDate()), fonts.regular(), 10.5f, y, maxWidth) - mm(5);
        y = showRight(cb, sender.ward() + "　" + sender.section(), fonts.bold(), 10.5f, y, maxWidth) - mm(1.2f);
        y = showRight(cb, "〒" + sender.postalCode(), fonts.regular(), 8.5f, y, maxWidth) - mm(0.6f);
        y = showRight(cb, sender.address(), fonts.regular(), 8.5f, y, maxWidth) - mm(0.6f);
        y = showRight(cb, "電話 " + sender.phone(), fonts.regular(), 8.5f, y, maxWidth);
        return y;
    }

    /** お問い合わせ先, boxed at the bottom of page 1. Returns the top of the box (PDF y). */
    private float drawContact(PdfContentByte cb) throws DocumentException {
        Styles s = new Styles(fonts, 1f);
        LetterSettings.Contact contact = settings.contact();
        PdfPTable table = new PdfPTable(new float[] {1, 5});
        table.setTotalWidth(TEXT_RIGHT - MARGIN_X);
        table.setLockedWidth(true);
        PdfPCell label = centered(s, s.tableBold, "お問い合わせ先");
        label.setBackgroundColor(HEADER_FILL);
        label.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(label);
        List<String> lines = new ArrayList<>();
        lines.add(LetterText.contactLine(contact));
        if (!contact.note().isBlank()) {
            lines.add(contact.note());
        }
        PdfPCell value = cell(s, s.table, lines.toArray(String[]::new));
        value.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(value);
        float top = BOTTOM + table.getTotalHeight();
        table.writeSelectedRows(0, -1, MARGIN_X, top, cb);
        return top;
    }

    private List<Element> noticeBody(Styles s, NoticeLetter letter) throws DocumentException {
        ResidentAssessment assessment = letter.assessment();
        List<Element> out = new ArrayList<>();
        out.add(paragraph(s, LetterText.greeting(), s.body, 0, s.gap(2)));
        for (String text : LetterText.explanation(assessment)) {
            Paragraph p = paragraph(s, text, s.body, 0, s.gap(1.5f));
            p.setFirstLineIndent(s.body.getSize());
            out.add(p);
        }

        // Certificates table (domain.md §4.3).
        out.add(heading(s, "あなたの電子証明書"));
        PdfPTable certs = new PdfPTable(new float[] {21, 18, 24, 16, 21});
        certs.setWidthPercentage(100);
        for (String head : List.of("電子証明書の種類", "有効期限", "有効期限となる理由", "更新", "更新できる期間")) {
            PdfPCell c = centered(s, s.tableBold, head);
            c.setBackgroundColor(HEADER_FILL);
            certs.addCell(c);
        }
        for (CertificateExpiry c : LetterText.rows(assessment)) {
            certs.addCell(cell(s, s.tableBold, LetterText.kind(c.kind())));
            certs.addCell(cell(s, s.table, Wareki.format(c.expiry()), "（" + Wareki.western(c.expiry()) + "）"));
            certs.addCell(cell(s, s.table, LetterText.reason(c.reason())));
            String status = LetterText.status(c, assessment);
            certs.addCell(cell(s, c.due() ? s.tableBold : s.table, status.split("(?=（)")));
            certs.addCell(cell(s, s.table, LetterText.periodCell(c, assessment).split("\n")));
        }
        out.add(certs);

        // Renewal period, highlighted.
        PdfPTable period = new PdfPTable(new float[] {1});
        period.setWidthPercentage(100);
        period.setSpacingBefore(s.gap(2.5f));
        List<String> periodLines = LetterText.periodLines(assessment);
        PdfPCell pc = new PdfPCell();
        pc.setBorderWidth(1.2f);
        pc.setBackgroundColor(PERIOD_FILL);
        pc.setPadding(s.gap(2));
        pc.setPaddingTop(s.gap(1.2f));
        pc.setUseAscender(true);
        pc.setUseDescender(true);
        if (periodLines.size() == 1) {
            Paragraph p = para(s.lead(s.emphasis), LetterText.periodLabel(assessment) + "　", s.emphasis);
            append(p, periodLines.getFirst(), s.emphasis);
            p.setAlignment(Element.ALIGN_CENTER);
            pc.addElement(p);
        } else {
            Paragraph p = para(s.lead(s.emphasis), LetterText.periodLabel(assessment), s.emphasis);
            p.setAlignment(Element.ALIGN_CENTER);
            pc.addElement(p);
            for (String line : periodLines) {
                Paragraph lp = para(s.lead(s.emphasis), line, s.emphasis);
                lp.setAlignment(Element.ALIGN_CENTER);
                pc.addElement(lp);
            }
        }
        period.addCell(pc);
        out.add(period);

        // What to bring (§4.5).
        out.add(heading(s, LetterText.bringHeading(settings)));
        if (LetterText.cardVariant(assessment)) {
            out.add(paragraph(s, LetterText.cardBringNote(), s.body, 0, s.gap(1)));
        }
        PdfPTable bring = new PdfPTable(new float[] {1, 1});
        bring.setWidthPercentage(100);
        for (String head : List.of("ご本人がお越しになる場合", "代理人がお越しになる場合")) {
            PdfPCell c = centered(s, s.tableBold, head);
            c.setBackgroundColor(HEADER_FILL);
            bring.addCell(c);
        }
        PdfPCell self = bulletCell(s, LetterText.bringInPerson());
        self.addElement(note(s, "※" + LetterText.bringInPersonNote(), s.small));
        bring.addCell(self);
        bring.addCell(bulletCell(s, LetterText.bringByProxy()));
        out.add(bring);

        LetterSettings.IdDocuments ids = settings.idDocuments();
        Paragraph idHead = para(s.lead(s.smallBold), LetterText.idHeading(), s.smallBold);
        idHead.setSpacingBefore(s.gap(1.5f));
        out.add(idHead);
        out.add(idClass(s, "S", ids.classS()));
        out.add(idClass(s, "A", ids.classA()));
        out.add(idClass(s, "B", ids.classB()));
        if (!ids.note().isBlank()) {
            out.add(note(s, "※" + ids.note(), s.small));
        }

        // Where and when (§4.6).
        out.add(heading(s, LetterText.officesHeading()));
        PdfPTable offices = new PdfPTable(new float[] {33, 67});
        offices.setWidthPercentage(100);
        for (LetterSettings.Office office : settings.offices()) {
            List<String> name = new ArrayList<>();
            name.add(office.name());
            PdfPCell n = cell(s, s.tableBold, name.toArray(String[]::new));
            if (!office.location().isBlank()) {
                n.addElement(para(s.lead(s.small), office.location(), s.small));
            }
            n.setBackgroundColor(HEADER_FILL);
            offices.addCell(n);
            offices.addCell(cell(s, s.table, office.hours().toArray(String[]::new)));
        }
        out.add(offices);
        Paragraph closuresGap = new Paragraph(s.gap(1.5f));
        out.add(closuresGap);
        for (String closure : settings.closures()) {
            out.add(note(s, "※" + closure, s.small));
        }

        // Notes (§4.7 and the after-expiry note).
        out.add(heading(s, "ご注意"));
        for (String text : LetterText.notes(letter)) {
            boolean minor = text.equals(LetterText.minorNote());
            out.add(note(s, "・" + text, minor ? s.bodyBold : s.body));
        }
        return out;
    }

    private Paragraph idClass(Styles s, String cls, String text) {
        Paragraph p = para(s.lead(s.small), cls + "　", s.smallBold);
        append(p, text, s.small);
        hang(p, s.small.getSize() * 1.5f);
        return p;
    }

    // --- page 2 ---------------------------------------------------------------------------------------------------

    /**
     * Page 2 in four parts laid one after the other into one column, as one flow (the parts after the first do not
     * start a column: their spacing is the flow's). The fixed parts, the form's head and the answer form, print the
     * same in every letter of a night: laid out once and copied (moved to where the flow puts them), as
     * {@link #fill} does for page 1; the resident's part and the office part (with the resident id) are laid out
     * for each letter.
     */
    private void drawForm(PdfContentByte cb, NoticeLetter letter) throws DocumentException {
        nameSharedFonts(cb);   // page 2's resources name the shared fonts as page 1's: copied parts print right
        Rectangle area = new Rectangle(MARGIN_X, mm(15), TEXT_RIGHT, PAGE.getHeight() - mm(15));
        for (float scale : BODY_SCALES) {
            Styles s = new Styles(fonts, scale);
            PdfContentByte page = cb.getDuplicate();
            ColumnText ct = column(page, area, List.of());
            Slot reference = new Slot();
            // A fixed part's inputs: all its builder is given (the settings aside, the same for every letter).
            if (formPart(ct, page, area, "head", List.of(scale), () -> formHead(s), null)
                    && residentPart(ct, page, area, s, letter)
                    && formPart(ct, page, area, "answer", List.of(scale, letter.letterDate()),
                            () -> formAnswer(s, letter.letterDate()), null)
                    && formPart(ct, page, area, "office", List.of(scale), () -> formOffice(s, reference),
                            reference)) {
                showInSlot(page, letter.resident().residentId(), s.small, reference.area, s.gap(1.5f));
                cb.add(page);
                return;
            }
        }
        throw new IllegalStateException("the text of page 2 of " + letter + " does not fit the page; "
                + "shorten the configured office hours or notes");
    }

    /** A part of a laid-out flow: its content, and where the flow was before and after it (PDF y). */
    private record FlowPart(byte[] content, float top, float bottom, Rectangle slot) {
    }

    /**
     * Where a part leaves room for what differs per letter (the office table's reference number): the part itself
     * is then the same in every letter and kept; the text is drawn into the room after it ({@link #showInSlot}).
     * The part's builder sets {@code area} when the table is laid out; {@link #formPart} sets it where the part is.
     */
    private static final class Slot {
        Rectangle area;

        PdfPCellEvent recorder() {
            return (cell, position, canvases) -> area = new Rectangle(position);
        }
    }

    /**
     * Lays the part's elements into {@code ct} where its flow stands, onto {@code page}; false when they do not fit.
     * A {@code fixed} part drawn only in the shared subsets is kept by what it prints: where the flow stands at
     * least as high as when it was laid out (so it fits as it did), its content is copied, moved by the difference.
     */
    private boolean formPart(ColumnText ct, PdfContentByte page, Rectangle area, String name, List<Object> inputs,
                             Built<List<Element>> part, Slot slot) throws DocumentException {
        float top = ct.getYLine();
        PartReuse reuse = inputs != null && shared != null ? new PartReuse(name, area.getLeft(), area.getBottom(),
                area.getRight(), area.getTop(), inputs) : null;
        FlowPart kept = reuse == null ? null : partsByInputs.get(reuse);
        if (kept != null && top >= kept.top()) {
            place(kept, top, ct, page, slot);
            return true;
        }
        LayoutKey key = reuse != null ? new LayoutKey(area) : null;
        List<Element> elements = recording(key, part);
        if (key != null) {
            key.add(name);
        }
        boolean reusable = key != null && key.reusable;
        FlowPart known = reusable ? flowParts.get(key) : null;
        if (known != null && top >= known.top()) {
            place(known, top, ct, page, slot);
            keepByInputs(reuse, known);
            return true;
        }
        PdfContentByte canvas = page.getDuplicate();
        ct.setCanvas(canvas);
        elements.forEach(ct::addElement);
        boolean fits = !ColumnText.hasMoreText(ct.go());
        // Later parts continue the flow: no first-line adjustment (ascender, no space before) as at a column's top.
        ct.setAdjustFirstLine(false);
        if (!fits) {
            return false;
        }
        byte[] content = canvas.getInternalBuffer().toByteArray();
        // In q/Q whether copied or not: a part's graphics state never reaches the next part either way.
        page.getInternalBuffer().append("q\n").append(content).append("Q\n");
        if (reusable && flowParts.size() < MAX_LAYOUTS) {
            FlowPart laid = flowParts.merge(key, new FlowPart(content, top, ct.getYLine(),
                    slot == null ? null : slot.area),
                    (old, now) -> now.top() < old.top() ? now : old);   // the lower, the more letters it serves
            keepByInputs(reuse, laid);
        }
        return true;
    }

    private void keepByInputs(PartReuse reuse, FlowPart part) {
        if (partsByInputs.size() < MAX_LAYOUTS) {
            partsByInputs.put(reuse, part);
        }
    }

    /** Copies a kept part where the flow stands ({@code top}, at least as high as where it was laid out). */
    private static void place(FlowPart known, float top, ColumnText ct, PdfContentByte page, Slot slot) {
        float dy = top - known.top();
        page.getInternalBuffer().append("q 1 0 0 1 0 ").append(dy).append(" cm\n");
        page.getInternalBuffer().append(known.content());
        page.getInternalBuffer().append("Q\n");
        ct.setYLine(known.bottom() + dy);
        ct.setAdjustFirstLine(false);
        if (slot != null) {
            Rectangle at = known.slot();
            slot.area = new Rectangle(at.getLeft(), at.getBottom() + dy, at.getRight(), at.getTop() + dy);
        }
    }

    /**
     * A fixed part of the form by its name, area and inputs (the scale, and the letter date where the part prints
     * it): the key of {@link #partsByInputs}. A builder given nothing else cannot print anything else.
     */
    private record PartReuse(String name, float left, float bottom, float right, float top, List<Object> inputs) {
    }

    @FunctionalInterface
    private interface Built<T> {
        T build() throws DocumentException;
    }

    /**
     * Builds {@code what} while {@code key} (unless null) records what the built elements and drawn texts print
     * ({@link #para}, {@link #append}, {@link #show}): the key under which their layout is kept.
     */
    private <T> T recording(LayoutKey key, Built<T> what) throws DocumentException {
        building.set(key);
        try {
            return what.build();
        } finally {
            building.remove();
        }
    }

    /** The form's head: addressee, title, what the form is for, the ward's question. Fixed. */
    private List<Element> formHead(Styles s) {
        List<Element> out = new ArrayList<>();
        Paragraph addressee = para(s.lead(s.body), LetterText.formAddressee(settings.sender()), s.body);
        out.add(addressee);

        Paragraph title = para(s.lead(s.title), LetterText.FORM_TITLE, s.title);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(s.gap(2));
        out.add(title);
        Paragraph subtitle = para(s.lead(s.bodyBold), LetterText.FORM_SUBTITLE, s.bodyBold);
        subtitle.setAlignment(Element.ALIGN_CENTER);
        subtitle.setSpacingAfter(s.gap(3));
        out.add(subtitle);
        out.add(paragraph(s, LetterText.formIntro(), s.body, 0, s.gap(3)));

        // 照会 (the ward asks), prefilled with the resident.
        out.add(heading(s, "照会（区からの確認）"));
        out.add(paragraph(s, LetterText.formQuery(), s.body, 0, s.gap(1.5f)));
        return out;
    }

    /** The resident the ward asks about: name, address, birth date. */
    private List<Element> formResident(Styles s, NoticeLetter letter) {
        List<String> lines = residentLines(letter);
        PdfPTable person = new PdfPTable(FORM_COLUMNS);
        person.setWidthPercentage(100);
        formRow(person, s, "ご本人の氏名", cell(s, s.form, lines.getFirst()), 0);
        List<String> address = lines.subList(1, lines.size() - 1);
        formRow(person, s, "ご本人の住所", cell(s, s.form, address.toArray(String[]::new)), 0);
        formRow(person, s, "生年月日", cell(s, s.form, lines.getLast()), 0);
        return List.of(person);
    }

    /** The lines of {@link #formResident}'s value cells in drawing order: name, postal code, address, birth date. */
    private static List<String> residentLines(NoticeLetter letter) {
        Resident resident = letter.resident();
        List<String> lines = new ArrayList<>(5);
        lines.add(resident.name());
        lines.add("〒" + resident.postalCodeHyphenated());
        lines.addAll(LetterText.addressLines(resident));
        lines.add(Wareki.format(resident.birthDate()));
        return lines;
    }

    /**
     * The resident's part of the form ({@link #formResident}). Laying its table out was a sixth of a letter's time,
     * and it comes out the same for every resident whose lines are as many and each fit on one line: the table's
     * fills, borders and labels (its frame), and where each line starts. So the part is laid out once per shape,
     * taken apart, and checked: each of its lines must be exactly what {@link #show} draws at that place. Later
     * letters of the shape copy the frame and draw their own lines there; every {@link #checkEvery}-th is laid out
     * afresh and must come out in the same places. Anything else (a line that would wrap, space at either end of a
     * line) is laid out as before.
     */
    private boolean residentPart(ColumnText ct, PdfContentByte page, Rectangle area, Styles s, NoticeLetter letter)
            throws DocumentException {
        List<String> lines = shared == null ? null : residentLines(letter);
        ResidentShape shape = lines == null ? null : residentShape(s, area, lines);
        float top = ct.getYLine();
        ResidentFrame kept = shape == null ? null : residentFrames.get(shape);
        if (kept != null && top < kept.top()) {
            kept = null;   // the flow stands lower than where it was laid out: it might not fit as it did
        }
        boolean check = kept != null && residentReuses.incrementAndGet() % checkEvery == 0;
        if (kept != null && !check) {
            // As place() moves a kept part, with the resident's lines where the layout had them, in stream order
            // (text extraction reads each label before its value).
            float dy = top - kept.top();
            ByteBuffer out = page.getInternalBuffer();
            out.append("q 1 0 0 1 0 ").append(dy).append(" cm\n").append(kept.pieces().getFirst());
            for (int i = 0; i < lines.size(); i++) {
                show(page, lines.get(i), fonts.regular(), s.form.getSize(), kept.x()[i], kept.baseline()[i]);
                out.append(kept.pieces().get(i + 1));
            }
            out.append("Q\n");
            ct.setYLine(kept.bottom() + dy);
            ct.setAdjustFirstLine(false);
            return true;
        }
        int from = page.getInternalBuffer().size();
        if (!formPart(ct, page, area, "resident", null, () -> formResident(s, letter), null)) {
            return false;
        }
        if (shape != null) {
            byte[] laid = page.getInternalBuffer().toByteArray();
            ResidentFrame frame = residentFrame(page, Arrays.copyOfRange(laid, from, laid.length), top,
                    ct.getYLine(), lines, s.form.getSize());
            if (check && (frame == null || !frame.sameShapeAs(kept))) {
                throw new IllegalStateException("page 2 of " + letter + " lays the resident's part out otherwise "
                        + "than the kept one of the same shape: ResidentShape misses something");
            }
            if (frame != null && residentFrames.size() < MAX_LAYOUTS) {
                residentFrames.merge(shape, frame, (old, now) -> now.top() < old.top() ? now : old);
            }
        }
        return true;
    }

    /**
     * The shape of the resident's part for {@code lines}: its place, its scale, and per line the ascent and descent
     * of the fonts that draw it (the rows' heights follow from them); null when a line might not fit on one line
     * (within 2 pt of the cell's width: the layout decides) or has space or control characters at either end.
     */
    private ResidentShape residentShape(Styles s, Rectangle area, List<String> lines) {
        float size = s.form.getSize();
        float room = area.getWidth() * FORM_COLUMNS[1] / (FORM_COLUMNS[0] + FORM_COLUMNS[1]) - 2 * s.gap(1.5f) - 2;
        float[] metrics = new float[2 * lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || !line.equals(line.strip()) || line.chars().anyMatch(Character::isISOControl)
                    || fonts.regular().getWidthPoint(line, size) > room) {
                return null;
            }
            for (Run run : runs(line, fonts.regular())) {
                metrics[2 * i] = Math.max(metrics[2 * i], ascent(run.font(), size));
                metrics[2 * i + 1] = Math.min(metrics[2 * i + 1], descent(run.font(), size));
            }
        }
        return new ResidentShape(s.scale, area.getLeft(), area.getBottom(), area.getRight(), area.getTop(),
                Arrays.toString(metrics));
    }

    /**
     * {@code content} (the resident's part as laid out, in q/Q) taken apart into a frame and the places of
     * {@code lines}; null unless its text objects are a label and the name, a label and the address lines, a label
     * and the birth date, each line exactly what {@link #show} draws where it starts.
     */
    private ResidentFrame residentFrame(PdfContentByte page, byte[] content, float top, float bottom,
                                        List<String> lines, float size) {
        List<TextObjects.Span> objects = TextObjects.find(content);
        int addressLines = lines.size() - 2;
        if (objects.size() != 3 + lines.size()) {
            return null;
        }
        List<TextObjects.Span> drawn = new ArrayList<>(lines.size());
        drawn.add(objects.get(1));
        drawn.addAll(objects.subList(3, 3 + addressLines));
        drawn.add(objects.get(4 + addressLines));
        float[] x = new float[lines.size()];
        float[] baseline = new float[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            TextObjects.Span line = drawn.get(i);
            float[] origin = TextObjects.origin(content, line);
            if (origin == null) {
                return null;
            }
            PdfContentByte alone = page.getDuplicate();
            show(alone, lines.get(i), fonts.regular(), size, origin[0], origin[1]);
            if (!Arrays.equals(alone.getInternalBuffer().toByteArray(),
                    Arrays.copyOfRange(content, line.start(), line.end()))) {
                return null;
            }
            x[i] = origin[0];
            baseline[i] = origin[1];
        }
        return new ResidentFrame(TextObjects.around(content, drawn), top, bottom, x, baseline);
    }

    /** Where the resident's part is laid out, at which scale, and the metrics of its lines (as text). */
    private record ResidentShape(float scale, float left, float bottom, float right, float top, String metrics) {
    }

    /**
     * The resident's part cut around the resident's lines (one piece more than lines), where the flow stood before
     * and after it (PDF y), and where each line starts (PDF x and baseline).
     */
    private record ResidentFrame(List<byte[]> pieces, float top, float bottom, float[] x, float[] baseline) {

        /** Whether {@code other} has its lines in the same places, relative to where each part starts. */
        boolean sameShapeAs(ResidentFrame other) {
            float dy = other.top - top;
            boolean same = x.length == other.x.length && Math.abs(bottom + dy - other.bottom) < 0.02f;
            for (int i = 0; same && i < x.length; i++) {
                same = x[i] == other.x[i] && Math.abs(baseline[i] + dy - other.baseline[i]) < 0.02f;
            }
            return same;
        }
    }

    /** Resident parts copied from a kept frame so far, checked ones included (tests). */
    long residentReuses() {
        return residentReuses.get();
    }

    /** 回答 (the resident answers): thick frame, boxes to fill in, notes, the office-use heading. Fixed. */
    private List<Element> formAnswer(Styles s, LocalDate letterDate) {
        List<Element> out = new ArrayList<>();
        out.add(heading(s, "回答（ご本人が記入してください）"));
        out.add(paragraph(s, LetterText.formAnswer(), s.body, 0, s.gap(1.5f)));
        PdfPTable answer = new PdfPTable(FORM_COLUMNS);
        answer.setWidthPercentage(100);
        float writeHeight = mm(14) * s.scale;
        formRow(answer, s, "記入日", cell(s, s.form, LetterText.blankDate(letterDate)), writeHeight);
        formRow(answer, s, "ご本人の署名", blank(s), mm(22) * s.scale);
        formRow(answer, s, "代理人の氏名", blank(s), writeHeight);
        PdfPCell proxyAddress = cell(s, s.form, "〒　　　－");
        formRow(answer, s, "代理人の住所", proxyAddress, mm(22) * s.scale, Element.ALIGN_TOP);
        formRow(answer, s, "代理人の電話番号", blank(s), writeHeight);
        PdfPCell relation = cell(s, s.form, String.join("　・　", LetterText.relationshipChoices()));
        relation.addElement(para(s.lead(s.small), "（該当するものを○で囲んでください。）", s.small));
        formRow(answer, s, "ご本人との関係", relation, writeHeight);
        thickFrame(answer);
        out.add(answer);

        Paragraph notes = new Paragraph(s.gap(2));
        out.add(notes);
        out.add(note(s, "・代理人は、窓口で本人確認書類（S・A・Bのいずれか1点。1ページ目をご覧ください）をご提示ください。",
                s.small));
        out.add(note(s, "・記入した内容を訂正するときは、二重線を引いて書き直してください。", s.small));

        Paragraph officeHead = para(s.lead(s.smallBold), "区使用欄", s.smallBold);
        officeHead.setSpacingBefore(s.gap(3));
        out.add(officeHead);
        return out;
    }

    /**
     * Office use, with the resident id as the reference number: its cell is left empty, its place kept in {@code
     * reference}, the id drawn into it per letter ({@link #showInSlot}).
     */
    private List<Element> formOffice(Styles s, Slot reference) {
        PdfPTable office = new PdfPTable(new float[] {1, 1, 1, 1});
        office.setWidthPercentage(100);
        for (String head : List.of("受付日", "受付者", "代理人の本人確認書類", "整理番号")) {
            PdfPCell c = centered(s, s.small, head);
            c.setBackgroundColor(HEADER_FILL);
            office.addCell(c);
        }
        for (int i = 0; i < 2; i++) {
            office.addCell(blank(s, mm(12) * s.scale));
        }
        PdfPCell classes = centered(s, s.form, "S ・ A ・ B");
        classes.setVerticalAlignment(Element.ALIGN_MIDDLE);
        office.addCell(classes);
        PdfPCell number = centered(s, s.small);
        number.setCellEvent(reference.recorder());
        office.addCell(number);
        return List.of(office);
    }

    /**
     * {@code text} centred in {@code slot} (less {@code padding} each side), in the middle of its height; smaller if
     * it would not fit the width.
     */
    private void showInSlot(PdfContentByte cb, String text, Font font, Rectangle slot, float padding) {
        BaseFont face = font.getBaseFont();
        float room = slot.getWidth() - 2 * padding;
        float size = Math.min(font.getSize(), font.getSize() * room / Math.max(1f, face.getWidthPoint(text,
                font.getSize())));
        float width = face.getWidthPoint(text, size);
        float baseline = (slot.getTop() + slot.getBottom()) / 2 - (ascent(face, size) + descent(face, size)) / 2;
        show(cb, text, face, size, slot.getLeft() + (slot.getWidth() - width) / 2, baseline);
    }

    private void formRow(PdfPTable table, Styles s, String label, PdfPCell value, float minHeight) {
        formRow(table, s, label, value, minHeight, Element.ALIGN_MIDDLE);
    }

    private void formRow(PdfPTable table, Styles s, String label, PdfPCell value, float minHeight,
                         int verticalAlignment) {
        PdfPCell l = cell(s, s.tableBold, label);
        l.setBackgroundColor(HEADER_FILL);
        l.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(l);
        value.setVerticalAlignment(verticalAlignment);
        if (minHeight > 0) {
            value.setMinimumHeight(minHeight);
        }
        table.addCell(value);
    }

    private static void thickFrame(PdfPTable table) {
        // The answer part is framed thickly, as forms mark what the resident fills in (太枠).
        table.setTableEvent((t, widths, heights, headerRows, rowStart, canvases) -> {
            PdfContentByte line = canvases[PdfPTable.LINECANVAS];
            float[] w = widths[0];
            line.saveState();
            line.setLineWidth(1.8f);
            line.rectangle(w[0], heights[heights.length - 1], w[w.length - 1] - w[0],
                    heights[0] - heights[heights.length - 1]);
            line.stroke();
            line.restoreState();
        });
    }

    // --- flowing text ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Body {
        List<Element> build(Styles styles) throws DocumentException;
    }

    /**
     * Lays {@code body} into {@code area}, at the largest scale at which it fits. A body that prints exactly what an
     * earlier one printed (same texts, fonts and sizes, in the same order: most letters of a night share their
     * expiry dates and variant) is not laid out again: its content stream is copied. One made of the same
     * {@code inputs} as a kept one is not even built (see {@link #bodies}).
     */
    private void fill(PdfContentByte cb, Rectangle area, Body body, Object inputs, NoticeLetter letter,
                      String where) throws DocumentException {
        BodyReuse reuse = shared == null ? null : new BodyReuse(area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), inputs);
        KeptBody kept = reuse == null ? null : bodies.get(reuse);
        if (kept != null && reuses.incrementAndGet() % checkEvery != 0) {
            cb.getInternalBuffer().append(kept.content());
            return;
        }
        LayoutKey key = null;
        float start = BODY_SCALES[0];
        for (float scale : BODY_SCALES) {
            if (scale > start) {
                continue;
            }
            // What the body prints is recorded at the first scale tried: the key of its laid-out content.
            boolean first = key == null && shared != null;
            if (first) {
                key = new LayoutKey(area);
            }
            Styles styles = new Styles(fonts, scale);
            List<Element> elements = recording(first ? key : null, () -> body.build(styles));
            if (key != null && key.reusable && scale == BODY_SCALES[0]) {
                byte[] known = layouts.get(key);
                if (known != null) {
                    keep(reuse, kept, key, known, letter);
                    cb.getInternalBuffer().append(known);
                    return;
                }
                Float fitted = fittingScales.get(key.shape());
                if (fitted != null && fitted < scale) {
                    start = fitted;
                    continue;
                }
            }
            // Laid out on a scratch canvas, kept only if it fits.
            PdfContentByte scratch = cb.getDuplicate();
            ColumnText ct = column(scratch, area, elements);
            if (!ColumnText.hasMoreText(ct.go())) {
                if (key != null && (key.reusable || kept != null)) {
                    byte[] content = scratch.getInternalBuffer().toByteArray();
                    if (key.reusable && layouts.size() < MAX_LAYOUTS) {
                        layouts.putIfAbsent(key, content);
                        fittingScales.put(key.shape(), scale);
                    }
                    keep(reuse, kept, key, content, letter);
                }
                cb.add(scratch);
                return;
            }
        }
        throw new IllegalStateException("the text of " + where + " of " + letter + " does not fit the page; "
                + "shorten the configured office hours or notes");
    }

    /**
     * Keeps a laid-out body under its inputs; when it was built to check a reuse ({@code kept} not null), fails
     * unless it prints exactly what the kept one printed.
     */
    private void keep(BodyReuse reuse, KeptBody kept, LayoutKey key, byte[] content, NoticeLetter letter) {
        if (kept != null) {
            if (!key.reusable || !kept.printed().equals(key.text())) {
                throw new IllegalStateException("page 1 of " + letter + " prints otherwise than the kept body of "
                        + "the same inputs: LetterText.BodyInputs misses something the body prints");
            }
            return;
        }
        if (reuse != null && bodies.size() < MAX_LAYOUTS) {
            bodies.putIfAbsent(reuse, new KeptBody(content, key.text()));
        }
    }

    /** Where a body is laid out and what it is made of: the key of {@link #bodies}. */
    private record BodyReuse(float left, float bottom, float right, float top, Object inputs) {
    }

    private record KeptBody(byte[] content, String printed) {
    }

    /** Checks every reuse of a kept body, not a sample (tests). */
    void checkEveryReuse() {
        checkEvery = 1;
    }

    /** Bodies found by their inputs so far (tests). */
    long bodyReuses() {
        return reuses.get();
    }

    /**
     * Writes the shared subsets right after the output intent instead of at the end: every letter of the run then
     * starts with the same bytes (header, profile, fonts: some 80 KB), whose SHA-256 state the manifest's and the
     * self-check's digests compute once ({@code job.PrefixDigest}).
     */
    private void writeSharedFontsAhead(PdfWriter writer) throws DocumentException, IOException {
        if (shared == null) {
            return;
        }
        for (BaseFont face : List.of(fonts.regular(), fonts.bold())) {
            if (shared.subsetOf(face) instanceof PrebuiltSubsetFont subset) {
                subset.writeAhead(writer);
            }
        }
    }

    /**
     * Makes the shared subsets the document's first fonts, so that their resource names (/F1, /F2) are the same
     * in every letter and a reused content stream ({@link #fill}) names the right fonts.
     */
    private void nameSharedFonts(PdfContentByte cb) {
        if (shared == null) {
            return;
        }
        PdfContentByte names = cb.getDuplicate();
        names.setFontAndSize(shared.subsetOf(fonts.regular()), 1);
        names.setFontAndSize(shared.subsetOf(fonts.bold()), 1);
    }

    /**
     * What a body prints: every text with its font and size, in order, at full size in one place. Not reusable when
     * any of it needs a font other than the shared subsets (a resident's own characters).
     */
    private static final class LayoutKey {
        private final StringBuilder printed = new StringBuilder(4096);
        private boolean reusable = true;
        private String text;

        /** What the body prints at full size (scale 1) in {@code area}; the layout kept is the one that fitted. */
        LayoutKey(Rectangle area) {
            printed.append(area.getLeft()).append(',').append(area.getBottom()).append(',').append(area.getRight())
                    .append(',').append(area.getTop());
        }

        void add(String content, Font font, boolean sharedOnly) {
            printed.append('\u0000').append(System.identityHashCode(font.getBaseFont())).append('/')
                    .append(font.getSize()).append('/').append(font.getStyle()).append('/').append(content);
            reusable &= sharedOnly;
        }

        void add(String mark) {
            printed.append('\u0001').append(mark);
        }

        private String text() {
            if (text == null) {
                text = printed.toString();
            }
            return text;
        }

        /** The key with every digit as 0: bodies of one shape differ only in their dates. */
        String shape() {
            return text().replaceAll("[0-9]", "0");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LayoutKey other && text().equals(other.text());
        }

        @Override
        public int hashCode() {
            return text().hashCode();
        }
    }

    private static ColumnText column(PdfContentByte cb, Rectangle area, List<Element> elements) {
        ColumnText ct = new ColumnText(cb);
        ct.setSimpleColumn(area.getLeft(), area.getBottom(), area.getRight(), area.getTop());
        ct.setUseAscender(true);
        elements.forEach(ct::addElement);
        return ct;
    }

    /** Font sizes at one scale. */
    private static final class Styles {
        final float scale;
        final Font body;
        final Font bodyBold;
        final Font small;
        final Font smallBold;
        final Font heading;
        final Font table;
        final Font tableBold;
        final Font emphasis;
        final Font title;
        final Font form;

        Styles(LetterFonts fonts, float scale) {
            this.scale = scale;
            body = new Font(fonts.regular(), 10f * scale);
            bodyBold = new Font(fonts.bold(), 10f * scale);
            small = new Font(fonts.regular(), 8.2f * scale);
            smallBold = new Font(fonts.bold(), 8.2f * scale);
            heading = new Font(fonts.bold(), 11f * scale);
            table = new Font(fonts.regular(), 9.3f * scale);
            tableBold = new Font(fonts.bold(), 9.3f * scale);
            emphasis = new Font(fonts.bold(), 11f * scale);
            title = new Font(fonts.bold(), 16f * scale);
            form = new Font(fonts.regular(), 11f * scale);
        }

        float lead(Font f) {
            return f.getSize() * 1.45f;
        }

        float gap(float millimetres) {
            return mm(millimetres) * scale;
        }
    }

    private Paragraph heading(Styles s, String text) {
        Paragraph p = para(s.lead(s.heading), "■ " + text, s.heading);
        p.setSpacingBefore(s.gap(3));
        p.setSpacingAfter(s.gap(1));
        p.setKeepTogether(true);
        return p;
    }

    private Paragraph paragraph(Styles s, String text, Font font, float before, float after) {
        Paragraph p = para(s.lead(font), text, font);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    /** A paragraph whose first character (・ or ※) hangs: continuation lines align with the text after it. */
    private Paragraph note(Styles s, String text, Font font) {
        Paragraph p = para(s.lead(font) * 0.95f, text, font);
        hang(p, font.getSize());
        return p;
    }

    private static void hang(Paragraph p, float indent) {
        p.setIndentationLeft(indent);
        p.setFirstLineIndent(-indent);
    }

    private PdfPCell bulletCell(Styles s, List<String> items) {
        PdfPCell c = cell(s, s.table);
        for (String item : items) {
            c.addElement(note(s, "・" + item, s.table));
        }
        return c;
    }

    private PdfPCell cell(Styles s, Font font, String... lines) {
        return cell(s, font, Element.ALIGN_LEFT, lines);
    }

    private PdfPCell centered(Styles s, Font font, String... lines) {
        PdfPCell c = cell(s, font, Element.ALIGN_CENTER, lines);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    private PdfPCell cell(Styles s, Font font, int alignment, String... lines) {
        PdfPCell c = new PdfPCell();
        c.setBorderWidth(0.6f);
        c.setPaddingLeft(s.gap(1.5f));
        c.setPaddingRight(s.gap(1.5f));
        c.setPaddingTop(s.gap(1.2f));
        c.setPaddingBottom(s.gap(1.4f));
        c.setUseAscender(true);
        c.setUseDescender(true);
        for (String line : lines) {
            Paragraph p = para(s.lead(font) * 0.95f, line, font);
            p.setAlignment(alignment);
            c.addElement(p);
        }
        return c;
    }

    private PdfPCell blank(Styles s) {
        return cell(s, s.form);
    }

    private PdfPCell blank(Styles s, float minHeight) {
        PdfPCell c = cell(s, s.form);
        c.setMinimumHeight(minHeight);
        return c;
    }

    private Paragraph para(float leading, String text, Font font) {
        LayoutKey key = building.get();
        if (key != null) {
            key.add("P" + leading);
        }
        Paragraph p = new Paragraph(leading);
        p.setFont(font);
        append(p, text, font);
        return p;
    }

    /** Adds {@code text} in {@code font}, one chunk per run of one font (see {@link #runs}). */
    private void append(Phrase phrase, String text, Font font) {
        List<Run> runs = runs(text, font.getBaseFont());
        LayoutKey key = building.get();
        if (key != null) {
            key.add(text, font, runs.stream().allMatch(r -> r.font() != font.getBaseFont()
                    && r.font() != residentFont.get()));
        }
        for (Run run : runs) {
            Font runFont = run.font() == font.getBaseFont() ? font
                    : new Font(run.font(), font.getSize(), font.getStyle(), font.getColor());
            Chunk c = new Chunk(run.text(), runFont);
            c.setSplitCharacter(JapaneseLineBreak.INSTANCE);
            phrase.add(c);
        }
    }

    private record Run(String text, BaseFont font) {
    }

    /**
     * Splits {@code text} into runs by the font that draws them: the shared subset of {@code font} (embedded ready-made)
     * for every character it has, the font itself (subset per letter) for the rest. Both have the same glyphs and
     * metrics, so the printed letter is the same either way.
     */
    private List<Run> runs(String text, BaseFont font) {
        if (drawn != null) {
            drawn.accept(text, font);
        }
        BaseFont subset = shared == null ? null : shared.subsetOf(font);
        if (subset == null) {
            return List.of(new Run(text, font));
        }
        BaseFont own = font == fonts.regular() ? residentFont.get() : null;
        List<Run> runs = new ArrayList<>(1);
        int start = 0;
        BaseFont current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            BaseFont drawing = shared.draws(subset, cp) ? subset : own != null && own.charExists(cp) ? own : font;
            if (i > start && drawing != current) {
                runs.add(new Run(text.substring(start, i), current));
                start = i;
            }
            current = drawing;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), current));
        }
        return runs;
    }

    // --- single lines ---------------------------------------------------------------------------------------------

    private record Line(String text, BaseFont font, float size, float gapBefore) {
    }

    private static float height(List<Line> lines) {
        float h = 0;
        for (Line line : lines) {
            h += line.gapBefore() + ascent(line.font(), line.size()) - descent(line.font(), line.size())
                    + line.size() * 0.18f;
        }
        return h - lines.getLast().size() * 0.18f;
    }

    /** Breaks {@code text} into lines no wider than {@code width}, at a space when possible, never inside a pair. */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (font.getWidthPoint(rest, size) <= width) {
                lines.add(rest);
                break;
            }
            int end = 0;
            int lastSpace = -1;
            int i = 0;
            while (i < rest.length()) {
                int next = i + Character.charCount(rest.codePointAt(i));
                if (font.getWidthPoint(rest.substring(0, next), size) > width) {
                    break;
                }
                if (Character.isWhitespace(rest.codePointAt(i)) && i > 0) {
                    lastSpace = i;
                }
                end = next;
                i = next;
            }
            if (end == 0) {
                end = Character.charCount(rest.codePointAt(0));
            }
            // 行頭禁則: pull the character before a closing mark onto the next line with it.
            while (end > 1 && end < rest.length() && JapaneseLineBreak.noStart(rest.charAt(end))) {
                end -= Character.isLowSurrogate(rest.charAt(end - 1)) ? 2 : 1;
            }
            int cut = lastSpace > 0 && isLatin(rest.codePointAt(end - 1)) && end < rest.length()
                    && isLatin(rest.codePointAt(end)) ? lastSpace : end;
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return lines;
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }

    private void show(PdfContentByte cb, String text, BaseFont font, float size, float x, float baseline) {
        List<Run> runs = runs(text, font);
        LayoutKey key = building.get();
        if (key != null) {
            key.add(text, new Font(font, size), runs.stream().allMatch(r -> r.font() != font
                    && r.font() != residentFont.get()));
        }
        cb.beginText();
        cb.setTextMatrix(x, baseline);
        for (Run run : runs) {
            cb.setFontAndSize(run.font(), size);
            cb.showText(run.text());
        }
        cb.endText();
    }

    private void showCentered(PdfContentByte cb, String text, BaseFont font, float size, float baseline) {
        float width = font.getWidthPoint(text, size);
        show(cb, text, font, size, (PAGE.getWidth() - width) / 2, baseline);
    }

    /**
     * One right-aligned line whose top is at {@code top}, shrunk to {@code maxWidth} if needed. Returns its bottom.
     */
    private float showRight(PdfContentByte cb, String text, BaseFont font, float size, float top,
                                   float maxWidth) {
        float fitted = Math.min(size, size * maxWidth / Math.max(1f, font.getWidthPoint(text, size)));
        float baseline = top - ascent(font, fitted);
        show(cb, text, font, fitted, TEXT_RIGHT - font.getWidthPoint(text, fitted), baseline);
        return baseline + descent(font, fitted);
    }

    static float ascent(BaseFont font, float size) {
        return font.getFontDescriptor(BaseFont.ASCENT, size);
    }

    /** Negative: below the baseline. */
    static float descent(BaseFont font, float size) {
        return font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    static float mm(double millimetres) {
        return (float) millimetres * PT_PER_MM;
    }
}
