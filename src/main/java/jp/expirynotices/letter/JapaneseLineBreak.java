package jp.expirynotices.letter;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Line breaking for Japanese text: a line may break after any kana or kanji, as OpenPDF does by default, but with
 * simple 禁則処理 — no line starts with closing punctuation (、。）」 small kana …) and none ends with an opening
 * bracket — and never inside a surrogate pair, a number or a hyphenated phone number.
 */
final class JapaneseLineBreak extends DefaultSplitCharacter {

    static final JapaneseLineBreak INSTANCE = new JapaneseLineBreak();

    /** Characters that must not start a line (行頭禁則). */
    private static final String NO_START = "、。，．・：；？！）］｝〕〉》」』】〙〗〟’”ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～?!)]},.:;%％";
    /** Characters that must not end a line (行末禁則). */
    private static final String NO_END = "（［｛〔〈《「『【〘〖〝‘“([{〒";

    private JapaneseLineBreak() {
    }

    /** True for characters that must not start a line. */
    static boolean noStart(char c) {
        return NO_START.indexOf(c) >= 0;
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        if (Character.isHighSurrogate(c)) {
            return false;
        }
        if (current + 1 < end) {
            char next = getCurrentCharacter(current + 1, cc, ck);
            if (NO_START.indexOf(next) >= 0) {
                return false;
            }
        }
        if (NO_END.indexOf(c) >= 0) {
            return false;
        }
        if (c == '-' || c == '\u2010') {
            return false;
        }
        if (Character.isLowSurrogate(c)) {
            return true;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
