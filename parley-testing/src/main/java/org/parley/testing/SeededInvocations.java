package org.parley.testing;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

/** Turns one {@link SeededTest} method into one invocation per seed. */
final class SeededInvocations implements TestTemplateInvocationContextProvider {
    /** The system property that replays one seed. */
    static final String PROPERTY = "parley.seed";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> method.isAnnotationPresent(SeededTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        // supportsTestTemplate admitted only methods that carry the annotation.
        int tries =
                Objects.requireNonNull(method.getAnnotation(SeededTest.class)).tries();
        if (tries < 1) {
            throw new IllegalArgumentException("@SeededTest tries must be >= 1: " + tries + " on " + method);
        }
        String where = method.getDeclaringClass().getName() + "#" + method.getName();
        return seeds(tries, where).mapToObj(seed -> new Invocation(seed, where));
    }

    /** The value of {@link #PROPERTY} that asks for new seeds on every run (exploring, not CI). */
    static final String RANDOM = "random";

    /**
     * The seeds of one property. By default they are fixed per test method (drawn from a generator
     * seeded by the method's name): a build is repeatable, and a failure in CI fails the same way on
     * every machine. {@code -Dparley.seed=random} draws new seeds to explore; {@code -Dparley.seed=N}
     * replays one.
     */
    static LongStream seeds(int tries, String where) {
        String value = System.getProperty(PROPERTY, "").strip();
        if (RANDOM.equals(value)) {
            return new SplittableRandom().longs(tries);
        }
        Optional<Long> replay = replaySeed(value);
        if (replay.isPresent()) {
            return LongStream.of(replay.get());
        }
        return new SplittableRandom(where.hashCode() * 0x9E3779B97F4A7C15L).longs(tries);
    }

    private static Optional<Long> replaySeed(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + " must be a whole number (a seed from a failure message) or random: " + value, e);
        }
    }

    /** One run: resolves the {@code SplittableRandom} parameter and names the seed when it fails. */
    record Invocation(long seed, String where)
            implements TestTemplateInvocationContext, ParameterResolver, TestExecutionExceptionHandler {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + invocationIndex + "] seed " + seed;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SplittableRandom.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new SplittableRandom(seed);
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            if (thrown instanceof TestAbortedException) {
                throw thrown;
            }
            throw new AssertionError(
                    "Property failed for seed " + seed + "; replay it with -D" + PROPERTY + "=" + seed + " -Dtest="
                            + where + "\n" + thrown,
                    thrown);
        }
    }
}
