package jp.expirynotices.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryHeader;
import jp.expirynotices.registry.RegistryReader;

/**
 * Spring Batch face of {@link RegistryReader}. Keeps no restart position on purpose: a failed select step starts
 * again from the first row (it is fast, and the staged rows are cleared first).
 */
public class RegistryItemReader implements ItemStreamReader<RawRecord>, SelectionWriter.Source {

    private final Path input;
    private final Charset charset;
    private RegistryReader reader;
    private boolean exhausted;

    public RegistryItemReader(Path input, Charset charset) {
        this.input = input;
        this.charset = charset;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        reader = RegistryReader.open(input, charset, true);
        exhausted = false;
    }

    @Override
    public RawRecord read() {
        RawRecord record = reader.next();
        if (record == null) {
            exhausted = true;
        }
        return record;
    }

    /** The registry file, as given on the command line. */
    @Override
    public Path input() {
        return input;
    }

    public RegistryHeader header() {
        return reader.header();
    }

    /** True once the end of the file was read: the chunk being written is the last. */
    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long blankLines() {
        return reader == null ? 0 : reader.blankLines();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
