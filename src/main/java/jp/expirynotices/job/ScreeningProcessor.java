package jp.expirynotices.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import jp.expirynotices.registry.RawRecord;

/** Spring Batch face of {@link Screener}: never filters, so every row is counted. */
public class ScreeningProcessor implements ItemProcessor<RawRecord, Screening> {

    private final Screener screener;
    private final RegistryItemReader reader;

    public ScreeningProcessor(Screener screener, RegistryItemReader reader) {
        this.screener = screener;
        this.reader = reader;
    }

    @Override
    public Screening process(RawRecord record) {
        return screener.screen(record, reader.header());
    }
}
