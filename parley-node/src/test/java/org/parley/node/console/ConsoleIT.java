package org.parley.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * Issue 18's acceptance walk in a real browser: two real nodes (BLUE and RED, SQLite, mutual TLS on
 * loopback, the system clock) and one headless Debian Chromium per duty officer. Screenshots of
 * each step go to target/console-screens/; the budgets are measured and printed.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Short enough that amber (half) and red (overdue) happen within the test. */
    private static final Duration IMMEDIATE_DEADLINE = Duration.ofSeconds(6);

    @TempDir
    static Path root;

    static HotlineNode blue;
    static HotlineNode red;
    static Browser blueBrowser;
    static Browser redBrowser;

    @BeforeAll
    static void start() throws IOException {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        InstantSource clock = InstantSource.system();
        PartyIdentity b =
                PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, RANDOM);
        PartyIdentity r =
                PartyIdentity.init(root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, RANDOM);
        b.pinEachOther(r);
        int blueFed = Ports.freePort();
        int redFed = Ports.freePort();
        // BLUE's watch replays a recorded bow crossing (its file feed, in real time: a faster replay
        // re-dates the reports closer together than the ships could move): the incident the map and
        // the incident view show. Its notices are drafts, sent from the incident view.
        java.nio.file.Files.writeString(root.resolve("parties.yaml"), """
                parties: { BLUE: [US], RED: [CN] }
                units:
                  - { mmsi: 369970093, name: "USS Chung-Hoon", party: BLUE }
                  - { mmsi: 412000132, name: "PLAN destroyer", party: RED }
                """);
        CrossingScenario.write(root.resolve("crossing.nmea"), java.time.Instant.parse("2026-06-01T09:00:00Z"));
        blue = HotlineNode.start(
                NodeConfig.load(NodeConfigFile.of("BLUE", "RED")
                        .keys("blue/keys")
                        .sqlite(root.resolve("blue/store.db"))
                        .federation(blueFed, redFed)
                        .token("blue-officer", "alice", "DUTY_OFFICER")
                        .immediateDeadline(IMMEDIATE_DEADLINE.toString())
                        .watch("""
                                  parties: parties.yaml
                                  send: { UNSAFE: draft, HOTLINE: draft }
                                  feeds:
                                    - { name: replay, kind: ais, file: "crossing.nmea", speed: 1 }
                                """)
                        .write(root.resolve("blue.yaml"))),
                clock,
                RANDOM);
        red = HotlineNode.start(
                NodeConfig.load(NodeConfigFile.of("RED", "BLUE")
                        .keys("red/keys")
                        .sqlite(root.resolve("red/store.db"))
                        .federation(redFed, blueFed)
                        .token("red-officer", "li", "DUTY_OFFICER")
                        .token("red-supervisor", "wang", "WATCH_SUPERVISOR")
                        .immediateDeadline(IMMEDIATE_DEADLINE.toString())
                        .write(root.resolve("red.yaml"))),
                clock,
                RANDOM);
        blueBrowser = new Browser("BLUE");
        redBrowser = new Browser("RED");
        signIn(blueBrowser, blue, "alice");
        blueBrowser.screenshot("01-blue-signed-in");
        signIn(redBrowser, red, "li");
        redBrowser.screenshot("02-red-signed-in");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {blueBrowser, redBrowser, red, blue}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static String base(HotlineNode node) {
        return "https://127.0.0.1:" + node.operatorPort();
    }

    private static void signIn(Browser browser, HotlineNode node, String operator) {
        long start = System.nanoTime();
        browser.get(base(node) + "/login?code=" + node.consoleLoginCode(operator));
        browser.waitFor(
                "inbox after sign-in",
                Duration.ofSeconds(5),
                () -> "inbox".equals(browser.js("return document.body.dataset.view")));
        System.out.printf(
                "budget: %s first console page (sign-in redirect + inbox) %d ms (< 1000)%n",
                node.party(), (System.nanoTime() - start) / 1_000_000);
        browser.waitFor("event stream open", Duration.ofSeconds(5), () -> live(browser));
    }

    private static boolean live(Browser browser) {
        return "on".equals(browser.js("return document.body.dataset.live"));
    }

    /** Opens a console view and waits until its event stream is on. */
    private static void openLive(Browser browser, String url, String what) {
        browser.get(url);
        browser.waitFor(what, Duration.ofSeconds(5), () -> live(browser));
    }

    /** Opens BLUE's compose view with this precedence and category chosen. */
    private static void composeAtBlue(String precedence, String category) {
        blueBrowser.get(base(blue) + "/console/compose");
        new Select(blueBrowser.find("#precedence")).selectByVisibleText(precedence);
        new Select(blueBrowser.find("#category")).selectByVisibleText(category);
    }

    /** Waits until RED's page sounds {@code value} in {@code document.body.dataset[key]} and has beeped. */
    private static void awaitSounding(String what, String key, String value) {
        redBrowser.waitFor(
                what,
                Duration.ofSeconds(2),
                () -> value.equals(redBrowser.js("return document.body.dataset." + key))
                        && Integer.parseInt(String.valueOf(redBrowser.js("return document.body.dataset.beeps || '0'")))
                                > 0);
    }

    /** BLUE's operator alice sends a ROUTINE text; its envelope id. */
    private static String sendRoutineFromBlue(String text) {
        return blue.messages()
                .send(
                        org.parley.wire.Precedence.ROUTINE,
                        org.parley.wire.Category.ROUTINE,
                        new org.parley.wire.Payload.Text(text),
                        "alice")
                .toString();
    }

    @Test
    void console_acceptanceWalk_flashAcknowledgedLiveAndImmediateEscalates() throws IOException {
        openLive(redBrowser, base(red) + "/console/inbox", "RED stream");
        // BLUE composes a phrasebook FLASH with a typed parameter, previewed in both languages.
        composeAtBlue("FLASH", "SAFETY");
        new Select(blueBrowser.find("#phrase")).selectByValue("MOU.AIR.TOO_CLOSE");
        blueBrowser.waitFor(
                "distance field",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#arg-distance").isEmpty());
        blueBrowser.find("#arg-distance").sendKeys("20ft");
        blueBrowser.waitFor(
                "preview in both languages",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#preview-zh").isEmpty()
                        && blueBrowser.find("#preview-zh").getText().contains("不安全"));
        assertThat(blueBrowser.find("#preview-en").getText()).contains("This is unsafe");
        blueBrowser.screenshot("03-blue-compose-preview");
        assertThat(blueBrowser.seriousAccessibilityViolations())
                .as("compose view")
                .isEmpty();

        blueBrowser.find("#send").click();
        // The new FLASH is the one not yet acknowledged (an earlier test's may be listed, acknowledged).
        String flash = "#rows tr.p-flash[data-status=RECEIVED]";
        Duration arrival = redBrowser.waitFor(
                "FLASH in RED's inbox",
                Duration.ofSeconds(1),
                () -> !redBrowser.all(flash).isEmpty());
        System.out.printf("budget: message to the other console %d ms (< 1000)%n", arrival.toMillis());
        // Read in the page in one step: the live inbox may swap its rows (htmx) between two driver calls.
        String id = String.valueOf(redBrowser.js("return document.querySelector(arguments[0]).dataset.id", flash));
        assertThat(String.valueOf(
                        redBrowser.js("return document.querySelector('#m-' + arguments[0] + ' .zh').textContent", id)))
                .contains("你机距我机");
        String countdown = String.valueOf(
                redBrowser.js("return document.querySelector('#m-' + arguments[0] + ' .countdown').textContent", id));
        redBrowser.waitFor(
                "countdown running",
                Duration.ofSeconds(2),
                () -> !String.valueOf(redBrowser.js(
                                "return document.querySelector('#m-' + arguments[0] + ' .countdown').textContent", id))
                        .equals(countdown));
        awaitSounding("FLASH alarm sounding", "alarm", "on");
        redBrowser.screenshot("04-red-inbox-flash");
        assertThat(redBrowser.seriousAccessibilityViolations()).as("inbox view").isEmpty();

        // The message view: English and Chinese side by side.
        redBrowser.get(base(red) + "/console/messages/" + id);
        assertThat(redBrowser.find("#zh").getText()).contains("不安全");
        redBrowser.screenshot("05-red-message-en-zh");
        assertThat(redBrowser.seriousAccessibilityViolations())
                .as("message view")
                .isEmpty();

        // RED acknowledges from the inbox by click; BLUE's outbox shows ACKNOWLEDGED within a second.
        openLive(blueBrowser, base(blue) + "/console/outbox", "outbox stream");
        redBrowser.get(base(red) + "/console/inbox");
        // The live inbox may swap the row between finding and clicking: click once it holds still.
        redBrowser.waitFor("acknowledge button clicked", Duration.ofSeconds(5), () -> {
            redBrowser.find("#m-" + id + " button.ack").click();
            return true;
        });
        Duration acked = blueBrowser.waitFor(
                "ACKNOWLEDGED in BLUE's outbox",
                Duration.ofSeconds(1),
                () -> "ACKNOWLEDGED".equals(blueBrowser.find("#m-" + id).getAttribute("data-status")));
        System.out.printf("budget: acknowledgment to the sender's console %d ms (< 1000)%n", acked.toMillis());
        blueBrowser.screenshot("06-blue-outbox-acknowledged");
        redBrowser.waitFor(
                "alarm silenced",
                Duration.ofSeconds(2),
                () -> "off".equals(redBrowser.js("return document.body.dataset.alarm")));
        redBrowser.screenshot("07-red-acknowledged");

        // The proof bundle downloads once a link test has had RED's record countersigned by BLUE.
        red.linkTest();
        redBrowser.get(base(red) + "/console/messages/" + id);
        String proofScript = "var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('proof').href).then(function (r) {"
                + "  return r.text().then(function (t) { done(r.status + ' ' + r.headers.get('Content-Disposition') + ' ' + t); }); });";
        String[] proof = {""};
        redBrowser.waitFor("proof bundle", Duration.ofSeconds(5), () -> {
            proof[0] = String.valueOf(redBrowser.asyncJs(proofScript));
            return proof[0].startsWith("200 ");
        });
        assertThat(proof[0])
                .contains("attachment; filename=\"proof-" + id + ".json\"")
                .contains("\"inclusionProof\"");
    }

    @Test
    void console_immediateWithShortDeadline_turnsAmberThenRedAndRaisesEscalation() {
        openLive(redBrowser, base(red) + "/console/inbox", "RED stream");
        composeAtBlue("IMMEDIATE", "ROUTINE");
        blueBrowser.find("#text").sendKeys("Exercise area closes at 1800Z");
        blueBrowser.find("#send").click();
        String row = "#rows tr.p-immediate";
        redBrowser.waitFor(
                "IMMEDIATE in RED's inbox",
                Duration.ofSeconds(1),
                () -> !redBrowser.all(row).isEmpty());
        assertThat(redBrowser.find(row).getAttribute("data-phase")).isEqualTo("green");
        redBrowser.waitFor(
                "amber at half the deadline",
                IMMEDIATE_DEADLINE,
                () -> "amber".equals(redBrowser.find(row).getAttribute("data-phase")));
        redBrowser.screenshot("08-red-immediate-amber");
        redBrowser.waitFor(
                "red when overdue",
                IMMEDIATE_DEADLINE,
                () -> "red".equals(redBrowser.find(row).getAttribute("data-phase")));
        redBrowser.waitFor(
                "OVERDUE shown live after the escalation",
                Duration.ofSeconds(3),
                () -> "OVERDUE".equals(redBrowser.find(row).getAttribute("data-status")));
        redBrowser.screenshot("09-red-immediate-overdue");
        redBrowser.get(base(red) + "/console/alarms");
        redBrowser.waitFor("escalation alarm listed", Duration.ofSeconds(3), () -> {
            redBrowser.get(base(red) + "/console/alarms");
            return !redBrowser.all("tr.k-ESCALATION").isEmpty();
        });
        assertThat(redBrowser.find("tr.k-ESCALATION").getText()).contains("NOT ACKNOWLEDGED IN TIME");
        redBrowser.screenshot("10-red-escalation-alarm");
    }

    @Test
    void console_requestsWithoutCsrfOrReusedCode_areRefused() {
        redBrowser.get(base(red) + "/console/inbox");
        String noToken = String.valueOf(redBrowser.asyncJs("var done = arguments[arguments.length - 1];"
                + "fetch('/console/compose/send', {method: 'POST', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: 'precedence=ROUTINE&category=ROUTINE&text=x'})"
                + ".then(function (r) { done(String(r.status)); });"));
        assertThat(noToken).as("POST without the CSRF token").isEqualTo("403");
        String withToken = String.valueOf(redBrowser.asyncJs("var done = arguments[arguments.length - 1];"
                + "var t = document.querySelector('meta[name=csrf-token]').content;"
                + "fetch('/console/compose/preview', {method: 'POST', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded', 'X-CSRF-Token': t}, body: 'text=x'})"
                + ".then(function (r) { done(String(r.status)); });"));
        assertThat(withToken).as("control: the same session with its token").isEqualTo("200");

        // A one-time code signs in once.
        String code = red.consoleLoginCode("li");
        try (Browser other = new Browser("RED-2")) {
            other.get(base(red) + "/login?code=" + code);
            assertThat(other.js("return document.body.dataset.view")).isEqualTo("inbox");
            other.driver.manage().deleteAllCookies();
            other.get(base(red) + "/login?code=" + code);
            assertThat(other.find("p.error").getText()).contains("used already");
            other.screenshot("11-code-used-twice");
        }
        // The session cookie is HttpOnly: the page's script cannot read it.
        assertThat((String) redBrowser.js("return document.cookie")).doesNotContain("parley");
    }

    @Test
    void console_channelNoticeControl_shownExactlyWhenTheApiAllowsTheRole() {
        redBrowser.get(base(red) + "/console/dialogue");
        boolean shown = !redBrowser.all("#suspend-form").isEmpty();
        String status = String.valueOf(redBrowser.asyncJs("var done = arguments[arguments.length - 1];"
                + "var t = document.querySelector('meta[name=csrf-token]').content;"
                + "fetch('/console/channel-notices', {method: 'POST', redirect: 'manual', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded', 'X-CSRF-Token': t}, body: 'action=SUSPEND&reason=test'})"
                + ".then(function (r) { done(String(r.status)); });"));
        redBrowser.screenshot("12-red-dialogue-duty-officer");
        // The console asks the API's route table whether this role may send a notice, and the API
        // decides the POST: the control is absent exactly when the request is refused with 403.
        assertThat(status.equals("403"))
                .as("refused (" + status + ") exactly when the control is hidden")
                .isEqualTo(!shown);
    }

    @Test
    void console_mapAndChinese_offlineCoastlineAndEveryGlyphInTheWebfont() throws IOException {
        blueBrowser.get(base(blue) + "/console/map?lat=24.5&lon=119.5&zoom=6");
        blueBrowser.waitFor(
                "coastline drawn",
                Duration.ofSeconds(5),
                () -> "loaded".equals(blueBrowser.js("return document.getElementById('map').dataset.coastline"))
                        && !blueBrowser.all("#map path.leaflet-interactive").isEmpty());
        blueBrowser.waitFor(
                "incident feed read",
                Duration.ofSeconds(5),
                () -> blueBrowser.js("return document.getElementById('map').dataset.incidents") != null);
        assertThat(blueBrowser.find("#incidents").getText()).isNotBlank();
        blueBrowser.screenshot("13-blue-map");
        assertThat(blueBrowser.seriousAccessibilityViolations()).as("map view").isEmpty();

        // Chinese labels, drawn with the shipped subset font: every glyph on the page is in it.
        blueBrowser.get(base(blue) + "/console/inbox");
        blueBrowser.find("#language").click();
        blueBrowser.waitFor(
                "Chinese labels",
                Duration.ofSeconds(3),
                () -> blueBrowser.find("h1").getText().equals("发件箱")
                        || blueBrowser.find("h1").getText().equals("收件箱"));
        for (String view : List.of("dialogue", "compose", "alarms", "link", "map", "inbox")) {
            blueBrowser.get(base(blue) + "/console/" + view);
            assertThat(missingGlyphs(blueBrowser))
                    .as("characters on " + view + " that the subset font lacks")
                    .isEmpty();
        }
        Object check =
                blueBrowser.asyncJs("var done = arguments[arguments.length - 1]; var text = document.body.innerText;"
                        + "document.fonts.load('16px \"Parley CJK\"', text).then(function (faces) {"
                        + "  done(faces.length > 0 && document.fonts.check('16px \"Parley CJK\"', text)); });");
        assertThat(check).as("document.fonts.check for the page's text").isEqualTo(true);
        blueBrowser.screenshot("14-blue-inbox-zh");
        blueBrowser.find("#language").click();
    }

    @Test
    void eventsApi_bearerToken_streamsMessageEventOfANewInboundMessage() throws Exception {
        java.net.http.HttpClient http = https(red);
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base(red) + "/api/v1/events"))
                        .header("Authorization", "Bearer red-officer")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        java.util.Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("retry: 2000");
        String id = sendRoutineFromBlue("stream check");
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            String previous = "";
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data: ") && line.contains(id) && previous.equals("event: message")) {
                    return line;
                }
                previous = line;
            }
            return "stream ended";
        });
        assertThat(event.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("data: {\"id\":\"" + id + "\",\"direction\":\"INBOUND\",\"change\":\"new\"}");
        response.body().close();
    }

    @Test
    void inbox_tenThousandStoredMessages_firstPageWithinBudget() throws Exception {
        String id = sendRoutineFromBlue("template for the stored traffic");
        try (java.sql.Connection c =
                java.sql.DriverManager.getConnection("jdbc:sqlite:" + root.resolve("red/store.db"))) {
            byte[][] template = new byte[3][];
            redBrowser.waitFor("template stored at RED", Duration.ofSeconds(5), () -> {
                try (java.sql.PreparedStatement q =
                        c.prepareStatement("SELECT canonical, signature, sha256 FROM inbox WHERE envelope_id = ?")) {
                    q.setString(1, id);
                    try (java.sql.ResultSet r = q.executeQuery()) {
                        if (!r.next()) {
                            return false;
                        }
                        template[0] = r.getBytes(1);
                        template[1] = r.getString(2).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        template[2] = r.getString(3).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        return true;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            c.setAutoCommit(false);
            long dayAgoMicros = (System.currentTimeMillis() - 86_400_000L) * 1000;
            org.parley.testing.YearOfTraffic.acknowledgedInbox(
                    c,
                    10_000,
                    "BLUE",
                    dayAgoMicros,
                    template[0],
                    new String(template[1], java.nio.charset.StandardCharsets.US_ASCII),
                    new String(template[2], java.nio.charset.StandardCharsets.US_ASCII));
            c.commit();
        }
        redBrowser.get(base(red) + "/console/inbox");
        long serverMillis = ((Number) redBrowser.js("var n = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(n.responseEnd - n.requestStart);"))
                .longValue();
        long shownMillis = ((Number) redBrowser.js("var n = performance.getEntriesByType('navigation')[0];"
                        + " return Math.round(n.domContentLoadedEventEnd - n.startTime);"))
                .longValue();
        System.out.printf(
                "budget: inbox first page with 10,000 stored messages: response %d ms, shown %d ms (< 300)%n",
                serverMillis, shownMillis);
        assertThat(redBrowser.all("#rows tr")).hasSize(Pages.PAGE);
        assertThat(redBrowser.find("#rows tr").getAttribute("data-id"))
                .as("newest first")
                .isEqualTo(id);
        // The budget is 300 ms; a loaded 2-core CI machine gets headroom before this fails.
        assertThat(shownMillis).isLessThan(1_000);
        redBrowser.screenshot("15-red-inbox-10000");
    }

    /** Acknowledges a FLASH at RED as its duty officer: each test leaves none sounding for the next. */
    private static void acknowledgeAtRed(String id) {
        red.messages().acknowledge(org.parley.wire.EnvelopeId.parse(id), "li", "duty-officer");
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void console_emergencyOfTwoPhrases_distinctToneAndAlarmAcknowledgedWithWhoAndWhen() throws Exception {
        openLive(redBrowser, base(red) + "/console/inbox", "RED stream");
        // BLUE composes one message of two EMERGENCY phrases, each with its typed parameters.
        composeAtBlue("FLASH", "SAFETY");
        new Select(blueBrowser.find("#phrase")).selectByValue("EMG.DAMAGED");
        blueBrowser.waitFor(
                "unit field",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#arg-unit").isEmpty());
        blueBrowser.find("#arg-unit").sendKeys("Chung-Hoon");
        blueBrowser.find("#add-phrase-1").click();
        blueBrowser.waitFor(
                "second slot",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#phrase-2").isEmpty());
        new Select(blueBrowser.find("#phrase-2")).selectByValue("EMG.REQUEST_LANDING");
        blueBrowser.waitFor(
                "second slot's fields",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#arg-2-place").isEmpty());
        blueBrowser.find("#arg-2-unit").sendKeys("Chung-Hoon");
        blueBrowser.find("#arg-2-place").sendKeys("Sanya");
        blueBrowser.waitFor(
                "both phrases previewed in both languages",
                Duration.ofSeconds(3),
                () -> !blueBrowser.all("#preview-zh").isEmpty()
                        && blueBrowser.find("#preview-zh").getText().contains("紧急降落")
                        && blueBrowser.find("#preview-zh").getText().contains("已受损"));
        assertThat(blueBrowser.find("#preview-en").getText())
                .contains("Chung-Hoon is damaged")
                .contains("requests an emergency landing at Sanya");
        blueBrowser.screenshot("16-blue-compose-two-phrases");
        assertThat(blueBrowser.seriousAccessibilityViolations())
                .as("compose, two phrases")
                .isEmpty();
        blueBrowser.find("#send").click();

        // RED: the EMERGENCY row sounds its own tone, not the FLASH beep.
        redBrowser.waitFor(
                "EMERGENCY in RED's inbox",
                Duration.ofSeconds(2),
                () -> !redBrowser.all("#rows tr[data-emergency=yes]").isEmpty());
        String id = String.valueOf(
                redBrowser.js("return document.querySelector('#rows tr[data-emergency=yes]').dataset.id"));
        awaitSounding("EMERGENCY tone sounding", "sound", "emergency");
        assertThat(String.valueOf(redBrowser.js("return document.getElementById('alarm-banner').textContent")))
                .contains("EMERGENCY");
        redBrowser.screenshot("17-red-inbox-emergency");

        // The arrival raised an EMERGENCY alarm: a filtered alarms URL shows it with its button.
        String unacknowledged = base(red) + "/console/alarms?kind=EMERGENCY&unacknowledged=1";
        redBrowser.get(unacknowledged);
        assertThat(redBrowser.find("#filter-kind").getAttribute("value")).isEqualTo("EMERGENCY");
        assertThat(redBrowser.find("#filter-unacknowledged").isSelected()).isTrue();
        assertThat(redBrowser.all("tr.alarm"))
                .allMatch(tr -> tr.getAttribute("class").contains("k-EMERGENCY"));
        String alarmRow = "tr.k-EMERGENCY[data-acknowledged=no]";
        redBrowser.waitFor("EMERGENCY alarm listed", Duration.ofSeconds(3), () -> {
            redBrowser.get(unacknowledged);
            return !redBrowser.all(alarmRow).isEmpty();
        });
        String alarmId = redBrowser.find(alarmRow).getAttribute("id");
        redBrowser.screenshot("18-red-alarms-emergency-unacknowledged");
        assertThat(redBrowser.seriousAccessibilityViolations())
                .as("alarms view")
                .isEmpty();
        redBrowser.find("#" + alarmId + " button.ack-alarm").click();
        redBrowser.waitFor(
                "back on the filtered view, the alarm gone from it",
                Duration.ofSeconds(3),
                () -> redBrowser.all("#" + alarmId).isEmpty()
                        && String.valueOf(redBrowser.js("return location.search"))
                                .contains("unacknowledged=1"));
        redBrowser.get(base(red) + "/console/alarms?kind=EMERGENCY");
        String acked = redBrowser.find("#" + alarmId + " .acked").getText();
        assertThat(acked).startsWith("li (duty-officer) · ").matches(".*\\d{4}-\\d\\d-\\d\\dT.*Z");
        redBrowser.screenshot("19-red-alarm-acknowledged");
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection("jdbc:sqlite:" + root.resolve("red/store.db"));
                java.sql.PreparedStatement q = c.prepareStatement(
                        "SELECT actor, detail FROM audit_log WHERE action = 'alarm.ack' AND subject = ?")) {
            q.setString(1, alarmId.substring("alarm-".length()));
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertThat(r.next())
                        .as("the acknowledgment is in the audit trail")
                        .isTrue();
                assertThat(r.getString(1)).isEqualTo("li");
                assertThat(r.getString(2)).contains("EMERGENCY");
            }
        }
        acknowledgeAtRed(id);
        redBrowser.get(base(red) + "/console/inbox");
        redBrowser.waitFor(
                "tone silenced",
                Duration.ofSeconds(3),
                () -> "off".equals(redBrowser.js("return document.body.dataset.sound")));
    }

    @Test
    @org.junit.jupiter.api.Order(20)
    void console_urlFilters_aLinkReproducesTheView() throws IOException {
        String url = base(blue) + "/console/outbox?precedence=IMMEDIATE&category=ROUTINE";
        blueBrowser.get(url);
        assertThat(new Select(blueBrowser.find("#filter-precedence"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("IMMEDIATE");
        assertThat(blueBrowser.all("#rows tr"))
                .allMatch(tr -> tr.getAttribute("class").contains("p-immediate"));
        // Chosen in the form, the filter lands in the address, so the link is the view.
        new Select(blueBrowser.find("#filter-precedence")).selectByValue("FLASH");
        new Select(blueBrowser.find("#filter-category")).selectByValue("SAFETY");
        blueBrowser.find("#apply-filter").click();
        blueBrowser.waitFor(
                "filter in the URL",
                Duration.ofSeconds(3),
                () -> String.valueOf(blueBrowser.js("return location.search"))
                        .contains("precedence=FLASH&category=SAFETY"));
        assertThat(blueBrowser.all("#rows tr"))
                .as("the EMERGENCY FLASH sent before, and only FLASH messages")
                .isNotEmpty()
                .allMatch(tr -> tr.getAttribute("class").contains("p-flash"));
        // The map keeps its place and zoom in the address too.
        blueBrowser.get(base(blue) + "/console/map?lat=22.2000&lon=119.4000&zoom=9");
        blueBrowser.waitFor(
                "map at the linked place",
                Duration.ofSeconds(5),
                () -> "loaded".equals(blueBrowser.js("return document.getElementById('map').dataset.coastline")));
        assertThat(String.valueOf(blueBrowser.js("return location.search")))
                .contains("lat=22.2000")
                .contains("zoom=9");
    }

    @Test
    @org.junit.jupiter.api.Order(30)
    void console_linkPanel_showsTheRecordSizeThePeerCountersigned() throws IOException {
        // The peer countersigns our offered head in its own link test back, so link tests run until
        // a non-empty record of RED's has been countersigned (every test before sent messages).
        String[] countersigned = {""};
        redBrowser.waitFor("a countersigned head of RED's record", Duration.ofSeconds(10), () -> {
            assertThat(red.linkTest()).as("a link test answered").isPresent();
            redBrowser.get(base(red) + "/console/link");
            countersigned[0] = redBrowser.find("#countersigned-size").getText();
            return countersigned[0].matches("[1-9]\\d* · \\d{4}-.*Z");
        });
        long size = Long.parseLong(redBrowser.find("#tree-size").getText());
        long vouched = Long.parseLong(countersigned[0].substring(0, countersigned[0].indexOf(' ')));
        assertThat(vouched).isPositive().isLessThanOrEqualTo(size);
        redBrowser.screenshot("20-red-link-countersigned");
        assertThat(redBrowser.seriousAccessibilityViolations()).as("link view").isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(40)
    void console_dialogueStatistics_drawnAsAChartPerPeriod() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        String request = "{\"level\": \"THEATRE_COMMANDERS\", \"topic\": \"Chart check\", \"proposed\": [\""
                + now.plus(Duration.ofDays(3)) + "\"], \"deadline\": \"" + now.plus(Duration.ofDays(1)) + "\"}";
        java.net.http.HttpResponse<String> sent = https(red)
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base(red) + "/api/v1/dialogue/requests"))
                                .header("Authorization", "Bearer red-supervisor")
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        redBrowser.get(base(red) + "/console/dialogue");
        redBrowser.waitFor(
                "statistics chart drawn",
                Duration.ofSeconds(5),
                () -> redBrowser.js("return document.getElementById('stats-chart').dataset.periods") != null);
        long periods = ((Number) redBrowser.js("return Number(document.getElementById('stats-chart').dataset.periods)"))
                .longValue();
        assertThat(periods).as("this month at least").isGreaterThanOrEqualTo(1);
        assertThat(redBrowser.all("#stats-chart canvas")).isNotEmpty();
        redBrowser.screenshot("21-red-dialogue-chart");
        assertThat(redBrowser.seriousAccessibilityViolations())
                .as("dialogue view")
                .isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void console_replayedIncident_onTheMapAndInItsViewWithPathsCpaChartAndHotline() throws IOException {
        // The map shows the incident BLUE's watch found in the replayed crossing, with a link to it.
        blueBrowser.get(base(blue) + "/console/map?lat=22.2000&lon=119.4000&zoom=11");
        blueBrowser.waitFor("incident of the replay on the map", Duration.ofSeconds(20), () -> {
            if (blueBrowser.all("#map path.incident-line").isEmpty()) {
                blueBrowser.get(base(blue) + "/console/map?lat=22.2000&lon=119.4000&zoom=11");
                return false;
            }
            return true;
        });
        blueBrowser.screenshot("22-blue-map-replayed-incident");
        assertThat(blueBrowser.seriousAccessibilityViolations())
                .as("map view with an incident")
                .isEmpty();
        String incidentUrl = blueBrowser.find("#incident-list a").getAttribute("href");
        String incidentId = incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1);
        assertThat(blueBrowser.find("#incident-list a").getText())
                .contains("Chung-Hoon")
                .contains("PLAN destroyer");

        // Its view: both predicted paths, the CPA point, the range chart, the drafted FLASH beside.
        // HOTLINE is confirmed about 50 s into the replay, which began when BLUE started.
        blueBrowser.waitFor("HOTLINE reached", Duration.ofSeconds(60), () -> {
            blueBrowser.get(incidentUrl);
            return blueBrowser.find("h1 .level").getText().equals("HOTLINE")
                    && !blueBrowser.all("#hotline-list li.s-DRAFT").isEmpty();
        });
        blueBrowser.waitFor(
                "paths and chart drawn",
                Duration.ofSeconds(5),
                () -> "paths".equals(blueBrowser.js("return document.getElementById('incident-map').dataset.drawn"))
                        && blueBrowser.js("return document.getElementById('range-chart').dataset.points") != null);
        assertThat(blueBrowser.all("#incident-map path.path-a")).hasSize(1);
        assertThat(blueBrowser.all("#incident-map path.path-b")).hasSize(1);
        assertThat(blueBrowser.all("#incident-map path.cpa-point")).hasSize(1);
        assertThat(blueBrowser.all("#range-chart canvas")).isNotEmpty();
        // The plotted CPA against the engine's own prediction at the same change (CrossingScenario:
        // a 150 yd bow crossing at 15 and 20 kn passes 110 m apart).
        com.fasterxml.jackson.databind.JsonNode plot =
                json(String.valueOf(blueBrowser.js("return document.getElementById('incident-map').dataset.plot")));
        com.fasterxml.jackson.databind.JsonNode detail =
                json(String.valueOf(blueBrowser.asyncJs("var done = arguments[arguments.length - 1];"
                        + "fetch('/console/data/incidents/" + incidentId + "').then(function (r) { return r.text(); })"
                        + ".then(done);")));
        com.fasterxml.jackson.databind.JsonNode change =
                detail.path("changes").get(plot.path("seq").asInt() - 1);
        double plotted = plot.path("cpa").path("metres").asDouble();
        System.out.printf(
                "incident view: plotted CPA %.0f m, engine's predicted CPA %.1f m at change %d (%s)%n",
                plotted,
                change.path("cpaMetres").asDouble(),
                plot.path("seq").asInt(),
                change.path("level").asText());
        assertThat(plotted).isBetween(80.0, 140.0);
        assertThat(plotted).isCloseTo(change.path("cpaMetres").asDouble(), org.assertj.core.data.Offset.offset(15.0));
        assertThat(blueBrowser.find("#predicted-cpa").getText()).startsWith(Math.round(plotted) + " m");
        blueBrowser.screenshot("23-blue-incident-view");
        assertThat(blueBrowser.seriousAccessibilityViolations())
                .as("incident view")
                .isEmpty();

        // The duty officer sends the drafted HOTLINE FLASH from the view; it is listed as SENT with its message.
        blueBrowser
                .find("#hotline-list li.s-DRAFT[data-level=HOTLINE] button.send-draft")
                .click();
        String sentItem = "#hotline-list li.s-SENT[data-level=HOTLINE]";
        blueBrowser.waitFor(
                "the notice sent, its message beside the incident",
                Duration.ofSeconds(5),
                () -> !blueBrowser.all(sentItem + " a").isEmpty());
        String envelope = blueBrowser.find(sentItem).getAttribute("data-envelope");
        assertThat(blueBrowser.find(sentItem + " [lang=zh-Hans]").getText()).isNotBlank();
        assertThat(missingGlyphs(blueBrowser))
                .as("characters on the incident view that the subset font lacks")
                .isEmpty();
        blueBrowser.screenshot("24-blue-incident-flash-sent");
        redBrowser.waitFor("the incident's FLASH at RED", Duration.ofSeconds(5), () -> {
            redBrowser.get(base(red) + "/console/messages/" + envelope);
            return !redBrowser.all("#zh").isEmpty();
        });
        acknowledgeAtRed(envelope);
    }

    /** The characters from U+2000 up on the page that the shipped subset font does not cover. */
    private static String missingGlyphs(Browser browser) throws IOException {
        String covered = new String(
                java.util.Objects.requireNonNull(ConsoleIT.class.getResourceAsStream("assets/noto-sans-sc-subset.txt"))
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder missing = new StringBuilder();
        String.valueOf(browser.js("return document.body.innerText"))
                .codePoints()
                .filter(c -> c >= 0x2000 && covered.indexOf(c) < 0)
                .distinct()
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** An HTTPS client that trusts {@code node}'s party CA (the operator port's certificate). */
    private static java.net.http.HttpClient https(HotlineNode node) throws Exception {
        javax.net.ssl.TrustManagerFactory trust =
                javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        try (java.io.InputStream ca =
                java.nio.file.Files.newInputStream(node.keysDir().resolve("ca.crt"))) {
            store.setCertificateEntry(
                    "ca",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        trust.init(store);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(tls).build();
    }
}
