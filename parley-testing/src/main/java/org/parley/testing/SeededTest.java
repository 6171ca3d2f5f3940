package org.parley.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property over seeded generators: the method runs {@link #tries()} times, each time with a fresh
 * {@link java.util.SplittableRandom} parameter made from a seed of its own.
 *
 * <p>The seed is in each run's display name and, when a run fails, in the failure message together
 * with the flag that replays it: {@code -Dparley.seed=<seed>} runs only that seed instead of the
 * tries (combine it with {@code -Dtest=Class#method}). Without the flag every build draws new seeds,
 * so the same property explores more inputs over time and a failure is never lost: its message
 * carries what is needed to rerun it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(SeededInvocations.class)
public @interface SeededTest {
    /** How many seeds (each an independent run of the method) to try. */
    int tries() default 1000;
}
