package jp.expirynotices.letter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text objects ({@code BT} … {@code ET}, ISO 32000-1, 9.4) of a content stream as OpenPDF writes it: each
 * operator on a line of its own, and no line end inside a string (OpenPDF writes {@code \n} and {@code \r} in a
 * string as escapes). Used to take a laid-out part apart into what is the same in every letter and the lines that
 * are the resident's ({@code LetterRenderer.residentPart}).
 */
final class TextObjects {

    /** Where a text object is in its content: from its {@code BT} line to after its {@code ET} line. */
    record Span(int start, int end) {
    }

    private TextObjects() {
    }

    /** The text objects of {@code content}, in stream order. */
    static List<Span> find(byte[] content) {
        List<Span> spans = new ArrayList<>();
        int open = -1;
        for (int line = 0; line < content.length; ) {
            int end = lineEnd(content, line);
            if (open < 0 && is(content, line, end, "BT")) {
                open = line;
            } else if (open >= 0 && is(content, line, end, "ET")) {
                spans.add(new Span(open, Math.min(end + 1, content.length)));
                open = -1;
            }
            line = end + 1;
        }
        return spans;
    }

    /**
     * {@code content} cut around the text objects {@code cut} (spans of it, in stream order): what comes before the
     * first, between each and the next, and after the last; one piece more than {@code cut}.
     */
    static List<byte[]> around(byte[] content, List<Span> cut) {
        List<byte[]> pieces = new ArrayList<>(cut.size() + 1);
        int from = 0;
        for (Span span : cut) {
            pieces.add(Arrays.copyOfRange(content, from, span.start()));
            from = span.end();
        }
        pieces.add(Arrays.copyOfRange(content, from, content.length));
        return List.copyOf(pieces);
    }

    /**
     * Where the text object {@code span} starts drawing: {x, y} of its first {@code 1 0 0 1 x y Tm} (an unscaled,
     * unrotated text matrix); null when its first operator after {@code BT} is anything else.
     */
    static float[] origin(byte[] content, Span span) {
        int line = lineEnd(content, span.start()) + 1;
        String matrix = new String(content, line, lineEnd(content, line) - line, StandardCharsets.ISO_8859_1);
        String[] operands = matrix.split(" ");
        if (operands.length != 7 || !operands[6].equals("Tm") || !operands[0].equals("1")
                || !operands[1].equals("0") || !operands[2].equals("0") || !operands[3].equals("1")) {
            return null;
        }
        try {
            return new float[] {Float.parseFloat(operands[4]), Float.parseFloat(operands[5])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int lineEnd(byte[] content, int from) {
        int i = from;
        while (i < content.length && content[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Whether the line {@code content[from, end)} is {@code operator} alone. */
    private static boolean is(byte[] content, int from, int end, String operator) {
        if (end - from != operator.length()) {
            return false;
        }
        for (int i = 0; i < operator.length(); i++) {
            if (content[from + i] != operator.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
