package org.parley.wire;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.parley.testing.Generators;

/**
 * Seeded generators of envelopes with every payload type, for properties here and in the modules
 * that sign and store envelopes (shared through this module's test jar).
 */
public final class EnvelopeGenerators {
    /** Characters JSON and JCS treat specially: quotes, escapes, controls, U+2028, non-ASCII, astral. */
    private static final String[] AWKWARD = {"\"", "\\", "/", "\u0000", "\u001f", "\u2028", "€", "😀", "中", "文", " "};

    private static final String CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private EnvelopeGenerators() {}

    /** Any well-formed text of up to 40 chars, or a short run of the characters canonical JSON must escape. */
    public static String text(SplittableRandom random) {
        if (random.nextInt(3) > 0) {
            return Generators.text(random, 40, true);
        }
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(13); n > 0; n--) {
            sb.append(AWKWARD[random.nextInt(AWKWARD.length)]);
        }
        return sb.toString();
    }

    /** A rule code, parameter name or phrase id: 1 to 12 letters and digits. */
    public static String code(SplittableRandom random) {
        return Generators.text(random, 1, 12, CODE_CHARACTERS);
    }

    /** An instant to the millisecond between 1970 and the end of year 9999. */
    public static Instant instant(SplittableRandom random) {
        return Instant.ofEpochMilli(Generators.longBetween(random, 0, LATEST.toEpochMilli()));
    }

    public static EnvelopeId id(SplittableRandom random) {
        return new EnvelopeId(new UUID(random.nextLong(), random.nextLong()));
    }

    /** One payload of any type, each type equally likely. */
    public static Payload payload(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> new Payload.Text(text(random));
            case 1 -> new Payload.SafetyNotice(codes(random), parameters(random), text(random));
            case 2 -> new Payload.LinkTest(code(random), instant(random), maybe(random, text(random)));
            case 3 -> new Payload.Receipt(id(random), instant(random), Generators.text(random, 64, 64, HEX));
            case 4 -> new Payload.Ack(id(random), code(random), instant(random));
            case 5 -> new Payload.DialogueRequest(code(random), text(random), parameters(random));
            case 6 -> new Payload.DialogueAnswer(id(random), code(random), text(random), parameters(random));
            default ->
                new Payload.ChannelNotice(
                        Generators.oneOf(random, Payload.ChannelNotice.Action.values()),
                        categories(random),
                        text(random),
                        maybe(random, instant(random)));
        };
    }

    /** An envelope between BLUE and RED (either way) with any payload, signed-to-be by a random key id. */
    public static Envelope envelope(SplittableRandom random) {
        boolean blueFirst = random.nextBoolean();
        Payload payload = payload(random);
        return new Envelope(
                Envelope.CURRENT_VERSION,
                id(random),
                Party.of(blueFirst ? "BLUE" : "RED"),
                Party.of(blueFirst ? "RED" : "BLUE"),
                Generators.oneOf(random, Precedence.values()),
                payload instanceof Payload.Text ? Category.ROUTINE : defaultCategory(payload),
                instant(random),
                maybe(random, id(random)),
                languages(random, "en", "zh", "zh-Hans", "en-GB"),
                payload,
                new KeyId(Generators.text(random, 32, 32, HEX)));
    }

    /** Up to two distinct languages from {@code choices}, in drawn order. */
    public static List<String> languages(SplittableRandom random, String... choices) {
        List<String> languages = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            String language = Generators.oneOf(random, choices);
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        return languages;
    }

    /** The value half the time, empty otherwise. */
    public static <T> Optional<T> maybe(SplittableRandom random, T value) {
        return random.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

    private static List<String> codes(SplittableRandom random) {
        List<String> codes = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            codes.add(code(random));
        }
        return codes;
    }

    private static Map<String, String> parameters(SplittableRandom random) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            parameters.put(code(random), text(random));
        }
        return parameters;
    }

    private static EnumSet<Category> categories(SplittableRandom random) {
        Category[] suspendable = {Category.DIALOGUE, Category.NOTICE, Category.ROUTINE, Category.RECEIPT, Category.ACK};
        EnumSet<Category> categories = EnumSet.of(Generators.oneOf(random, suspendable));
        for (int n = random.nextInt(suspendable.length); n > 0; n--) {
            categories.add(Generators.oneOf(random, suspendable));
        }
        return categories;
    }

    /** The category the builder gives this payload, so generated envelopes are ones a node would send. */
    private static Category defaultCategory(Payload payload) {
        return Envelope.builder(() -> Instant.EPOCH, new SecureRandom())
                .from(Party.of("BLUE"))
                .to(Party.of("RED"))
                .payload(payload)
                .signer(new KeyId("0".repeat(32)))
                .build()
                .category();
    }
}
