package org.parley.node;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.crypto.PartyIdentity;
import org.parley.federation.DeliveryStore;
import org.parley.federation.Federation;
import org.parley.federation.FederationConfig;
import org.parley.federation.LinkStatus;
import org.parley.federation.OutboxSignal;
import org.parley.node.api.OperatorApi;
import org.parley.node.console.Console;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.messages.AckWatch;
import org.parley.node.messages.Drafter;
import org.parley.node.messages.MessageService;
import org.parley.node.record.NodeDialogue;
import org.parley.node.record.NodeLedger;
import org.parley.node.watch.EncounterWatch;
import org.parley.store.Store;
import org.parley.wire.Party;

/**
 * One party's running node. {@link #start} assembles it top to bottom, the way a Helidon SE
 * application's {@code main} does: keys, store, record, message service, federation with the peer,
 * the operator API and the acknowledgment ticker, each step given only what the steps before it
 * made. If a step fails, what the earlier steps opened is closed again, in reverse order, before the
 * failure is thrown: a node that did not start leaves no thread, socket or database open.
 */
public final class HotlineNode implements AutoCloseable {
    private final NodeConfig config;
    private final Store store;
    private final NodeEvents events;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final MessageService messages;
    private final Federation federation;
    private final OperatorApi api;
    private final EncounterWatch watch;
    private final Console console;
    private final Resources resources;

    private HotlineNode(Parts parts, Resources resources) {
        this.config = parts.config();
        this.store = parts.store();
        this.events = parts.events();
        this.ledger = parts.ledger();
        this.dialogue = parts.dialogue();
        this.messages = parts.messages();
        this.federation = parts.federation();
        this.api = parts.api();
        this.watch = parts.watch();
        this.console = parts.console();
        this.resources = resources;
    }

    /** What {@link #start} assembled, handed to the constructor in one piece. */
    private record Parts(
            NodeConfig config,
            Store store,
            NodeEvents events,
            NodeLedger ledger,
            NodeDialogue dialogue,
            MessageService messages,
            Federation federation,
            OperatorApi api,
            EncounterWatch watch,
            Console console) {}

    /**
     * Starts the node described by {@code config}; the returned node is serving both ports. Throws
     * (with what went wrong) if any step fails, after closing what earlier steps opened.
     */
    public static HotlineNode start(NodeConfig config, InstantSource clock, SecureRandom random) {
        return start(config, Optional.empty(), clock, random);
    }

