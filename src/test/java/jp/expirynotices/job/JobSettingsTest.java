package jp.expirynotices.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.expirynotices.expiry.LeapDayPolicy;

class JobSettingsTest {

    private static JobSettings withChunkSize(int chunkSize) {
        return new JobSettings("in.csv", "out", "UTF-8", 3, LeapDayPolicy.FEB_28, chunkSize, 500, -1,
                Duration.ofSeconds(5), 1, "");
    }

    @Test
    void theSelectStepTakes32BatchesAChunkButNeverMoreThan16000Rows() {
        assertThat(withChunkSize(500).selectBatchesPerChunk()).isEqualTo(32);   // the default: 16 000 rows
        assertThat(withChunkSize(5).selectBatchesPerChunk()).isEqualTo(32);     // 160 rows
        assertThat(withChunkSize(1000).selectBatchesPerChunk()).isEqualTo(16);  // 16 000 rows
        assertThat(withChunkSize(5000).selectBatchesPerChunk()).isEqualTo(3);   // 15 000 rows
        assertThat(withChunkSize(100_000).selectBatchesPerChunk()).isEqualTo(1); // one batch, however large
        assertThat(withChunkSize(500).sequencePage()).isEqualTo(2000);
    }
}
