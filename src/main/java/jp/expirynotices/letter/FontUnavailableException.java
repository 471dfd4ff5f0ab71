package jp.expirynotices.letter;

/**
 * No usable Japanese TrueType font: the configured file is missing, unreadable or CFF-based, or nothing was found
 * in the standard font folders. The message names the setting to fix and the package to install.
 */
public class FontUnavailableException extends RuntimeException {

    public FontUnavailableException(String message) {
        super(message);
    }

    public FontUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