    /**
     * As {@link #start(NodeConfig, InstantSource, SecureRandom)} for keys encrypted with {@code
     * passphrase} ({@code parley keys init --passphrase-file}).
     */
    public static HotlineNode start(
            NodeConfig config, Optional<char[]> passphrase, InstantSource clock, SecureRandom random) {
        Resources resources = new Resources();
        try {
            PartyIdentity identity = PartyIdentity.load(config.keysDir(), passphrase, random);
            Store store = resources.add(Stores.open(config, clock));
            NodeEvents events = new NodeEvents(config.party(), store, clock);
            NodeLedger ledger = NodeLedger.open(store, identity, config.peer(), clock);
            NodeDialogue dialogue = NodeDialogue.open(store.sharedDataSource(), clock);
            OutboxSignal outbox = new OutboxSignal();
            MessageService messages = MessageService.open(
                    new Drafter(config.party(), config.peer(), identity.signer(), clock, random),
                    store,
                    ledger,
                    dialogue,
                    new AckWatch(clock, config.ackDeadlines(), config.escalationChain()),
                    events,
                    outbox);
            EncounterWatch watch = resources.add(EncounterWatch.open(
                    config.watch(), config.party(), config.peer(), messages, store.sharedDataSource(), events, clock));
            int resumed = messages.resumeFollowUps(identity.verifier()::verify);
            int unrecorded = ledger.recordMissing(store);
            if (unrecorded > 0) {
                events.say(config.party() + " recorded " + unrecorded
                        + " stored envelopes, receipts or acknowledgments a crash had kept off the ledger");
            }
            if (resumed > 0) {
                events.say(config.party() + " did the follow-up of " + resumed
                        + " received envelopes an error or a crash had cut short");
            }
            // federation.retryMax per precedence; the overall cap is the largest of them (issue 20).
            Duration longestRetry = java.util.Collections.max(config.retryMax().values());
            FederationConfig federationConfig = FederationConfig.builder(
                            config.federationListen(), config.peerEndpoints())
                    .linkTests(config.linkTestInterval(), config.linkTestTimeout(), config.missesForAlarm())
                    .retryMax(longestRetry)
                    .retryCaps(config.retryMax())
                    .connectionLimits(config.federationConnections())
                    .build();
            FlashOverdueAlarms overdue =
                    new FlashOverdueAlarms(config.peer(), clock, FlashOverdueAlarms.REMIND_EVERY, events::alarm);
            AlarmThrottle throttle = new AlarmThrottle(clock, events::alarm);
            Federation federation = resources.add(Federation.start(
                    federationConfig,
                    identity,
                    DeliveryStore.on(store),
                    clock,
                    random,
                    new NodeListener(
                            config.peer(),
                            identity,
                            new NodeListener.Services(messages, watch, dialogue, ledger),
                            new NodeListener.Alarms(events, overdue, throttle)),
                    outbox));
            OperatorApi api = resources.add(OperatorApi.start(
                    config,
                    identity.sslContext(),
                    messages,
                    dialogue,
                    watch,
                    ledger,
                    events,
                    federation,
                    store.engine(),
                    clock));
            // --- console (issue 18): the duty officer's pages on the operator port ---
            Console console = Console.attach(api, config, events, clock, random);
            resources.add(AckTicker.start(messages, overdue, throttle));
            resources.add(StoreProbe.start(messages));
            resources.add(RecordWatch.start(ledger, events));
            if (config.watch().enabled()) {
                watch.start();
            }
            events.say(String.format(
                    "%s node up: federation %s, operator API https://%s:%d/ (store %s)",
                    config.party(),
                    federation.address().getPort(),
                    config.operatorListen().getHostString(),
                    api.port(),
                    store.engine()));
            return new HotlineNode(
                    new Parts(config, store, events, ledger, dialogue, messages, federation, api, watch, console),
                    resources);
        } catch (RuntimeException | Error e) {
            resources.closeAfterFailure(e);
            throw e;
        }
    }

    /**
     * The store of a node that is not running, for the engineer's offline tools (ledger proofs and
     * audits); the caller closes it.
     */
    public static Store openStore(NodeConfig config, InstantSource clock) {
        return Stores.open(config, clock);
    }

    public Party party() {
        return config.party();
    }

    public Path keysDir() {
        return config.keysDir();
    }

    /** Operators' actions on messages (what the API and the encounter watch use). */
    public MessageService messages() {
        return messages;
    }

    /**
     * The node's encounter watch: incidents, and the FLASH an unsafe encounter calls for. Running on
     * live feeds when node.yaml has a {@code watch:} section; always there for engine events handed
     * to it ({@code ./parley demo} replays its intercept through it).
     */
    public EncounterWatch encounterWatch() {
        return watch;
    }

    /** Sends a link test now, carrying this node's signed tree head; returns the round trip if answered. */
    public Optional<Duration> linkTest() {
        return federation.linkTest(Optional.of(ledger.linkTestAttachment()));
    }

    /** The dialogue ledger and channel notices. */
    public NodeDialogue dialogue() {
        return dialogue;
    }

    /** Leaves on this node's record. */
    public long ledgerSize() {
        return ledger.size();
    }

    /** How many of our tree heads the peer has countersigned. */
    public int ledgerCountersigned() {
        return ledger.countersignedByPeer();
    }

    public LinkStatus link() {
        return federation.linkStatus();
    }

    public List<Alarm> alarms() {
        return events.alarms();
    }

    /**
     * A one-time sign-in code for {@code operator}'s console (good once, for 10 minutes): open {@code
     * https://HOST:OPERATOR_PORT/login?code=CODE}.
     */
    public String consoleLoginCode(String operator) {
        return console.loginCode(operator);
    }

    /** The event stream's publisher: the encounter watch publishes INCIDENT and TRACKS here. */
    public NodeEvents events() {
        return events;
    }

    public int operatorPort() {
        return api.port();
    }

    public int federationPort() {
        return federation.address().getPort();
    }

    public String storeEngine() {
        return store.engine();
    }

    /** Subscribes to the human-readable timeline (the demo and {@code node start} print it). */
    public void onTimeline(Consumer<String> listener) {
        events.onTimeline(listener);
    }

    /** Stops the ticker, the operator API and the federation, then closes the store. */
    @Override
    public void close() {
        resources.close();
    }
}
