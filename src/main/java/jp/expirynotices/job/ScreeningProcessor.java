package jp.expirynotices.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.expirynotices.registry.RawRecord;
import jp.expirynotices.registry.RegistryHeader;

/**
 * Spring Batch face of {@link Screener}: never filters, so every row is counted. The ledger is applied per chunk by
 * {@link SelectionWriter}.
 */
public class ScreeningProcessor implements ItemProcessor<RawRecord, Screening> {

    private final Screener screener;
    private final RegistryItemReader reader;
    private RegistryHeader header;

    public ScreeningProcessor(Screener screener, RegistryItemReader reader) {
        this.screener = screener;
        this.reader = reader;
    }

    @Override
    public Screening process(RawRecord record) {
        if (header == null) {
            // Once per step, not per row: the reader is a step-scoped proxy, each call a scope look-up.
            header = reader.header();
        }
        return screener.screenBeforeLedger(record, header);
    }
}
