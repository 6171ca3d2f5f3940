package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpkeepTest {
    @Test
    void start_roundFailsOnce_laterRoundsStillRun() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch afterFailure = new CountDownLatch(3);
        Upkeep upkeep = Upkeep.start("upkeep-test", Duration.ofMillis(5), "test work", "nothing", () -> {
            if (rounds.incrementAndGet() == 2) {
                throw new SQLException("the second round fails");
            }
            if (rounds.get() > 2) {
                afterFailure.countDown();
            }
        });
        try {
            assertThat(afterFailure.await(5, TimeUnit.SECONDS))
                    .as("rounds after the failed one")
                    .isTrue();
        } finally {
            upkeep.close();
        }
    }

    @Test
    void close_stopsTheRounds() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        Upkeep upkeep =
                Upkeep.start("upkeep-test", Duration.ofMillis(5), "test work", "nothing", rounds::incrementAndGet);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (rounds.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        upkeep.close();
        int atClose = rounds.get();
        Thread.sleep(50);

        assertThat(atClose).isPositive();
        assertThat(rounds.get()).isEqualTo(atClose);
    }
}
