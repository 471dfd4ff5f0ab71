package org.openpdf.text.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;

/**
 * {@link PdfCopy} that writes a stream once when the documents copied hold identical streams (same dictionary, same
 * bytes), as {@link PdfSmartCopy} does — but decides identity by comparing the bytes (a vectorised compare and hash)
 * instead of an MD5 digest of every stream of every document. Print bundles copy hundreds of letters that each embed
 * the same ~100 KB of shared font programs: the digests were a third of the time of writing a bundle.
 *
 * <p>Why this class is in OpenPDF's package: {@link PdfCopy#copyIndirect} works with package-private state (its map
 * of copied references); this class changes nothing but how an identical stream is recognised. A stream whose
 * dictionary refers to other objects is copied as {@link PdfCopy} does (our letters have none).
 *
 * <p>The first copy of every distinct stream is kept in memory until the document is closed (for the comparison):
 * a few megabytes for a bundle of 500 letters.
 */
public class IdenticalStreamCopy extends PdfCopy {

    private final Map<StreamKey, PdfIndirectReference> streams = new HashMap<>();

    public IdenticalStreamCopy(Document document, OutputStream os) throws DocumentException {
        super(document, os);
    }

    /** A stream as it is stored: its dictionary (in a canonical form) and its raw, still encoded bytes. */
    private record StreamKey(String dictionary, byte[] bytes, int hash) {

        static StreamKey of(PRStream stream) throws IOException {
            StringBuilder dictionary = new StringBuilder(64);
            if (!canonical(stream, dictionary)) {
                return null;
            }
            String text = dictionary.toString();
            byte[] bytes = PdfReader.getStreamBytesRaw(stream);
            return new StreamKey(text, bytes, 31 * text.hashCode() + Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StreamKey k && hash == k.hash && dictionary.equals(k.dictionary)
                    && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "StreamKey[" + dictionary + ", " + bytes.length + " bytes]";
        }
    }

    /** Appends a canonical text of a direct object; false when it refers to another object. */
    private static boolean canonical(PdfObject object, StringBuilder out) {
        if (object == null) {
            out.append("null");
            return true;
        }
        if (object.isIndirect()) {
            return false;
        }
        if (object.isDictionary() || object.isStream()) {
            PdfDictionary dictionary = (PdfDictionary) object;
            List<PdfName> keys = new ArrayList<>(dictionary.getKeys());
            keys.sort(null);
            out.append("<<");
            for (PdfName key : keys) {
                out.append(key).append(' ');
                if (!canonical(dictionary.get(key), out)) {
                    return false;
                }
                out.append(' ');
            }
            out.append(">>");
            return true;
        }
        if (object.isArray()) {
            out.append('[');
            for (PdfObject element : ((PdfArray) object).getElements()) {
                if (!canonical(element, out)) {
                    return false;
                }
                out.append(' ');
            }
            out.append(']');
            return true;
        }
        if (object.isString()) {
            // Strings by their bytes: toString() of a string in another encoding could make two alike.
            out.append('(').append(Arrays.toString(((PdfString) object).getBytes())).append(')');
            return true;
        }
        out.append(object.type()).append(':').append(object);
        return true;
    }

    /** As {@link PdfSmartCopy#copyIndirect}, with {@link StreamKey} for its digest of each stream. */
    @Override
    protected PdfIndirectReference copyIndirect(PRIndirectReference in) throws IOException, BadPdfFormatException {
        PdfObject source = PdfReader.getPdfObjectRelease(in);
        if (source == null) {
            return null;
        }
        StreamKey streamKey = source.isStream() ? StreamKey.of((PRStream) source) : null;
        if (streamKey != null) {
            PdfIndirectReference known = streams.get(streamKey);
            if (known != null) {
                return known;
            }
        }
        RefKey key = new RefKey(in);
        IndirectReferences references = indirects.get(key);
        PdfIndirectReference ref;
        if (references != null) {
            ref = references.getRef();
            if (references.getCopied()) {
                return ref;
            }
        } else {
            ref = body.getPdfIndirectReference();
            references = new IndirectReferences(ref);
            indirects.put(key, references);
        }
        if (source.isDictionary()
                && PdfName.PAGE.equals(PdfReader.getPdfObjectRelease(((PdfDictionary) source).get(PdfName.TYPE)))) {
            return ref;
        }
        references.setCopied();
        if (streamKey != null) {
            streams.put(streamKey, ref);
        }
        addToBody(copyObject(source), ref);
        return ref;
    }
}
