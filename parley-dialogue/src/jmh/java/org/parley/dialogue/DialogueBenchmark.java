package org.parley.dialogue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.phrasebook.PhraseMessage;
import org.parley.dialogue.phrasebook.PhraseUse;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * How long a duty officer's screen waits for a rendered safety message, and for the statistics of
 * a large ledger (10,000 requests, far beyond the dozen a year the issue describes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DialogueBenchmark {
    private final Phrasebook book = Phrasebook.standard();
    private final PhraseMessage message = PhraseMessage.of(
                    PhraseUse.of("MOU.AIR.OWN_STATE")
                            .with("position", "21.5,114.25")
                            .with("altitude", "3000ft")
                            .with("course", "090")
                            .with("speed", "300kn"),
                    PhraseUse.of("MOU.AIR.TOO_CLOSE").with("distance", "20ft"))
            .withFreeText("keep clear");
    private DialogueLedger ledger = DialogueLedger.inMemory(ChannelPolicy.inMemory(Instant::now), Instant::now);

    @Setup(Level.Trial)
    public void fill() {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        SecureRandom random = new SecureRandom();
        ledger = DialogueLedger.inMemory(ChannelPolicy.inMemory(() -> start), () -> start);
        org.parley.dialogue.Level[] levels = org.parley.dialogue.Level.values();
        DialogueRepository.InMemory repository = new DialogueRepository.InMemory();
        for (int i = 0; i < 10_000; i++) {
            Instant sent = start.plus(Duration.ofHours(i));
            DialogueRequest request = new DialogueRequest(
                    EnvelopeId.generate(() -> sent, random),
                    Party.of("BLUE"),
                    Party.of("RED"),
                    levels[i % levels.length],
                    "topic " + i,
                    List.of(sent.plus(Duration.ofDays(30))),
                    sent.plus(Duration.ofDays(14)),
                    sent);
            repository.append(new DialogueEvent.Requested(request));
            if (i % 3 != 0) {
                repository.append(new DialogueEvent.Answered(new Answer.Declined(
                        request.id(), EnvelopeId.generate(() -> sent, random), Party.of("RED"), sent.plusSeconds(3600L * (i % 97)), "no")));
            }
        }
        Instant end = start.plus(Duration.ofHours(10_000)).plus(Duration.ofDays(30));
        ledger = new DialogueLedger(repository, ChannelPolicy.inMemory(() -> end), () -> end);
        ledger.recordDeadlines();
    }

    @Benchmark
    public Rendering renderEnglish() {
        return book.render(message, Reader.english());
    }

    @Benchmark
    public Rendering renderChinese() {
        return book.render(message, Reader.chinese());
    }

    @Benchmark
    public DialogueStats stats10kByQuarter() {
        return ledger.stats(Period.QUARTER);
    }
}
