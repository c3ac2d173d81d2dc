/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat page in a real headless Chromium: a streamed answer with a tool call, then a refund that
 * waits for approval, approved from the page, with the cost display moving; a rejected refund answered
 * truthfully; the page on a 420 px wide phone; and a spoken question from Chromium's fake microphone (a
 * beep), answered over the voice socket with transcripts and played speech. Leaves a screenshot of each in
 * {@code target/chat-page-<test>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=10ms" })
class ChatPageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "Chromium and its driver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(reason + "; required when CI=true");
            }
            Assumptions.abort(reason);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Files.createDirectories(Path.of("target"));
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target/chat-page-" + test.getTestMethod().orElseThrow().getName() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    @Test
    void aCustomerAsksStreamsSeesAToolCallAndApprovesARefund() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        open(wait);

        ask("Where is my order A-1001?");
        WebElement answer = wait.until(driver -> lastAssistantWith(driver.findElements(By.cssSelector(".assistant")),
                "Order A-1001"));
        assertThat(Integer.parseInt(answer.getDomAttribute("data-chunks"))).as("streamed in several chunks")
                .isGreaterThan(3);
        assertThat(browser.findElement(By.cssSelector(".tool-call")).getText()).contains("lookup_order")
                .contains("A-1001");
        String costAfterFirstTurn = wait.until(driver -> {
            String cost = driver.findElement(By.id("cost")).getText();
            return cost.equals("$0.000000") ? null : cost;
        });

        ask("I want a big refund");
        WebElement approval = wait.until(driver -> driver.findElements(By.cssSelector(".approval")).stream()
                .findFirst().orElse(null));
        assertThat(approval.getText()).contains("Refunds over $100 need a supervisor's approval")
                .contains("process_refund").contains("amount\n250").doesNotContain("{");
        approval.findElement(By.cssSelector("button.approve")).click();
        wait.until(driver -> lastAssistantWith(driver.findElements(By.cssSelector(".assistant")),
                "Your refund of $250"));

        assertThat(approval.findElements(By.tagName("button"))).as("the decided buttons are gone").isEmpty();
        assertThat(approval.findElement(By.cssSelector(".decision")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.id("cost")).getText()).isNotEqualTo(costAfterFirstTurn);
        assertThat(browser.findElement(By.id("turns")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#chart rect"))).hasSize(3);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("no console errors, no 404 (favicon)")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    @Test
    void aRejectedRefundIsAnsweredTruthfully() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        open(wait);

        ask("I want a big refund");
        WebElement approval = wait.until(driver -> driver.findElements(By.cssSelector(".approval")).stream()
                .findFirst().orElse(null));
        approval.findElement(By.cssSelector("button.reject")).click();
        WebElement answer = wait.until(driver -> lastAssistantWith(driver.findElements(By.cssSelector(".assistant")),
                "I'm sorry: a supervisor did not approve the $250 refund"));

        assertThat(answer.getText()).contains("nothing has been refunded");
        assertThat(browser.findElements(By.cssSelector(".assistant"))).noneMatch(bubble -> bubble.getText()
                .contains("is done"));
        assertThat(approval.findElements(By.tagName("button"))).isEmpty();
        assertThat(approval.findElement(By.cssSelector(".decision")).getText()).isEqualTo("Rejected");
    }

    @Test
    void onAPhoneThePageTakesTheWholeWidthAndTheNewestAnswerStaysInView() {
        browser.manage().window().setSize(new Dimension(420, 860));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        open(wait);
        int viewport = ((Number) browser.executeScript("return window.innerWidth")).intValue();
        assertThat(viewport).isLessThanOrEqualTo(420);

        for (String question : new String[] { "Hello", "Where is my order A-1001?", "Thanks!", "Where is my order A-1001?" }) {
            int answered = browser.findElements(By.cssSelector(".assistant .meta")).size();
            ask(question);
            wait.until(driver -> driver.findElements(By.cssSelector(".assistant .meta")).size() > answered);
        }

        assertThat(browser.findElement(By.id("details")).getDomProperty("open")).as("side panel folded")
                .isEqualTo("false");
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(viewport);
        assertThat(browser.findElement(By.id("messages")).getRect().getWidth()).as("messages take the width")
                .isGreaterThan(viewport - 40);
        WebElement lastAnswer = lastAssistantWith(browser.findElements(By.cssSelector(".assistant")), "Order A-1001");
        assertThat(lastAnswer.getRect().getWidth()).as("an answer is not squeezed").isGreaterThan(viewport / 2);
        WebElement toolCard = browser.findElements(By.cssSelector(".tool-call")).get(0);
        assertThat(toolCard.getText()).isEqualTo("lookup_order\norder_id\nA-1001");
        Boolean metaInView = (Boolean) browser.executeScript("""
                const metas = document.querySelectorAll('.assistant .meta');
                const meta = metas[metas.length - 1].getBoundingClientRect();
                const box = document.getElementById('messages').getBoundingClientRect();
                return meta.top >= box.top && meta.bottom <= box.bottom + 1;""");
        assertThat(metaInView).as("the newest answer's tokens and cost are in view").isTrue();
    }

    @Test
    void aCustomerTalksAndSeesAndHearsTheAnswer() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        open(wait);

        WebElement talk = browser.findElement(By.id("talk"));
        talk.click();
        wait.until(driver -> "Stop".equals(talk.getText()));
        wait.until(driver -> count(driver, "data-mic-chunks") >= 5);
        talk.click();

        WebElement question = wait.until(driver -> driver.findElements(By.cssSelector(".user")).stream()
                .filter(bubble -> bubble.getText().equals("Where is my order A-1001?")).findFirst().orElse(null));
        assertThat(question).isNotNull();
        wait.until(driver -> lastAssistantWith(driver.findElements(By.cssSelector(".assistant")), "Order A-1001"));
        assertThat(browser.findElement(By.cssSelector(".tool-call")).getText()).contains("lookup_order");
        wait.until(driver -> "2".equals(driver.findElement(By.id("turns")).getText()));
        assertThat(count(browser, "data-audio-chunks")).as("speech played").isPositive();
        assertThat(talk.getText()).isEqualTo("Talk");
        assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();
    }

    private static int count(org.openqa.selenium.WebDriver driver, String attribute) {
        String value = driver.findElement(By.tagName("body")).getDomAttribute(attribute);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private void open(WebDriverWait wait) {
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void ask(String text) {
        browser.findElement(By.id("message")).sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private static WebElement lastAssistantWith(List<WebElement> bubbles, String text) {
        return bubbles.stream().filter(bubble -> bubble.getText().startsWith(text)).reduce((a, b) -> b).orElse(null);
    }
}
