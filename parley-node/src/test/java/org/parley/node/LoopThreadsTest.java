package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LoopThreadsTest {
    @Test
    void stop_loopThatEndsOnInterrupt_returnsWithTheLoopEnded() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Thread loop = Thread.ofVirtual().start(() -> {
            running.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(Duration.ofMillis(200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        running.await();

        LoopThreads.stop(loop);

        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void stop_loopThatIgnoresInterrupt_givesUpAfterFiveSeconds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread loop = Thread.ofVirtual().start(() -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // a stuck loop: swallows the interrupt and goes on waiting
                }
            }
        });
        long start = System.nanoTime();

        LoopThreads.stop(loop);

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        boolean stillRunning = loop.isAlive();
        release.countDown();
        assertThat(stillRunning).isTrue();
        assertThat(waited).isBetween(Duration.ofMillis(4_900), Duration.ofSeconds(15));
    }

    @Test
    void stop_closerAlreadyInterrupted_returnsAtOnceKeepingItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread loop = Thread.ofVirtual().start(() -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignores the interrupt, so only the closer's own interrupt ends the wait
                }
            }
        });
        long start = System.nanoTime();
        Thread.currentThread().interrupt();

        LoopThreads.stop(loop);

        boolean interrupted = Thread.interrupted();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        release.countDown();
        assertThat(interrupted).isTrue();
        assertThat(waited).isLessThan(Duration.ofSeconds(2));
    }
}
