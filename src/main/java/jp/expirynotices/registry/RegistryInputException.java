package jp.expirynotices.registry;

/**
 * The registry file as a whole cannot be used (unreadable, wrong encoding, broken CSV, missing columns): the run
 * stops with exit code 2. The message names the file, line and column, never a field's value.
 */
public class RegistryInputException extends RuntimeException {

    public RegistryInputException(String message) {
        super(message);
    }

    public RegistryInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
