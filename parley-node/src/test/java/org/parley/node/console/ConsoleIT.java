package org.parley.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
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
        blue = HotlineNode.start(
                NodeConfig.load(NodeConfigFile.of("BLUE", "RED")
                        .keys("blue/keys")
                        .sqlite(root.resolve("blue/store.db"))
                        .federation(blueFed, redFed)
                        .token("blue-officer", "alice", "DUTY_OFFICER")
                        .immediateDeadline(IMMEDIATE_DEADLINE.toString())
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
        browser.waitFor("inbox after sign-in", Duration.ofSeconds(5),
                () -> "inbox".equals(browser.js("return document.body.dataset.view")));
        System.out.printf("budget: %s first console page (sign-in redirect + inbox) %d ms (< 1000)%n",
                node.party(), (System.nanoTime() - start) / 1_000_000);
        browser.waitFor("event stream open", Duration.ofSeconds(5),
                () -> "on".equals(browser.js("return document.body.dataset.live")));
    }

    @Test
    void console_acceptanceWalk_flashAcknowledgedLiveAndImmediateEscalates() throws IOException {
        signIn(blueBrowser, blue, "alice");
        blueBrowser.screenshot("01-blue-signed-in");
        // The cookie the browser got is HttpOnly: the page's script cannot read it.
        assertThat((String) blueBrowser.js("return document.cookie")).doesNotContain("parley");
        signIn(redBrowser, red, "li");
        redBrowser.screenshot("02-red-signed-in");

        // BLUE composes a phrasebook FLASH with a typed parameter, previewed in both languages.
        blueBrowser.get(base(blue) + "/console/compose");
        new Select(blueBrowser.find("#precedence")).selectByVisibleText("FLASH");
        new Select(blueBrowser.find("#category")).selectByVisibleText("SAFETY");
        new Select(blueBrowser.find("#phrase")).selectByValue("MOU.AIR.TOO_CLOSE");
        blueBrowser.waitFor("distance field", Duration.ofSeconds(3), () -> !blueBrowser.all("#arg-distance").isEmpty());
        blueBrowser.find("#arg-distance").sendKeys("20ft");
        blueBrowser.waitFor("preview in both languages", Duration.ofSeconds(3),
                () -> !blueBrowser.all("#preview-zh").isEmpty()
                        && blueBrowser.find("#preview-zh").getText().contains("不安全"));
        assertThat(blueBrowser.find("#preview-en").getText()).contains("This is unsafe");
        blueBrowser.screenshot("03-blue-compose-preview");
        assertThat(blueBrowser.seriousAccessibilityViolations()).as("compose view").isEmpty();

        blueBrowser.find("#send").click();
        Duration arrival = redBrowser.waitFor("FLASH in RED's inbox", Duration.ofSeconds(1),
                () -> !redBrowser.all("#rows tr.p-flash").isEmpty());
        System.out.printf("budget: message to the other console %d ms (< 1000)%n", arrival.toMillis());
        WebElement row = redBrowser.find("#rows tr.p-flash");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".zh")).getText())
                .contains("你机距我机");
        String countdown = redBrowser.find("#rows tr.p-flash .countdown").getText();
        redBrowser.waitFor("countdown running", Duration.ofSeconds(2),
                () -> !redBrowser.find("#rows tr.p-flash .countdown").getText().equals(countdown));
        redBrowser.waitFor("FLASH alarm sounding", Duration.ofSeconds(2),
                () -> "on".equals(redBrowser.js("return document.body.dataset.alarm"))
                        && Integer.parseInt(String.valueOf(redBrowser.js("return document.body.dataset.beeps || '0'"))) > 0);
        redBrowser.screenshot("04-red-inbox-flash");
        assertThat(redBrowser.seriousAccessibilityViolations()).as("inbox view").isEmpty();

        // The message view: English and Chinese side by side.
        String id = row.getAttribute("data-id");
        redBrowser.get(base(red) + "/console/messages/" + id);
        assertThat(redBrowser.find("#zh").getText()).contains("不安全");
        redBrowser.screenshot("05-red-message-en-zh");
        assertThat(redBrowser.seriousAccessibilityViolations()).as("message view").isEmpty();

        // RED acknowledges from the inbox by click; BLUE's outbox shows ACKNOWLEDGED within a second.
        blueBrowser.get(base(blue) + "/console/outbox");
        blueBrowser.waitFor("outbox stream", Duration.ofSeconds(5),
                () -> "on".equals(blueBrowser.js("return document.body.dataset.live")));
        redBrowser.get(base(red) + "/console/inbox");
        redBrowser.find("#m-" + id + " button.ack").click();
        Duration acked = blueBrowser.waitFor("ACKNOWLEDGED in BLUE's outbox", Duration.ofSeconds(1),
                () -> "ACKNOWLEDGED".equals(blueBrowser.find("#m-" + id).getAttribute("data-status")));
        System.out.printf("budget: acknowledgment to the sender's console %d ms (< 1000)%n", acked.toMillis());
        blueBrowser.screenshot("06-blue-outbox-acknowledged");
        redBrowser.waitFor("alarm silenced", Duration.ofSeconds(2),
                () -> "off".equals(redBrowser.js("return document.body.dataset.alarm")));
        redBrowser.screenshot("07-red-acknowledged");
    }
}
