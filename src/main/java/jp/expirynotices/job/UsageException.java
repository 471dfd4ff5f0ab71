package jp.expirynotices.job;

/** The command line or its input cannot be used: exit code 2 with this one-line message. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
