package jp.expirynotices.job;

import java.util.Optional;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Keeps the text of the run's log (messages and exception messages, as the operator sees them) so that the job can
 * check it for personal data before it calls the run complete ({@link PersonalDataScan}). Registered in
 * {@code logback-spring.xml} as {@value #NAME}; bounded, because a log is not where the night's volume belongs.
 */
public class LogCapture extends AppenderBase<ILoggingEvent> {

    public static final String NAME = "PRIVACY_SCAN";
    /** At most this many characters are kept (a normal night logs a few hundred lines). */
    static final int MAX_CHARS = 2 * 1024 * 1024;

    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    /** The capture of this process's log, when logging is configured with it. */
    public static Optional<LogCapture> current() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(NAME) instanceof LogCapture capture) {
            return Optional.of(capture);
        }
        return Optional.empty();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (truncated) {
            return;
        }
        text.append(event.getFormattedMessage()).append('\n');
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
        }
        if (text.length() > MAX_CHARS) {
            text.setLength(MAX_CHARS);
            truncated = true;
        }
    }

    /** Everything logged so far (up to {@link #MAX_CHARS}). */
    public synchronized String text() {
        return text.toString();
    }
}
