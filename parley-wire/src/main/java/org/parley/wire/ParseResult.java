package org.parley.wire;

import java.util.function.Function;

/**
 * The outcome of reading bytes from outside: bad input is data, never an exception (docs/decisions.md,
 * decision 10).
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Rejected {

    /** The value, or an IllegalArgumentException with the rejection reason. For tests and trusted input. */
    T orElseThrow();

    record Parsed<T>(T value) implements ParseResult<T> {
        @Override
        public T orElseThrow() {
            return value;
        }
    }

    /** Why the input was refused, in words an operator can act on. */
    record Rejected<T>(String reason) implements ParseResult<T> {
        @Override
        public T orElseThrow() {
            throw new IllegalArgumentException(reason);
        }
    }

    default <R> ParseResult<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Parsed<T> parsed -> new Parsed<>(mapper.apply(parsed.value()));
            case Rejected<T> rejected -> new Rejected<>(rejected.reason());
        };
    }
}
