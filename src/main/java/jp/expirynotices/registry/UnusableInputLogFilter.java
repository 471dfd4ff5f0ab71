package jp.expirynotices.registry;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps stack traces of an unusable registry off the operator's screen. When the select step finds the file unusable
 * part-way through (bytes that do not decode, an unbalanced quote, every row rejected), Spring Batch logs the
 * {@link RegistryInputException} with its stack trace, twice; the run then ends with exit code 2 and one
 * {@code ERROR} line that says which file and line (interfaces.md §4). This filter drops those framework events:
 * events of other loggers than ours that carry a {@link RegistryInputException}, and Spring Batch's
 * "Chunk write failed with an exception that cannot be skipped", which never says more than the events that
 * follow it (the exception itself, the failed step, and our one line). Registered in {@code logback-spring.xml}.
 */
public final class UnusableInputLogFilter extends TurboFilter {

    static final String CHUNK_WRITE_FAILED = "Chunk write failed with an exception that cannot be skipped";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger == null || logger.getName().startsWith("jp.expirynotices.")) {
            return FilterReply.NEUTRAL;
        }
        if (CHUNK_WRITE_FAILED.equals(format) && logger.getName().startsWith("org.springframework.batch.")) {
            return FilterReply.DENY;
        }
        Throwable cause = t;
        if (cause == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            cause = last;
        }
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof RegistryInputException) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
