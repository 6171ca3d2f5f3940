package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Turns at SQLite's one connection (issue 20): the safety lane's waiter goes before bulk waiters. */
class TurnsTest {

    @Test
    void leave_bulkAndSafetyWaiting_safetyGoesFirst() throws Exception {
        Turns turns = Turns.serial();
        List<String> order = new CopyOnWriteArrayList<>();
        assertThat(turns.enter(false)).isTrue(); // a bulk transaction in progress
        Thread bulk1 = waiter(turns, false, "bulk1", order);
        awaitWaiting(bulk1);
        Thread bulk2 = waiter(turns, false, "bulk2", order);
        awaitWaiting(bulk2);
        Thread safety = waiter(turns, true, "safety", order);
        awaitWaiting(safety);

        turns.leave();
        for (Thread t : List.of(bulk1, bulk2, safety)) {
            t.join(Duration.ofSeconds(10));
        }

        assertThat(order).hasSize(3);
        assertThat(order.get(0)).isEqualTo("safety");
    }

    @Test
    void enter_holderEntersAgain_takesNoSecondTurn() {
        Turns turns = Turns.serial();
        assertThat(turns.enter(true)).isTrue();
        assertThat(turns.enter(false))
                .as("nested: the pool decides, as before turns")
                .isFalse();
        turns.leave();
        assertThat(Turns.NONE.enter(true)).isFalse();
    }

    @Test
    @SuppressWarnings("ThreadPriorityCheck") // priorities are what is tested
    void enter_safetyWaitsForLowPriorityHolder_holderRunsAtWaitersPriorityUntilItLeaves() throws Exception {
        Turns turns = Turns.serial();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayLeave = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger afterLeaving = new java.util.concurrent.atomic.AtomicInteger();
        Thread holder = Thread.ofPlatform().name("bulk-holder").unstarted(() -> {
            turns.enter(false);
            entered.countDown();
            try {
                mayLeave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            turns.leave();
            afterLeaving.set(Thread.currentThread().getPriority());
        });
        holder.setPriority(Thread.MIN_PRIORITY);
        holder.start();
        entered.await();
        List<String> order = new CopyOnWriteArrayList<>();
        Thread safety = Thread.ofPlatform().name("safety").unstarted(() -> {
            turns.enter(true);
            order.add("safety");
            turns.leave();
        });
        safety.setPriority(Thread.MAX_PRIORITY);
        safety.start();
        awaitWaiting(safety);

        assertThat(holder.getPriority()).as("lent while the FLASH waits").isEqualTo(Thread.MAX_PRIORITY);

        mayLeave.countDown();
        holder.join(Duration.ofSeconds(10));
        safety.join(Duration.ofSeconds(10));
        assertThat(afterLeaving.get()).as("its own again once it left").isEqualTo(Thread.MIN_PRIORITY);
        assertThat(order).containsExactly("safety");
    }

    private static Thread waiter(Turns turns, boolean safety, String name, List<String> order) {
        return Thread.ofPlatform().name(name).start(() -> {
            turns.enter(safety);
            order.add(name);
            turns.leave();
        });
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
    }
}
