package org.parley.node;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.federation.DeliveryStall;
import org.parley.federation.DeliveryStore;
import org.parley.federation.Federation;
import org.parley.federation.FederationConfig;
import org.parley.federation.FederationListener;
import org.parley.federation.LinkEvent;
import org.parley.federation.LinkStatus;
import org.parley.store.Store;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One party's running node, wired by hand: keys, store, federation with the peer, the
 * acknowledgment watch and the operator API. Operators act through {@link Messages}.
 */
final class HotlineNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineNode.class);

    private final NodeConfig config;
    private final PartyIdentity identity;
    private final Store store;
    private final InstantSource clock;
    private final Federation federation;
    private final Messages messages;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final OperatorApi api;
    private final Thread ticker;
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> timeline = new CopyOnWriteArrayList<>();
    final Metrics metrics = new Metrics();

    private HotlineNode(NodeConfig config, InstantSource clock, SecureRandom random) {
        this.config = config;
        this.clock = clock;
        this.identity = PartyIdentity.load(config.keysDir(), Optional.empty(), random);
        this.store = openStore(config, clock);
        AckWatch watch = new AckWatch(clock, config.ackDeadlines(), config.escalationChain());
        this.ledger = new NodeLedger(store, identity, config.peer(), clock);
        this.dialogue = new NodeDialogue(store.sharedDataSource(), clock);
        this.messages = new Messages(
                config,
                identity,
                store,
                watch,
                clock,
                random,
                this::event,
                metrics,
                ledger,
                dialogue,
                text -> alarm(Alarm.Kind.PEER_RECORD_REWRITTEN, "FLASH " + text));
        FederationConfig fed = FederationConfig.defaults(config.federationListen(), config.peerEndpoints())
                .withLinkTests(config.linkTestInterval(), config.linkTestTimeout(), config.missesForAlarm());
        this.federation = Federation.start(fed, identity, DeliveryStore.on(store), clock, random, new Listener());
        messages.attach(federation);
        this.api = new OperatorApi(config, identity, messages, this, clock);
        this.ticker = Thread.ofVirtual().name("ack-watch").start(this::tickLoop);
        event(String.format(
                "%s node up: federation %s, operator API https://%s:%d/ (store %s)",
                config.party(),
                federation.address().getPort(),
                config.operatorListen().getHostString(),
                api.port(),
                store.engine()));
    }

    static HotlineNode start(NodeConfig config, InstantSource clock, SecureRandom random) {
        return new HotlineNode(config, clock, random);
    }

    static Store openStore(NodeConfig config, InstantSource clock) {
        String url = config.storeUrl();
        if (url.startsWith("jdbc:sqlite:")) {
            return Store.sqlite(Path.of(url.substring("jdbc:sqlite:".length())), clock);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Store.postgres(url, config.storeUser(), config.storePassword(), config.storeSchema(), clock);
        }
        throw new IllegalArgumentException("store must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB: " + url);
    }

    Party party() {
        return config.party();
    }

    java.nio.file.Path keysDir() {
        return config.keysDir();
    }

    Messages messages() {
        return messages;
    }

    Federation federation() {
        return federation;
    }

    /** Sends a link test now, carrying this node's signed tree head; returns the round trip if answered. */
    Optional<Duration> linkTest() {
        return federation.linkTest(Optional.of(ledger.linkTestAttachment()));
    }

    NodeDialogue dialogue() {
        return dialogue;
    }

    NodeLedger ledger() {
        return ledger;
    }

    long ledgerSize() {
        return ledger.size();
    }

    /** How many of our tree heads the peer has countersigned. */
    int ledgerCountersigned() {
        return ledger.countersignedByPeer();
    }

    LinkStatus link() {
        return federation.linkStatus();
    }

    List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    int operatorPort() {
        return api.port();
    }

    int federationPort() {
        return federation.address().getPort();
    }

    String storeEngine() {
        return store.engine();
    }

    /** Subscribes to the human-readable timeline (the demo prints it). */
    void onTimeline(Consumer<String> listener) {
        timeline.add(listener);
    }

    void event(String line) {
        LOG.info(line);
        timeline.forEach(l -> l.accept(line));
    }

    void alarm(Alarm.Kind kind, String message) {
        Alarm alarm = new Alarm(clock.instant(), kind, message);
        alarms.add(alarm);
        store.audit(config.party().name(), "alarm." + kind.name().toLowerCase(java.util.Locale.ROOT), "", message);
        event(config.party() + " ALARM " + kind + ": " + message);
    }

    private void tickLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (AckWatch.Event e : messages.tick()) {
                    switch (e) {
                        case AckWatch.Event.Realert r ->
                            alarm(
                                    Alarm.Kind.REALERT,
                                    "message " + r.id() + " not yet acknowledged at half its deadline; re-alerting "
                                            + r.role());
                        case AckWatch.Event.Escalated x ->
                            alarm(
                                    Alarm.Kind.ESCALATION,
                                    "message " + x.id() + " NOT ACKNOWLEDGED IN TIME; escalated from " + x.fromRole()
                                            + " to " + x.toRole());
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("acknowledgment watch failed; continuing", e);
            }
        }
    }

    private final class Listener implements FederationListener {
        @Override
        public Optional<String> refusal(VerifiedEnvelope envelope) {
            return dialogue.admit(envelope.envelope());
        }

        @Override
        public void received(VerifiedEnvelope envelope) {
            messages.received(envelope);
        }

        @Override
        public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
            messages.delivered(id, receipt);
        }

        @Override
        public void link(LinkEvent event) {
            switch (event) {
                case LinkEvent.AlarmRaised r ->
                    alarm(
                            Alarm.Kind.LINK_DOWN,
                            r.consecutiveMisses() + " link tests in a row unanswered by " + config.peer());
                case LinkEvent.AlarmCleared c ->
                    alarm(Alarm.Kind.LINK_RESTORED, "link to " + config.peer() + " answers again");
            }
        }

        @Override
        public void delivery(DeliveryStall event) {
            switch (event) {
                case DeliveryStall.Stuck stuck ->
                    alarm(
                            Alarm.Kind.DELIVERY_STALLED,
                            stuck.lane() + " delivery to " + config.peer() + " has not moved for "
                                    + stuck.stuckFor().toSeconds() + " s; those messages wait in the outbox"
                                    + " (the node log shows where it is stuck)");
                case DeliveryStall.Resumed resumed ->
                    alarm(
                            Alarm.Kind.DELIVERY_RESUMED,
                            resumed.lane() + " delivery to " + config.peer() + " moves again");
            }
        }

        @Override
        public Optional<String> linkTestAttachment() {
            return Optional.of(ledger.linkTestAttachment());
        }

        @Override
        public void refused(String reason) {
            metrics.refused.incrementAndGet();
            alarm(Alarm.Kind.REFUSED, reason);
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        api.close();
        federation.close();
        store.close();
    }
}
