package org.parley.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium driven by the Debian chromedriver, both named by path so Selenium
 * Manager never looks for (or downloads) a browser or driver. The node's certificate is issued by
 * the party's own CA, which the browser does not know, so certificate errors are accepted.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENS = Path.of("target", "console-screens");
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    final ChromeDriver driver;
    private final String name;

    Browser(String name) {
        this.name = name;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.setAcceptInsecureCerts(true);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--autoplay-policy=no-user-gesture-required",
                "--lang=en-GB");
        this.driver = new ChromeDriver(service, options);
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Polls every 20 ms; returns how long it took, or fails after {@code limit}. */
    Duration waitFor(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                // htmx swapped the element, or the page is still loading; look again
            }
            if (System.nanoTime() > deadline) {
                screenshot("timeout-" + what.replaceAll("[^a-zA-Z0-9]+", "-"));
                throw new AssertionError(name + ": not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    void screenshot(String step) {
        try {
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(step + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core run in the page: the serious and critical violations, one line each. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        assertThat(AXE)
                .as("axe-core, installed by the pom's axe-core-install step")
                .exists();
        js(Files.readString(AXE));
        Object result = asyncJs("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
