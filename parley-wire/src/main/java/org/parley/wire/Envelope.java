package org.parley.wire;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One hotline message, as signed. Its canonical bytes (RFC 8785, see {@link EnvelopeCodec}) are
 * what is signed, sent, stored and verified (docs/decisions.md, decision 1).
 *
 * @param version wire format version, {@link #CURRENT_VERSION}
 * @param id time-ordered id, unique per sender party
 * @param from the sending party; must match the signer's certificate
 * @param to the receiving party
 * @param created when the sender made it, millisecond precision, UTC
 * @param inReplyTo the envelope this one answers, if any
 * @param languages BCP 47 tags of the human text inside, most preferred first (may be empty)
 * @param signer the id of the signing key; the verifier looks the certificate up by it
 */
public record Envelope(
        int version,
        EnvelopeId id,
        Party from,
        Party to,
        Precedence precedence,
        Category category,
        Instant created,
        Optional<EnvelopeId> inReplyTo,
        List<String> languages,
        Payload payload,
        KeyId signer) {

    public static final int CURRENT_VERSION = 1;
    // RFC 5646 in its common shape: language, then optional script/region/variant subtags.
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    public Envelope {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException(
                    "unsupported envelope version " + version + "; this build speaks " + CURRENT_VERSION);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to are the same party: " + from);
        }
        created = Checks.millis("created", created);
        languages = List.copyOf(languages);
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("not a BCP 47 language tag: '" + language + "'");
            }
        }
        if (languages.size() != languages.stream().distinct().count()) {
            throw new IllegalArgumentException("language tags repeat: " + languages);
        }
        checkCategory(category, payload);
    }

    /** Protocol payloads travel only in their own category, so a receipt can never pose as safety traffic. */
    private static void checkCategory(Category category, Payload payload) {
        Category required = switch (payload) {
            case Payload.LinkTest ignored -> Category.LINKTEST;
            case Payload.Receipt ignored -> Category.RECEIPT;
            case Payload.Ack ignored -> Category.ACK;
            case Payload.ChannelNotice ignored -> Category.NOTICE;
            case Payload.DialogueRequest ignored -> Category.DIALOGUE;
            case Payload.DialogueAnswer ignored -> Category.DIALOGUE;
            case Payload.SafetyNotice ignored -> Category.SAFETY;
            case Payload.Text ignored -> category;
        };
        if (category != required) {
            throw new IllegalArgumentException(
                    "a " + payload.type() + " payload must travel in category " + required + ", not " + category);
        }
    }

    /** The default acknowledgment deadline for this envelope (docs/decisions.md, decision 4). */
    public Instant defaultAckDeadline() {
        return created.plus(precedence.defaultAckDeadline());
    }

    /** Starts an envelope with a fresh UUIDv7 id and {@code created} from the clock. */
    public static Builder builder(InstantSource clock, SecureRandom random) {
        return new Builder(EnvelopeId.generate(clock, random), clock.instant());
    }

    /** Builds an envelope; every field without a default must be set. */
    public static final class Builder {
        private final EnvelopeId id;
        private final Instant created;
        private @Nullable Party from;
        private @Nullable Party to;
        private Precedence precedence = Precedence.ROUTINE;
        private @Nullable Category category;
        private @Nullable EnvelopeId inReplyTo;
        private List<String> languages = List.of();
        private @Nullable Payload payload;
        private @Nullable KeyId signer;

        private Builder(EnvelopeId id, Instant created) {
            this.id = id;
            this.created = created;
        }

        public Builder from(Party from) {
            this.from = from;
            return this;
        }

        public Builder to(Party to) {
            this.to = to;
            return this;
        }

        public Builder precedence(Precedence precedence) {
            this.precedence = precedence;
            return this;
        }

        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        public Builder inReplyTo(EnvelopeId inReplyTo) {
            this.inReplyTo = inReplyTo;
            return this;
        }

        public Builder languages(String... languages) {
            this.languages = List.of(languages);
            return this;
        }

        /** Sets the payload; the category follows from it unless set explicitly for a text payload. */
        public Builder payload(Payload payload) {
            this.payload = payload;
            return this;
        }

        public Builder signer(KeyId signer) {
            this.signer = signer;
            return this;
        }

        public Envelope build() {
            Payload body = Objects.requireNonNull(payload, "payload is not set");
            Category effective = category != null ? category : defaultCategory(body);
            return new Envelope(
                    CURRENT_VERSION,
                    id,
                    Objects.requireNonNull(from, "from is not set"),
                    Objects.requireNonNull(to, "to is not set"),
                    precedence,
                    effective,
                    created,
                    Optional.ofNullable(inReplyTo),
                    languages,
                    body,
                    Objects.requireNonNull(signer, "signer is not set"));
        }

        private static Category defaultCategory(Payload payload) {
            return switch (payload) {
                case Payload.LinkTest ignored -> Category.LINKTEST;
                case Payload.Receipt ignored -> Category.RECEIPT;
                case Payload.Ack ignored -> Category.ACK;
                case Payload.ChannelNotice ignored -> Category.NOTICE;
                case Payload.DialogueRequest ignored -> Category.DIALOGUE;
                case Payload.DialogueAnswer ignored -> Category.DIALOGUE;
                case Payload.SafetyNotice ignored -> Category.SAFETY;
                case Payload.Text ignored -> Category.ROUTINE;
            };
        }
    }
}
