package org.parley.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The typed body of an envelope. On the wire each payload is a JSON object whose member {@code
 * "type"} names the record below ({@link #type()}); the other members are the record's components.
 *
 * <p>To add a payload kind: add a record here and to {@code permits}, give it a new type name, and
 * add its two cases to {@code PayloadCodec}; the compiler's exhaustive switches point at every other
 * place. Old nodes reject an unknown type as malformed, so new kinds need a new envelope version or
 * an agreed rollout.
 */
public sealed interface Payload
        permits Payload.Text,
                Payload.SafetyNotice,
                Payload.LinkTest,
                Payload.Receipt,
                Payload.Ack,
                Payload.DialogueRequest,
                Payload.DialogueAnswer,
                Payload.ChannelNotice {

    /** The wire name of this payload kind, the value of its {@code "type"} member. */
    String type();

    /** Free text from one person to the other. */
    record Text(String text) implements Payload {
        public Text {
            Checks.text("text", text, Checks.MAX_TEXT);
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * A safety notice composed from phrasebook codes (rendered by each side in its own language),
     * their parameters, and optional free text.
     */
    record SafetyNotice(List<String> phraseCodes, SortedMap<String, String> parameters, String freeText)
            implements Payload {
        public SafetyNotice {
            phraseCodes = List.copyOf(phraseCodes);
            if (phraseCodes.isEmpty()) {
                throw new IllegalArgumentException("a safety notice needs at least one phrase code");
            }
            phraseCodes.forEach(code -> Checks.code("phrase code", code));
            parameters = Checks.parameters(parameters);
            Checks.text("freeText", freeText, Checks.MAX_TEXT);
        }

        public SafetyNotice(List<String> phraseCodes, Map<String, String> parameters, String freeText) {
            this(phraseCodes, new TreeMap<>(parameters), freeText);
        }

        @Override
        public String type() {
            return "safety-notice";
        }
    }

    /**
     * A link test: the receiver answers with its own, echoing the nonce; the sender learns round trip
     * time and clock offset. May carry the sender's latest signed tree head (as JSON from
     * parley-ledger) so the peer can ask for a consistency proof.
     */
    record LinkTest(String nonce, Instant sentAt, Optional<String> treeHeadJson) implements Payload {
        public LinkTest {
            Checks.code("nonce", nonce);
            sentAt = Checks.millis("sentAt", sentAt);
            treeHeadJson.ifPresent(json -> Checks.text("treeHeadJson", json, Checks.MAX_TEXT));
        }

        @Override
        public String type() {
            return "link-test";
        }
    }

    /**
     * "Durably stored", never "read" (docs/decisions.md, decision 3): the receiver committed the envelope whose
     * received bytes and signature hash to {@code sha256Hex}.
     */
    record Receipt(EnvelopeId envelopeId, Instant storedAt, String sha256Hex) implements Payload {
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Receipt {
            storedAt = Checks.millis("storedAt", storedAt);
            if (!SHA256.matcher(sha256Hex).matches()) {
                throw new IllegalArgumentException("sha256Hex must be 64 lower-case hex digits: '" + sha256Hex + "'");
            }
        }

        @Override
        public String type() {
            return "receipt";
        }
    }

    /** A person in {@code role} acknowledged the envelope: the human, signed step after a receipt. */
    record Ack(EnvelopeId envelopeId, String role, Instant acknowledgedAt) implements Payload {
        public Ack {
            Checks.code("role", role);
            acknowledgedAt = Checks.millis("acknowledgedAt", acknowledgedAt);
        }

        @Override
        public String type() {
            return "ack";
        }
    }

    /** A request in the structured dialogue, e.g. "explain intentions of unit X". */
    record DialogueRequest(String topicCode, String text, SortedMap<String, String> fields) implements Payload {
        public DialogueRequest {
            Checks.code("topicCode", topicCode);
            Checks.text("text", text, Checks.MAX_TEXT);
            fields = Checks.parameters(fields);
        }

        public DialogueRequest(String topicCode, String text, Map<String, String> fields) {
            this(topicCode, text, new TreeMap<>(fields));
        }

        @Override
        public String type() {
            return "dialogue-request";
        }
    }

    /** The answer to a dialogue request. */
    record DialogueAnswer(EnvelopeId requestId, String answerCode, String text, SortedMap<String, String> fields)
            implements Payload {
        public DialogueAnswer {
            Checks.code("answerCode", answerCode);
            Checks.text("text", text, Checks.MAX_TEXT);
            fields = Checks.parameters(fields);
        }

        public DialogueAnswer(EnvelopeId requestId, String answerCode, String text, Map<String, String> fields) {
            this(requestId, answerCode, text, new TreeMap<>(fields));
        }

        @Override
        public String type() {
            return "dialogue-answer";
        }
    }

    /**
     * Suspends or resumes categories of exchange. SAFETY and LINKTEST cannot be suspended (docs/decisions.md,
     * decision 5), so a notice naming them is refused here.
     */
    record ChannelNotice(Action action, Set<Category> categories, String reason, Optional<Instant> effectiveAt)
            implements Payload {
        /** A notice effective when its envelope is created. */
        public ChannelNotice(Action action, Set<Category> categories, String reason) {
            this(action, categories, reason, Optional.empty());
        }

        public ChannelNotice {
            // Like every wire instant, to the millisecond; empty means when its envelope was created.
            effectiveAt = effectiveAt.map(at -> at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            categories = Set.copyOf(categories);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("a channel notice must name at least one category");
            }
            for (Category category : categories) {
                if (!category.suspendable()) {
                    throw new IllegalArgumentException(
                            category + " cannot be suspended or resumed by a channel notice");
                }
            }
            Checks.text("reason", reason, Checks.MAX_TEXT);
        }

        @Override
        public String type() {
            return "channel-notice";
        }

        /** What the notice does to the named categories. */
        public enum Action {
            SUSPEND,
            RESUME
        }
    }
}
