package org.parley.node.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private static NodeEvents.Published event(long n) {
        return new NodeEvents.Published(n, NodeEvents.Topic.MESSAGE, "{\"id\":\"" + n + "\"}");
    }

    @Test
    void next_eventsWithinCapacity_arriveInOrder() throws InterruptedException {
        List<Subscription> closed = new ArrayList<>();
        Subscription s = new Subscription(3, closed::add);
        s.offer(event(1));
        s.offer(event(2));
        s.offer(event(3));

        assertThat(s.next(Duration.ZERO)).hasValue(event(1));
        assertThat(s.next(Duration.ZERO)).hasValue(event(2));
        assertThat(s.next(Duration.ZERO)).hasValue(event(3));
        assertThat(s.next(Duration.ofMillis(10)))
                .as("nothing more: a heartbeat is due")
                .isEmpty();
        assertThat(s.dropped()).isFalse();
        assertThat(closed).isEmpty();
    }

    @Test
    void offer_readerFallsBehindByMoreThanCapacity_isDroppedWithoutBlockingThePublisher() {
        List<Subscription> closed = new ArrayList<>();
        Subscription s = new Subscription(2, closed::add);
        long start = System.nanoTime();
        for (int i = 1; i <= 10_000; i++) {
            s.offer(event(i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        assertThat(s.dropped()).isTrue();
        assertThat(closed).containsExactly(s);
        assertThatThrownBy(() -> s.next(Duration.ofSeconds(5)))
                .isInstanceOf(Subscription.Dropped.class)
                .hasMessageContaining("fell behind");
    }

    @Test
    void close_readerWaiting_wakesAtOnce() throws Exception {
        Subscription s = new Subscription(4, x -> {});
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                s.next(Duration.ofMinutes(1));
                return new AssertionError("next returned instead of ending");
            } catch (Subscription.Dropped | InterruptedException e) {
                return e;
            }
        });
        Thread.sleep(50);
        long start = System.nanoTime();
        s.close();

        assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(Subscription.Dropped.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(s.dropped()).as("closed, not dropped").isFalse();
    }

    @Test
    void published_multiLineData_isRefused() {
        assertThatThrownBy(() -> new NodeEvents.Published(1, NodeEvents.Topic.ALARM, "{\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line");
    }
}
